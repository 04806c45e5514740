using System.Text.Json;
using System.Text.RegularExpressions;
using RlGameTester.Data.Reports;

namespace RlGameTester.Analysis.Reports;

/// <summary>
/// Checks an LLM answer before it becomes a report: it must be the requested JSON, have a title and a summary,
/// and cite only finding ids that are in the evidence (in its id lists and as [#id] in its text) - at least one
/// when there are findings. Anything else is nonsense, and the templates write the report.
/// </summary>
internal static partial class LlmAnswerReader
{
    public static LlmReading Read(string? content, ReportEvidence evidence)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return LlmReading.Rejected("LLM answered with no content");
        }

        LlmAnswer? answer;
        try
        {
            answer = JsonSerializer.Deserialize(StripFence(content), LlmAnswerJson.Default.LlmAnswer);
        }
        catch (JsonException e)
        {
            return LlmReading.Rejected($"LLM answer is not the requested JSON ({Shorten(e.Message, 120)}); it began: {Shorten(content.Trim(), 60)}");
        }

        if (answer is null || string.IsNullOrWhiteSpace(answer.Summary) || string.IsNullOrWhiteSpace(answer.Title))
        {
            return LlmReading.Rejected("LLM answer has no title or no summary");
        }

        var sections = (answer.Sections ?? [])
            .Where(s => !string.IsNullOrWhiteSpace(s.Heading) && !string.IsNullOrWhiteSpace(s.Body))
            .ToList();
        var findings = (answer.Findings ?? []).ToList();

        // Every id it mentions, anywhere, in order of first mention.
        var mentioned = new List<long>();
        mentioned.AddRange(answer.CitedFindingIds ?? []);
        mentioned.AddRange(Citations(answer.Summary));
        mentioned.AddRange(Citations(answer.Hardness));
        foreach (var section in sections)
        {
            mentioned.AddRange(section.FindingIds ?? []);
            mentioned.AddRange(Citations(section.Body));
        }

        foreach (var finding in findings)
        {
            mentioned.Add(finding.Id);
            mentioned.AddRange(Citations(finding.Explanation));
            mentioned.AddRange(Citations(finding.Fix));
        }

        var known = evidence.Findings.Select(f => f.Id).ToHashSet();
        var unknown = mentioned.Where(id => !known.Contains(id)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            return LlmReading.Rejected($"LLM answer cited unknown finding{(unknown.Count > 1 ? "s" : string.Empty)} {string.Join(", ", unknown.Take(5).Select(id => $"#{id}"))}");
        }

        var cited = mentioned.Distinct().ToList();
        if (known.Count > 0 && cited.Count == 0)
        {
            return LlmReading.Rejected($"LLM answer cited none of the {known.Count} findings");
        }

        var prose = new ReportProse(
            answer.Title.Trim(),
            answer.Summary.Trim(),
            string.IsNullOrWhiteSpace(answer.Hardness) ? null : answer.Hardness.Trim(),
            sections.ConvertAll(s => new ReportSection(s.Heading!.Trim(), s.Body!.Trim(), [.. (s.FindingIds ?? []).Concat(Citations(s.Body)).Distinct()])),
            findings
                .Where(f => !string.IsNullOrWhiteSpace(f.Explanation) || !string.IsNullOrWhiteSpace(f.Fix))
                .GroupBy(f => f.Id)
                .ToDictionary(g => g.Key, g => new ProseFinding(Blank(g.First().Explanation), Blank(g.First().Fix))));
        return new LlmReading(prose, cited, null);
    }

    /// <summary>The ids cited as [#12] in a text.</summary>
    public static IEnumerable<long> Citations(string? text) =>
        text is null ? [] : Citation().Matches(text).Select(m => long.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Models often wrap JSON in a Markdown code fence even when asked not to.</summary>
    private static string StripFence(string content)
    {
        var text = content.Trim();
        if (!text.StartsWith("```", StringComparison.Ordinal))
        {
            return text;
        }

        var firstLine = text.IndexOf('\n', StringComparison.Ordinal);
        var end = text.LastIndexOf("```", StringComparison.Ordinal);
        return firstLine > 0 && end > firstLine ? text[(firstLine + 1)..end].Trim() : text;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    [GeneratedRegex(@"\[#(?<id>\d{1,18})\]")]
    private static partial Regex Citation();
}
