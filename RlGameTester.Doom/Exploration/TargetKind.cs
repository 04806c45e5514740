namespace RlGameTester.Doom.Exploration;

/// <summary>What there is to do at a trip's target cell.</summary>
internal enum TargetKind
{
    None,

    /// <summary>Touch a thing (Aux).</summary>
    Pickup,

    /// <summary>Use a switch or door line (Aux).</summary>
    Use,

    /// <summary>Shoot a gun line (Aux).</summary>
    Gun,

    /// <summary>Step over a walk-over line in direction Aux.</summary>
    Cross,

    /// <summary>Look around: a part of the map not yet seen.</summary>
    Coverage,

    /// <summary>Stand on the floor of a sector (Aux) that ends the level.</summary>
    ExitSector,

    /// <summary>A spot in view of a boss whose death ends the level.</summary>
    Boss,

    /// <summary>Shoot an explosive barrel (Aux) in the way.</summary>
    Barrel,
}
