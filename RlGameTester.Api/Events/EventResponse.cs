using System.Text.Json;
using RlGameTester.Data.Events;
using RlGameTester.Domain.Events;

namespace RlGameTester.Api.Events;

/// <summary>One telemetry event of a run.</summary>
public sealed record EventResponse
{
    /// <example>1001</example>
    public long Id { get; init; }

    /// <example>12</example>
    public long RunId { get; init; }

    /// <example>health_change</example>
    public EventType EventType { get; init; }

    /// <example>2026-11-25T16:00:07Z</example>
    public DateTime Timestamp { get; init; }

    /// <example>3000</example>
    public int? Iteration { get; init; }

    /// <example>1</example>
    public int? Episode { get; init; }

    /// <summary>Game tick (1/35 s) or frame.</summary>
    /// <example>245</example>
    public int? Frame { get; init; }

    /// <summary>The event's payload.</summary>
    public JsonElement? Data { get; init; }

    /// <summary>The log line it was parsed from, if any.</summary>
    /// <example>INFO [4242] - 11/25/26 16:00:07 - 0:00:07 - Lost health (100 -> 80)</example>
    public string? RawLog { get; init; }

    internal static EventResponse From(RunEvent e) => new()
    {
        Id = e.Id,
        RunId = e.RunId,
        EventType = e.EventType,
        Timestamp = e.Timestamp,
        Iteration = e.Iteration,
        Episode = e.Episode,
        Frame = e.Frame,
        Data = Infrastructure.ApiJson.Element(e.Data),
        RawLog = e.RawLog,
    };
}
