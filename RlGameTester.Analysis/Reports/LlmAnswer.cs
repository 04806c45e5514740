namespace RlGameTester.Analysis.Reports;

/// <summary>The JSON the LLM is asked to answer with (see <see cref="LlmPrompt"/>); every part is checked before use.</summary>
internal sealed record LlmAnswer
{
    public string? Title { get; init; }

    public string? Summary { get; init; }

    public string? Hardness { get; init; }

    public List<LlmAnswerSection>? Sections { get; init; }

    public List<LlmAnswerFinding>? Findings { get; init; }

    public List<long>? CitedFindingIds { get; init; }
}
