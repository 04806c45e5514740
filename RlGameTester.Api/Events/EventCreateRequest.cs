using System.Text.Json;
using RlGameTester.Domain.Events;

namespace RlGameTester.Api.Events;

/// <summary>A telemetry event to record.</summary>
public sealed record EventCreateRequest
{
    /// <summary>The run (required for POST /api/events; the bulk endpoint takes it from the query).</summary>
    /// <example>12</example>
    public long? RunId { get; init; }

    /// <summary>What happened (required).</summary>
    /// <example>health_change</example>
    public EventType? EventType { get; init; }

    /// <summary>When, as an ISO 8601 date-time (required); a value without an offset is taken as UTC.</summary>
    /// <example>2026-11-25T16:00:07Z</example>
    public DateTimeOffset? Timestamp { get; init; }

    /// <example>3000</example>
    public int? Iteration { get; init; }

    /// <example>1</example>
    public int? Episode { get; init; }

    /// <example>245</example>
    public int? Frame { get; init; }

    /// <summary>Payload (a JSON object), e.g. {"old": 100, "new": 80} for a health change.</summary>
    public JsonElement? Data { get; init; }

    /// <summary>The raw log line, if the event came from a log.</summary>
    /// <example>INFO [4242] - 11/25/26 16:00:07 - 0:00:07 - Lost health (100 -> 80)</example>
    public string? RawLog { get; init; }
}
