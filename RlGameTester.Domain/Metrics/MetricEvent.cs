using RlGameTester.Domain.Events;

namespace RlGameTester.Domain.Metrics;

/// <summary>The columns of an event that metrics and detectors read (a projection: never the raw log).</summary>
public sealed record MetricEvent(long Id, EventType Type, DateTime Timestamp, int? Episode, int? Frame, string? Data);
