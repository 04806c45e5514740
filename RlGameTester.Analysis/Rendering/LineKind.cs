namespace RlGameTester.Analysis.Rendering;

/// <summary>How a line is drawn. Lines are drawn in this order, so the later kinds stay visible where lines meet.</summary>
internal enum LineKind
{
    /// <summary>Two-sided, the same floor on both sides.</summary>
    Level,

    /// <summary>Two-sided, a floor step of at most 24 units.</summary>
    Step,

    /// <summary>One-sided.</summary>
    Wall,

    /// <summary>Two-sided, a floor step higher than 24 units.</summary>
    HighStep,

    /// <summary>Starts a lift or moving floor, or bounds a sector that one moves.</summary>
    Lift,

    /// <summary>Opens a door, or bounds a door sector.</summary>
    Door,

    Teleport,

    /// <summary>A door that needs a key (drawn in the key's colour), or a face of a sector such a door opens.</summary>
    LockedDoor,

    SecretExit,

    Exit,
}
