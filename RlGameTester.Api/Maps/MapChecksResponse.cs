using RlGameTester.Api.Bugs;

namespace RlGameTester.Api.Maps;

/// <summary>A level's static check findings.</summary>
public sealed record MapChecksResponse
{
    /// <example>1</example>
    public long MapId { get; init; }

    /// <summary>When the level was checked; null while the check is queued.</summary>
    /// <example>2026-11-25T16:00:02Z</example>
    public DateTime? CheckedAt { get; init; }

    public required IReadOnlyList<BugResponse> Findings { get; init; }
}
