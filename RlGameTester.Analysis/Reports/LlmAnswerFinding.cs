namespace RlGameTester.Analysis.Reports;

/// <summary>What the LLM says about one finding, by its id.</summary>
internal sealed record LlmAnswerFinding
{
    public long Id { get; init; }

    public string? Explanation { get; init; }

    public string? Fix { get; init; }
}
