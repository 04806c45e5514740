namespace RlGameTester.Analysis.Reports;

/// <summary>A section the LLM wrote, with the finding ids it says it used.</summary>
internal sealed record LlmAnswerSection
{
    public string? Heading { get; init; }

    public string? Body { get; init; }

    public List<long>? FindingIds { get; init; }
}
