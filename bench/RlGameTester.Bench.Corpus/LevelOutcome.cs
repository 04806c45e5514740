namespace RlGameTester.Bench.Corpus;

/// <summary>How a level's measurement ended.</summary>
internal enum LevelOutcome
{
    /// <summary>Read, checked and explored.</summary>
    Measured,

    /// <summary>The reader refused the WAD or the level (a <c>WadFormatException</c>): the row says why.</summary>
    Unreadable,

    /// <summary>The explorer was cancelled at the wall-clock cap.</summary>
    TimedOut,

    /// <summary>Any other exception: a bug of the library on this level.</summary>
    Crashed,
}
