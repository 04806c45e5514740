namespace RlGameTester.Analysis.Reports;

/// <summary>An LLM answer after checking: its prose and cited ids, or why it cannot be used.</summary>
/// <param name="Prose">The usable prose; null when <paramref name="Problem"/> says why not.</param>
/// <param name="Cited">The finding ids it cites, each one in the evidence, in order of first mention.</param>
/// <param name="Problem">"LLM answer cited unknown finding #999", "LLM answer is not JSON: ...".</param>
internal sealed record LlmReading(ReportProse? Prose, IReadOnlyList<long> Cited, string? Problem)
{
    public static LlmReading Rejected(string problem) => new(null, [], problem);
}
