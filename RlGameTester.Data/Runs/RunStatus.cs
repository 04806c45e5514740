namespace RlGameTester.Data.Runs;

/// <summary>
/// A run's lifecycle: pending -> running -> completed | failed | cancelled, and pending -> cancelled.
/// </summary>
public enum RunStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Cancelled,
}
