namespace RlGameTester.Doom.Exploration;

/// <summary>How a walk along a planned path ended.</summary>
internal enum WalkOutcome
{
    Arrived,

    /// <summary>Cut short by something that changed the level or moved the body (a teleport, a line set off).</summary>
    Interrupted,

    /// <summary>The path could not be followed.</summary>
    Blocked,
}
