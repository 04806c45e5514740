using System.Collections.Concurrent;
using System.Diagnostics;
using RlGameTester.Domain.Bugs;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Cli.Checking;

/// <summary>
/// Checks the levels of a load order on every core: the static checks, then (with --explore) the explorer at the given
/// skill, stopped after the timeout. A level that cannot be read is a critical finding of its own (the ports refuse it
/// too); the other levels are still checked. The largest levels start first, so the cores finish together.
/// </summary>
internal sealed class LevelChecks(LoadOrder load, CheckSettings settings)
{
    /// <summary>The check name of a level the library cannot read.</summary>
    public const string Unreadable = "level-unreadable";

    public IReadOnlyList<LevelOutcome> Run(IReadOnlyList<LevelEntry> levels, Action<string>? levelDone, CancellationToken cancellationToken)
    {
        var outcomes = new LevelOutcome[levels.Count];
        var bySize = Enumerable.Range(0, levels.Count).OrderByDescending(i => levels[i].Lumps.Sum(l => (long)l.Size)).ToList();
        Parallel.ForEach(
            Partitioner.Create(bySize, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = settings.Jobs, CancellationToken = cancellationToken },
            i =>
            {
                outcomes[i] = Check(levels[i], cancellationToken);
                levelDone?.Invoke(levels[i].Name);
            });
        return outcomes;
    }

    private LevelOutcome Check(LevelEntry entry, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var iwad = load.IwadFor(entry.Name) is { } path ? Path.GetFileName(path) : null;
        Level level;
        try
        {
            // The mods' and the load order's actor definitions are what the level plays by (the explorer's boss rules too).
            // Its textures' heights too: floors raised by their shortest lower texture go where they do in play.
            level = LevelReader.Read(entry).WithActors(load.ActorsFor(entry.Name)).WithTextures(load.ResourcesFor(entry.Name).TextureHeights());
        }
        catch (WadFormatException e)
        {
            var finding = new CliFinding
            {
                Level = entry.Name,
                BugType = BugType.LevelCheck,
                Severity = BugSeverity.Critical,
                DetectionSource = DetectionSource.Static,
                CheckName = Unreadable,
                Title = $"The level cannot be read: {e.Message}",
                Description = e.Message,
                ElementKind = "level",
            };
            return new LevelOutcome(entry.Name, iwad, [finding], null, clock.Elapsed.TotalMilliseconds);
        }

        var geometry = new LevelGeometry(level);
        var findings = LevelChecker.Check(level, load.ResourcesFor(entry.Name), geometry, new CheckOptions { Compatibility = settings.Compatibility })
            .Select(f => CliFinding.FromCheck(entry.Name, f)).ToList();
        ExplorationSummary? exploration = null;
        if (settings.Explore)
        {
            (exploration, var explorerFindings) = Explore(level, geometry, cancellationToken);
            findings.AddRange(explorerFindings);
        }

        findings.Sort((a, b) => a.Severity.CompareTo(b.Severity));
        return new LevelOutcome(entry.Name, iwad, findings, exploration, clock.Elapsed.TotalMilliseconds);
    }

    private (ExplorationSummary, IEnumerable<CliFinding>) Explore(Level level, LevelGeometry geometry, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.ExploreTimeout);
        try
        {
            var result = Explorer.Explore(level, geometry, new ExplorerOptions { Skill = settings.Skill, Seed = settings.Seed }, timeout.Token);
            var exitFinding = result.Findings.FirstOrDefault(f => f.Kind is ExplorerFindingKind.ExitUnreachable or ExplorerFindingKind.ExitNotReached or ExplorerFindingKind.PathRefuted);
            return (new ExplorationSummary(result.ExitReached, result.ExitReached ? null : exitFinding?.Title, false, result.CoverageVisited),
                result.Findings.Select(f => CliFinding.FromExplorer(level.Name, f)));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Not a finding about the level: the play was cut short, and says so.
            return (new ExplorationSummary(false, $"stopped after {settings.ExploreTimeout.TotalSeconds:0} s (--explore-timeout)", true, 0), []);
        }
    }
}
