using RlGameTester.Cli.Checking;
using RlGameTester.Domain;
using RlGameTester.Domain.Bugs;

namespace RlGameTester.Cli.Output;

/// <summary>
/// The report in Markdown, for a pull request comment or a job summary: the gate's outcome, a table of the levels, then
/// each level's findings by severity with what the check means.
/// </summary>
internal sealed class MarkdownReportWriter : IReportWriter
{
    public void Write(CheckReport report, TextWriter output)
    {
        var failing = report.Failing.Count();
        output.WriteLine($"# rlgt check: {Escape(Path.GetFileName(report.Wad))}");
        output.WriteLine();
        output.WriteLine(failing == 0
            ? $"**Passed**: nothing at or above {SnakeCase.Of(report.FailOn)}."
            : $"**Failed**: {failing} finding(s) at or above {SnakeCase.Of(report.FailOn)}.");
        output.WriteLine();
        output.WriteLine($"Loaded: {Escape(TextReportWriter.Loaded(report))}. {report.Levels.Count} level(s){(report.Explored ? ", played by the explorer" : "")}.");
        output.WriteLine();
        output.WriteLine($"| Level | {string.Join(" | ", Enum.GetValues<BugSeverity>().Select(SnakeCase.Of))} |{(report.Explored ? " Explorer |" : "")}");
        output.WriteLine($"|---|{string.Concat(Enum.GetValues<BugSeverity>().Select(_ => "---:|"))}{(report.Explored ? "---|" : "")}");
        foreach (var level in report.Levels)
        {
            var counts = string.Join(" | ", Enum.GetValues<BugSeverity>().Select(s => level.Findings.Count(f => f.Severity == s)));
            var play = level.Exploration is { } p ? $" {(p.ExitReached ? "exit reached" : Escape(p.Stopped ?? "exit not reached"))} |" : report.Explored ? " not played |" : "";
            output.WriteLine($"| {level.Level} | {counts} |{play}");
        }

        foreach (var level in report.Levels.Where(l => l.Findings.Count > 0))
        {
            output.WriteLine();
            output.WriteLine($"## {level.Level}");
            foreach (var group in level.Findings.GroupBy(f => f.Severity).OrderBy(g => g.Key))
            {
                output.WriteLine();
                output.WriteLine($"### {SnakeCase.Of(group.Key)} ({group.Count()})");
                output.WriteLine();
                foreach (var finding in group)
                {
                    var place = finding.PlaceText is { } at ? $" at {at}" : "";
                    output.WriteLine($"- **{finding.CheckName}**, {finding.ElementText}{place}: {Escape(finding.Title)}");
                }
            }
        }

        var checks = report.Findings.Select(f => f.CheckName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (checks.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("## What the checks mean");
            output.WriteLine();
            foreach (var check in checks)
            {
                var description = CheckCatalog.Describe(check);
                output.WriteLine($"- **{check}**: {Escape(description.Summary)} {Escape(description.Help)}");
            }
        }
    }

    /// <summary>Level data (texture names, messages) must not turn into Markdown or HTML.</summary>
    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
