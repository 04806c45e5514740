using RlGameTester.Cli.Output;
using RlGameTester.Doom.Levels;

namespace RlGameTester.Cli.Checking;

/// <summary>
/// <c>rlgt check</c>: reads the load order, checks the chosen levels on every core, writes the report and answers the
/// exit code: 0 when nothing is at or above --fail-on, 1 when something is, 2 when an input cannot be used.
/// </summary>
internal sealed class CheckCommand(CheckSettings settings, CliConsole console)
{
    public int Run(CancellationToken cancellationToken)
    {
        try
        {
            var load = LoadOrder.Read(settings.Wad, settings.Iwad, settings.Files, settings.Mods);
            var levels = ChooseLevels(load);
            var progress = Progress(levels.Count);
            var outcomes = new LevelChecks(load, settings).Run(levels, progress, cancellationToken);
            console.ClearProgress();
            var report = new CheckReport(settings.Wad, settings.Files, outcomes, settings.Report.FailOn, settings.Explore);
            ReportOutput.Write(report, settings.Report, console);
            return report.Failed ? ExitCodes.Failed : ExitCodes.Passed;
        }
        catch (CliInputException e)
        {
            console.ClearProgress();
            console.Error.WriteLine($"rlgt: {e.Message}");
            return ExitCodes.Unusable;
        }
    }

    /// <summary>The levels to check, in directory order: the last of each name (as ports load them), those --level names.</summary>
    private List<LevelEntry> ChooseLevels(LoadOrder load)
    {
        var all = LevelDirectory.Find(load.MapWad)
            .GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase).Select(g => g.Last())
            .OrderBy(e => e.MarkerIndex).ToList();
        if (all.Count == 0)
        {
            throw new CliInputException($"{settings.Wad} holds no levels.");
        }

        return CliInput.ChooseLevels(all, e => e.Name, settings.Levels, settings.Wad);
    }

    /// <summary>Progress as levels finish, on whichever core.</summary>
    private Action<string> Progress(int total)
    {
        var done = 0;
        return level => console.ShowProgress(Interlocked.Increment(ref done), total, level);
    }
}

/// <summary>The exit codes CI gates on.</summary>
internal static class ExitCodes
{
    public const int Passed = 0;
    public const int Failed = 1;
    public const int Unusable = 2;
}
