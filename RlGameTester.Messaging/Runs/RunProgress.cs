namespace RlGameTester.Messaging.Runs;

/// <summary>Where a run is now, as its watchers see it live.</summary>
public sealed record RunProgress
{
    public long RunId { get; init; }

    /// <summary>The run's status (pending, running, completed, failed, cancelled).</summary>
    public required string Status { get; init; }

    public int? Episode { get; init; }

    public int? Iteration { get; init; }

    public int Kills { get; init; }

    public int Deaths { get; init; }

    public int? Health { get; init; }

    /// <summary>Events recorded so far.</summary>
    public long Events { get; init; }

    /// <summary>A short note: what the worker is doing, or why the run ended.</summary>
    public string? Message { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>True once the run can no longer change.</summary>
    public bool IsFinal => Status is "completed" or "failed" or "cancelled";
}
