using RlGameTester.Data.Bugs;
using RlGameTester.Domain.Bugs;

namespace RlGameTester.Api.Bugs;

/// <summary>A designer's mark on a finding: made on it, or carried from the same finding of the previous revision.</summary>
public sealed record TriageResponse
{
    /// <example>false_positive</example>
    public TriageStatus Status { get; init; }

    /// <example>The texture comes from the project's resource WAD, which this upload did not carry.</example>
    public string? Note { get; init; }

    /// <summary>The caller that marked it: key:{id} for an API key, token:{subject} for a token.</summary>
    /// <example>key:3</example>
    public string? MarkedBy { get; init; }

    /// <example>2026-12-03T10:15:00Z</example>
    public DateTime MarkedAt { get; init; }

    /// <summary>The finding of the previous revision the mark was carried from (same check, element and place); null when it was made on this one.</summary>
    /// <example>null</example>
    public long? CarriedFromBugId { get; init; }

    internal static TriageResponse? From(FindingTriage? triage) => triage is null ? null : new()
    {
        Status = triage.Status,
        Note = triage.Note,
        MarkedBy = triage.MarkedBy,
        MarkedAt = triage.MarkedAt,
        CarriedFromBugId = triage.CarriedFromBugId,
    };
}
