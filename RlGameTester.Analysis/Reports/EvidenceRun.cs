namespace RlGameTester.Analysis.Reports;

/// <summary>The run a report is about.</summary>
internal sealed record EvidenceRun
{
    public long Id { get; init; }

    public long MapId { get; init; }

    public required string Agent { get; init; }

    public string? AgentModel { get; init; }

    public required string RunType { get; init; }

    public required string Status { get; init; }

    public string? Scenario { get; init; }

    public int? Seed { get; init; }

    public int? TotalEpisodes { get; init; }

    public DateTime? StartedAt { get; init; }

    public DateTime? CompletedAt { get; init; }

    public string? ErrorMessage { get; init; }
}
