namespace RlGameTester.Doom.Validation;

/// <summary>How a player sets a line special off.</summary>
internal enum PlayerTrigger
{
    /// <summary>No way for a player: no special, an always-active one (scrollers, transfers) or an unknown number.</summary>
    None,

    /// <summary>S and D lines, Hexen "player use": P_UseLines from the front side.</summary>
    Use,

    /// <summary>W lines, Hexen "player cross": the centre crosses the line.</summary>
    Walk,

    /// <summary>G lines, Hexen "impact": a hitscan crosses the line.</summary>
    Gun,

    /// <summary>Hexen "player push": the body bumps into the line.</summary>
    Push,
}
