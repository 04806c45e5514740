using System.Globalization;
using RlGameTester.Cli.Checking;
using RlGameTester.Domain;
using RlGameTester.Domain.Bugs;

namespace RlGameTester.Cli.Output;

/// <summary>For a person at a terminal: each level's findings grouped by severity, with element and place; ANSI colour when asked.</summary>
internal sealed class TextReportWriter(bool color) : IReportWriter
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";

    public void Write(CheckReport report, TextWriter output)
    {
        output.WriteLine(Paint(Bold, $"rlgt check {report.Wad}") + Faint($" ({Loaded(report)}; {report.Levels.Count} level(s){(report.Explored ? ", explored" : "")})"));
        foreach (var level in report.Levels)
        {
            output.WriteLine();
            output.WriteLine(Paint(Bold, level.Level) + Faint($"  {Summary(level)}"));
            foreach (var group in level.Findings.GroupBy(f => f.Severity).OrderBy(g => g.Key))
            {
                output.WriteLine($"  {Paint(SeverityColour(group.Key), SnakeCase.Of(group.Key))} ({group.Count()})");
                foreach (var finding in group)
                {
                    var place = finding.PlaceText is { } p ? $" at {p}" : "";
                    var mark = finding.IsNew is true ? "(new) " : "";
                    output.WriteLine($"    {mark}{finding.CheckName}  {finding.ElementText}{place}: {finding.Title}");
                }
            }
        }

        output.WriteLine();
        var counts = string.Join(", ", Enum.GetValues<BugSeverity>().Select(s => $"{report.Count(s)} {SnakeCase.Of(s)}"));
        var failing = report.Failing.Count();
        var gate = failing == 0
            ? Paint("\u001b[32m", $"passed: nothing at or above {SnakeCase.Of(report.FailOn)}")
            : Paint(SeverityColour(BugSeverity.Critical), $"failed: {failing} finding(s) at or above {SnakeCase.Of(report.FailOn)}");
        output.WriteLine($"{counts} in {report.Levels.Count} level(s); {gate}");
    }

    internal static string Loaded(CheckReport report)
    {
        var iwads = report.Levels.Select(l => l.Iwad).Distinct().ToList();
        var iwad = iwads.Count == 1 && iwads[0] is null ? "no IWAD" : "IWAD " + string.Join("/", iwads.Select(i => i ?? "none"));
        return report.Files.Count == 0 ? iwad : $"{iwad}; files {string.Join(", ", report.Files.Select(Path.GetFileName))}";
    }

    internal static string Summary(LevelOutcome level)
    {
        var parts = new List<string>();
        if (level.Exploration is { } play)
        {
            parts.Add(play.ExitReached ? "exit reached" : $"exit not reached ({play.Stopped ?? "no exit finding"})");
        }

        parts.Add(level.Findings.Count == 0
            ? "no findings"
            : $"{level.Findings.Count} finding(s): " + string.Join(", ", level.Findings.GroupBy(f => f.Severity).OrderBy(g => g.Key).Select(g => $"{g.Count()} {SnakeCase.Of(g.Key)}")));
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"{level.Milliseconds:0} ms"));
        return string.Join(" · ", parts);
    }

    private static string SeverityColour(BugSeverity severity) => severity switch
    {
        BugSeverity.Critical => "\u001b[31m",
        BugSeverity.Major => "\u001b[33m",
        BugSeverity.Minor => "\u001b[36m",
        _ => Dim,
    };

    private string Paint(string code, string text) => color ? code + text + Reset : text;

    private string Faint(string text) => Paint(Dim, text);
}
