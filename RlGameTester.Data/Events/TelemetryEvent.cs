namespace RlGameTester.Data.Events;

/// <summary>
/// One telemetry event as an agent or parser produces it, before it is stored for a run.
/// </summary>
/// <param name="Sequence">Position in the run's event stream (0, 1, 2, ...): orders events and makes a replayed stream recognisable.</param>
/// <param name="Type">What happened.</param>
/// <param name="Timestamp">When, in UTC. Agents without a wall clock derive it from the run's start and their tick.</param>
/// <param name="Episode">Episode number, 1-based per evaluation, where known.</param>
/// <param name="Tick">Game tick (1/35 s) or frame, where known.</param>
/// <param name="Iteration">Training iteration, where known.</param>
/// <param name="DataJson">The payload as a JSON object text (<c>{"old":100,"new":80}</c>), or null.</param>
/// <param name="RawLine">The log line(s) the event was parsed from, or null for agents that emit events directly.</param>
public sealed record TelemetryEvent(
    long Sequence,
    EventType Type,
    DateTime Timestamp,
    int? Episode = null,
    int? Tick = null,
    int? Iteration = null,
    string? DataJson = null,
    string? RawLine = null);
