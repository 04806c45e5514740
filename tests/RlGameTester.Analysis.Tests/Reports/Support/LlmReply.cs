using System.Text.Json;

namespace RlGameTester.Analysis.Tests.Reports.Support;

/// <summary>How the fake server answers one request.</summary>
internal sealed record LlmReply(int Status, string Content)
{
    public TimeSpan Delay { get; init; }

    /// <summary>A well-formed report answer citing the given ids.</summary>
    public static LlmReply Report(IReadOnlyList<long> ids, string title = "What breaks E1M1") => new(200, JsonSerializer.Serialize(new
    {
        title,
        summary = $"The player dies at once and gets stuck; fix {string.Join(" and ", ids.Select(id => $"[#{id}]"))} first.",
        hardness = "Deaths drive the score: every episode ended in a death.",
        sections = new[] { new { heading = "Why it plays badly", body = $"Most of the score comes from deaths [#{ids[0]}].", finding_ids = new[] { ids[0] } } },
        findings = ids.Select(id => new { id, explanation = $"LLM explanation of {id}", fix = $"LLM fix for {id}" }),
        cited_finding_ids = ids,
    }));
}
