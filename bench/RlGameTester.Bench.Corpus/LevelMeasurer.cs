using System.Collections.Concurrent;
using System.Diagnostics;
using RlGameTester.Doom.Actors;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Metadata;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Bench.Corpus;

/// <summary>
/// Measures one level: read it, run <see cref="LevelChecker.Check"/> against the WAD's own resources then the IWAD's, and
/// <see cref="Explorer.Explore"/> (skill 3, seed 0) cancelled after the timeout. Safe to call from several threads: each
/// WAD file is read once and its resource set shared.
/// </summary>
internal sealed class LevelMeasurer(IwadResources iwads, TimeSpan timeout, string corpusFolder)
{
    private static readonly ExplorerOptions Options = new() { Skill = 3, Seed = 0 };
    private readonly ConcurrentDictionary<string, Lazy<WadFile>> _wads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<ResourceSet>> _resourceSets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<ModActors>> _mods = new(StringComparer.Ordinal);

    public LevelMeasurement Measure(CorpusEntry entry)
    {
        var row = new LevelMeasurement
        {
            Source = entry.Source,
            Split = entry.Split,
            Deathmatch = entry.Deathmatch,
            File = Path.GetRelativePath(Path.Combine(corpusFolder, entry.Source), entry.File),
            Level = entry.Level,
            Outcome = LevelOutcome.Measured,
            Format = entry.Format,
        };
        var watch = Stopwatch.StartNew();
        try
        {
            var wad = _wads.GetOrAdd(entry.File, f => new Lazy<WadFile>(() => WadFile.Read(System.IO.File.ReadAllBytes(f)))).Value;
            var levelEntry = LevelDirectory.Find(wad).LastOrDefault(e => e.Name.Equals(entry.Level, StringComparison.OrdinalIgnoreCase))
                ?? throw new WadFormatException($"The WAD has no level {entry.Level}.");
            // The level plays with its mod's actors (scripts/corpus.sh keeps them in .corpus/<source>/mod), as in its port.
            var resources = ResourcesFor(entry.File, wad, levelEntry.Name);
            var level = LevelReader.Read(levelEntry).WithActors(ModOf(entry.Source).Merge(resources.Actors)).WithTextures(resources.TextureHeights());
            var geometry = new LevelGeometry(level);
            var metadata = LevelMetadata.Create(level, geometry);
            row = row with
            {
                Format = FormatOf(level),
                Lines = level.Linedefs.Length,
                HasPlayer1Start = metadata.PlayerStarts.Any(s => s.Player == 1),
                HasExit = metadata.Exits.Count > 0,
                // A deathmatch source's levels, and any level without a player 1 start, belong to the deathmatch block.
                Deathmatch = entry.Deathmatch || !metadata.PlayerStarts.Any(s => s.Player == 1),
            };

            var findings = LevelChecker.Check(level, resources, geometry);
            var criticals = findings.Where(f => f.Severity == FindingSeverity.Critical).Select(f => "static:" + f.Check).ToList();

            var exploreWatch = Stopwatch.StartNew();
            ExplorationResult result;
            using (var cancel = new CancellationTokenSource(timeout))
            {
                try
                {
                    result = Explorer.Explore(level, geometry, Options, cancel.Token);
                }
                catch (OperationCanceledException) when (cancel.IsCancellationRequested)
                {
                    return row with
                    {
                        Outcome = LevelOutcome.TimedOut,
                        Error = $"explorer cancelled after {timeout.TotalSeconds:0} s",
                        Criticals = criticals,
                        StoppedBy = "timed out",
                        Milliseconds = watch.Elapsed.TotalMilliseconds,
                        ExploreMilliseconds = exploreWatch.Elapsed.TotalMilliseconds,
                    };
                }
            }

            var exploreMs = exploreWatch.Elapsed.TotalMilliseconds;
            criticals.AddRange(result.Findings.Where(f => f.Severity == FindingSeverity.Critical).Select(f => "explorer:" + f.Kind));
            var exitFinding = result.Findings.FirstOrDefault(f => f.Kind is ExplorerFindingKind.ExitUnreachable or ExplorerFindingKind.ExitNotReached);
            return row with
            {
                Finished = result.ExitReached,
                SecretExit = result.SecretExit,
                Criticals = criticals,
                ExitFinding = exitFinding is { Severity: not FindingSeverity.Critical } ? exitFinding.Title : null,
                ExitDetail = exitFinding?.Description,
                StoppedBy = result.ExitReached ? null : StoppedBy(result, exitFinding),
                Tics = result.EndTick,
                OutOfTicks = !result.ExitReached && result.EndTick >= Options.TickLimit,
                RefutedBy = result.Findings.FirstOrDefault(f => f.Kind == ExplorerFindingKind.PathRefuted)?.Evidence.GetValueOrDefault("rule"),
                Attempts = result.Attempts,
                Milliseconds = watch.Elapsed.TotalMilliseconds,
                ExploreMilliseconds = exploreMs,
            };
        }
        catch (WadFormatException e)
        {
            return row with { Outcome = LevelOutcome.Unreadable, Error = e.Message, Milliseconds = watch.Elapsed.TotalMilliseconds };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug of the library on a real level: kept as a row (and counted) rather than losing the whole run.
            return row with { Outcome = LevelOutcome.Crashed, Error = $"{e.GetType().Name}: {e.Message}", Milliseconds = watch.Elapsed.TotalMilliseconds };
        }
    }

    private static string StoppedBy(ExplorationResult result, ExplorerFinding? exitFinding)
    {
        if (result.Died)
        {
            return "died";
        }

        if (exitFinding is null)
        {
            return "no exit finding";
        }

        // A proven verdict says so; an unproven one names what let the proof search through (or what it cannot bound).
        return exitFinding.Evidence.TryGetValue("mechanic", out var mechanic) ? mechanic : exitFinding.Title;
    }

    private static string FormatOf(Level level) => level.Format switch
    {
        LevelFormat.Hexen => "hexen",
        LevelFormat.Udmf => "udmf",
        _ => level.Linedefs.Any(l => l.Special > 141) ? "boom" : "doom",
    };

    private ModActors ModOf(string source) =>
        _mods.GetOrAdd(source, s => new Lazy<ModActors>(() => FolderActors.Read(Path.Combine(corpusFolder, s, "mod")))).Value;

    private ResourceSet ResourcesFor(string file, WadFile wad, string levelName)
    {
        var iwad = iwads.For(wad, levelName);
        var key = $"{file}|{iwad?.Label}";
        return _resourceSets.GetOrAdd(key, _ => new Lazy<ResourceSet>(() =>
        {
            var own = WadResources.From(wad);
            return new ResourceSet(iwad is null ? [own] : [own, iwad]);
        })).Value;
    }
}
