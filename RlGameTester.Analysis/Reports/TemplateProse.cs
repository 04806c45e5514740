using System.Globalization;
using System.Text;
using RlGameTester.Data.Reports;

namespace RlGameTester.Analysis.Reports;

/// <summary>The templates' prose: a summary and a "what to fix first" list written from the evidence alone.</summary>
internal static class TemplateProse
{
    /// <summary>How many findings "what to fix first" names.</summary>
    public const int FirstFixes = 5;

    public static ReportProse For(ReportEvidence evidence) =>
        evidence.Subject == ReportSubject.Run ? ForRun(evidence) : ForMap(evidence);

    private static ReportProse ForRun(ReportEvidence evidence)
    {
        var run = evidence.Run!;
        var level = evidence.Map.LevelName ?? evidence.Map.Name;
        var summary = new StringBuilder();
        var episodes = evidence.Metrics?.Episodes ?? run.TotalEpisodes;
        summary.Append(CultureInfo.InvariantCulture, $"The {run.Agent} agent played {level}")
            .Append(episodes is { } n ? $" for {n} episode{ReportComposer.Plural(n)}" : string.Empty)
            .Append(CultureInfo.InvariantCulture, $"; the run is {run.Status}.");
        if (run.ErrorMessage is { Length: > 0 } error)
        {
            summary.Append(CultureInfo.InvariantCulture, $" It ended with an error: {error.ReplaceLineEndings(" ").Trim().TrimEnd('.')}.");
        }

        if (evidence.Metrics is { ExitReached: { } exit })
        {
            summary.Append(exit ? " It reached the exit." : " It did not reach the exit.");
            if (exit && evidence.Metrics.ExitAssumptions is [var assumed, ..])
            {
                summary.Append(CultureInfo.InvariantCulture, $" The finish rests on an assumption: {assumed.TrimEnd('.')}.");
            }
        }

        AppendFindings(summary, evidence, "the detectors");
        if (evidence.Metrics is { } m)
        {
            summary.Append(CultureInfo.InvariantCulture, $" Hardness {m.HardnessScore:0.00} / 100 ({m.HardnessBand.Replace('_', ' ')})")
                .Append(ReportComposer.Drivers(m) is [var main, ..] ? $", driven mostly by {main.Name} ({main.Describe()})."
                    : m.AgentFights ? "." : $", all of it the kills term: {run.Agent} plays without monsters, so it counts no kills.");
        }
        else
        {
            summary.Append(run.Status is "failed" or "cancelled" ? " It has no hardness: it was not analysed." : " Its hardness is not calculated yet.");
        }

        AppendFixFirst(summary, evidence);
        return new ReportProse($"Run {run.Id}: {level} played by {run.Agent}", summary.ToString(), null, Sections(evidence), new Dictionary<long, ProseFinding>());
    }

    private static ReportProse ForMap(ReportEvidence evidence)
    {
        var map = evidence.Map;
        var level = map.LevelName ?? map.Name;
        var summary = new StringBuilder();
        summary.Append(CultureInfo.InvariantCulture, $"Level {level}")
            .Append(map.LevelName is not null && map.Name != map.LevelName ? $" (\"{map.Name}\")" : string.Empty)
            .Append(map.CheckedAt is null ? ": its static checks have not run yet" : ": checked like a map editor's analysis mode");
        var analysed = evidence.Runs.Where(r => r.Metrics is not null).ToList();
        summary.Append(evidence.Runs.Count switch
        {
            0 => ", and no agent has played it yet.",
            var n => $", and played in {n} run{ReportComposer.Plural(n)} ({analysed.Count} analysed).",
        });
        AppendFindings(summary, evidence, evidence.Runs.Count == 0 ? "the static checks" : "the static checks and the runs");
        if (ReportComposer.HardestRun(analysed) is { } hardest)
        {
            var m = hardest.Metrics!;
            var scores = analysed.Select(r => r.Metrics!.HardnessScore).ToList();
            summary.Append(CultureInfo.InvariantCulture, $" It plays {m.HardnessBand.Replace('_', ' ')} at its hardest (run #{hardest.Id}: {m.HardnessScore:0.00} / 100, driven mostly by {(ReportComposer.Drivers(m) is [var main, ..] ? main.Name : m.AgentFights ? "nothing" : "nothing but the kills term, which its agent cannot earn")})")
                .Append(scores.Count > 1 ? FormattableString.Invariant($"; the runs range from {scores.Min():0.00} to {scores.Max():0.00}.") : ".");
        }

        AppendFixFirst(summary, evidence);
        return new ReportProse($"Level report: {level} (map {map.Id})", summary.ToString(), null, Sections(evidence), new Dictionary<long, ProseFinding>());
    }

    private static void AppendFindings(StringBuilder summary, ReportEvidence evidence, string finders)
    {
        var total = evidence.FindingsBySeverity.Values.Sum();
        summary.Append(total == 0
            ? $" {Capital(finders)} found no problems."
            : $" {Capital(finders)} found {total} problem{ReportComposer.Plural(total)}: {ReportComposer.Counts(evidence.FindingsBySeverity)}.");
    }

    private static void AppendFixFirst(StringBuilder summary, ReportEvidence evidence)
    {
        if (evidence.Findings.FirstOrDefault(f => f.Severity is "critical" or "major") is { } first)
        {
            summary.Append(CultureInfo.InvariantCulture, $" Fix first: [#{first.Id}] {FindingText.ShortTitle(first.Title)}, at {FindingText.Place(first)}.");
        }
    }

    private static List<ReportSection> Sections(ReportEvidence evidence)
    {
        var first = evidence.Findings.Where(f => f.Severity is "critical" or "major").Take(FirstFixes).ToList();
        if (first.Count == 0)
        {
            return [];
        }

        var body = new StringBuilder();
        var number = 1;
        foreach (var f in first)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"{number++}. [#{f.Id}] **{FindingText.ShortTitle(f.Title)}**: {f.Severity}, {FindingText.Place(f)}. {FindingFixes.For(f)}");
        }

        return [new ReportSection("What to fix first", body.ToString().TrimEnd(), first.ConvertAll(f => f.Id))];
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
