namespace RlGameTester.Data.Runs;

/// <summary>The moves a run can make, and from where.</summary>
public enum RunTransition
{
    /// <summary>pending -> running.</summary>
    Start,
    /// <summary>running -> completed.</summary>
    Complete,
    /// <summary>running -> failed.</summary>
    Fail,
    /// <summary>pending or running -> cancelled.</summary>
    Cancel,
}
