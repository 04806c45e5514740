using RlGameTester.Domain.Bugs;

namespace RlGameTester.Data.Bugs;

/// <summary>
/// A designer's mark on a finding: what they decided, why, who and when. A value: a mark carried to the same finding
/// of a later revision is a copy of it that names the finding it came from.
/// </summary>
public sealed record FindingTriage
{
    public const int MaxNoteLength = 2000;

    public TriageStatus Status { get; init; }

    public string? Note { get; init; }

    /// <summary>The caller that marked it (<c>key:{id}</c> or <c>token:{subject}</c>).</summary>
    public string? MarkedBy { get; init; }

    public DateTime MarkedAt { get; init; }

    /// <summary>The finding of the previous revision this mark was carried from; null for a mark made on this finding.</summary>
    public long? CarriedFromBugId { get; init; }

    /// <summary>This mark as carried to the same finding of a later revision.</summary>
    public FindingTriage CarriedFrom(Bug source) => this with { CarriedFromBugId = source.Id };
}
