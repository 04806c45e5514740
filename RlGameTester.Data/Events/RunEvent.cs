using RlGameTester.Domain.Events;

namespace RlGameTester.Data.Events;

/// <summary>One stored telemetry event of a run (table <c>events</c>).</summary>
public sealed class RunEvent
{
    public long Id { get; set; }

    public long RunId { get; set; }

    /// <summary>Position in the run's event stream when an agent produced it; null for events posted by hand.</summary>
    public long? Seq { get; set; }

    public EventType EventType { get; set; }

    public DateTime Timestamp { get; set; }

    public int? Iteration { get; set; }

    public int? Episode { get; set; }

    /// <summary>Game tick (1/35 s) or frame number.</summary>
    public int? Frame { get; set; }

    /// <summary>Event payload as JSON.</summary>
    public string? Data { get; set; }

    /// <summary>The log line(s) the event was parsed from.</summary>
    public string? RawLog { get; set; }
}
