using System.Text.Json;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Domain;
using RlGameTester.Domain.Events;

namespace RlGameTester.Api.Events;

/// <summary>A telemetry event to record.</summary>
public sealed record EventCreateRequest : IValidatedRequest
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

    void IValidatedRequest.Validate(RequestErrors errors)
    {
        errors.RequiredId("run_id", RunId);
        ValidateFields(errors, prefix: string.Empty);
    }

    /// <summary>The event's own fields; <paramref name="prefix"/> names its place in a bulk request (<c>[3].</c>).</summary>
    internal void ValidateFields(RequestErrors errors, string prefix)
    {
        if (EventType is null)
        {
            errors.Add($"{prefix}event_type", $"is required; allowed values: {SnakeCase.AllowedValues<EventType>()}.");
        }

        if (Timestamp is null)
        {
            errors.Add($"{prefix}timestamp", "is required (an ISO 8601 date-time).");
        }

        errors.NotNegative($"{prefix}iteration", Iteration);
        errors.NotNegative($"{prefix}episode", Episode);
        errors.NotNegative($"{prefix}frame", Frame);
        errors.JsonObject($"{prefix}data", Data);
    }
}
