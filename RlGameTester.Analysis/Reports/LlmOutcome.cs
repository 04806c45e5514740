namespace RlGameTester.Analysis.Reports;

/// <summary>What asking the LLM came to: usable prose with its cited ids and the model that wrote it, or why not.</summary>
internal sealed record LlmOutcome(ReportProse? Prose, IReadOnlyList<long> Cited, string? Model, string? FailureReason)
{
    public static LlmOutcome Failed(string reason, string? model = null) => new(null, [], model, reason);
}
