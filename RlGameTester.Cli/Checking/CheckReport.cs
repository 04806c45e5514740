using RlGameTester.Domain.Bugs;

namespace RlGameTester.Cli.Checking;

/// <summary>A check of one WAD: what was loaded, the levels in directory order, and the gate the exit code applies.</summary>
/// <param name="OnlyNew">The gate counts only findings the previous revision lacked (<c>submit --fail-on-new</c>).</param>
internal sealed record CheckReport(string Wad, IReadOnlyList<string> Files, IReadOnlyList<LevelOutcome> Levels, BugSeverity FailOn, bool Explored, bool OnlyNew = false)
{
    public IEnumerable<CliFinding> Findings => Levels.SelectMany(l => l.Findings);

    /// <summary>Findings at or above the --fail-on severity (critical is the most severe).</summary>
    public IEnumerable<CliFinding> Failing => Findings.Where(Fails);

    public bool Failed => Failing.Any();

    public bool Fails(CliFinding finding) => finding.Severity <= FailOn && (!OnlyNew || finding.IsNew != false);

    public int Count(BugSeverity severity) => Findings.Count(f => f.Severity == severity);
}
