using System.Diagnostics;
using System.Globalization;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Wad;

// Usage: RlGameTester.Bench.Explorer [wad] [--repeat N] [--skill S] [--seed N] [--findings] [--events] [--level NAME]
// Per level: the explorer (read + geometry + Explorer.Explore) against the baseline (read + geometry only), each the
// median of N timed passes after a warm-up pass (JIT), single-threaded. Prints per-level times, medians and totals.
var options = BenchOptions.Parse(args);
var wadBytes = File.ReadAllBytes(options.WadPath);
var wad = WadFile.Read(wadBytes);
var entries = LevelDirectory.Find(wad).Where(e => options.Level is null || e.Name.Equals(options.Level, StringComparison.OrdinalIgnoreCase)).ToList();
var explorerOptions = new ExplorerOptions { Skill = options.Skill, Seed = options.Seed };
// The WAD's own textures (an IWAD's are all there are): floors raised by their shortest lower texture go where they do.
var textures = new ResourceSet([WadResources.From(wad)]).TextureHeights();
Console.WriteLine($"{Path.GetFileName(options.WadPath)}: {entries.Count} levels, skill {options.Skill}, seed {options.Seed}, {options.Repeat} timed passes (median), after one warm-up");

var explore = new Dictionary<string, List<double>>();
var baseline = new Dictionary<string, List<double>>();
var results = new Dictionary<string, ExplorationResult>();
for (var pass = 0; pass <= options.Repeat; pass++)
{
    foreach (var entry in entries)
    {
        var watch = Stopwatch.StartNew();
        var level = LevelReader.Read(entry);
        _ = new LevelGeometry(level);
        var baseMs = watch.Elapsed.TotalMilliseconds;

        watch.Restart();
        var level2 = LevelReader.Read(entry).WithTextures(textures);
        var geometry = new LevelGeometry(level2);
        var result = Explorer.Explore(level2, geometry, explorerOptions);
        var exploreMs = watch.Elapsed.TotalMilliseconds;
        if (pass == 0)
        {
            results[entry.Name] = result;
            continue;
        }

        explore.TryAdd(entry.Name, []);
        baseline.TryAdd(entry.Name, []);
        explore[entry.Name].Add(exploreMs);
        baseline[entry.Name].Add(baseMs);
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

Console.WriteLine();
Console.WriteLine("level    explore ms  baseline ms   ratio  exit  end tick  events  reach%  seen%  findings");
var exploreMedians = new List<double>();
var baseMedians = new List<double>();
foreach (var entry in entries)
{
    var e = Median(explore[entry.Name]);
    var b = Median(baseline[entry.Name]);
    exploreMedians.Add(e);
    baseMedians.Add(b);
    var r = results[entry.Name];
    var exit = r.ExitReached ? (r.SecretExit ? "secret" : "yes") : r.Died ? "died" : "no";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{entry.Name,-8} {e,10:F1} {b,12:F2} {e / b,7:F0}x {exit,5} {r.EndTick,9} {r.Events.Count,7} {r.CoverageReachable * 100,6:F1} {r.CoverageVisited * 100,6:F1}  {string.Join(", ", r.Findings.GroupBy(f => f.Kind).Select(g => $"{g.Key} {g.Count()}"))}"));
}

var total = exploreMedians.Sum();
var baseTotal = baseMedians.Sum();
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"explorer: median {Median(exploreMedians):F1} ms per level, total {total / 1000:F2} s for {entries.Count} levels (targets: median < 1000 ms, total < 60 s)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"baseline (read + geometry): median {Median(baseMedians):F2} ms per level, total {baseTotal:F1} ms; explorer / baseline: {total / baseTotal:F0}x in total"));
Console.WriteLine($"exit reached on {results.Values.Count(r => r.ExitReached)} of {results.Count} levels");

if (options.ShowEvents)
{
    foreach (var entry in entries)
    {
        foreach (var e in results[entry.Name].Events.Where(e => e.Kind != ExplorerEventKind.Position))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {entry.Name} {e.Tick,6} {e.Kind,-14} ({e.X:F0}, {e.Y:F0}) s{e.Sector} z{e.Z} line {e.Line} thing {e.Thing} {e.Item} {e.Cause} {e.OldHealth}->{e.NewHealth} {e.Detail}"));
        }
    }
}

if (options.ShowFindings)
{
    foreach (var entry in entries)
    {
        foreach (var f in results[entry.Name].Findings)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {entry.Name} {f.Severity} {f.Kind} {f.ElementKind}#{f.ElementIndex} ({f.X:F0}, {f.Y:F0}): {f.Title} -- {f.Description} [{string.Join(", ", f.Evidence.Select(kv => kv.Key + "=" + kv.Value))}]"));
        }
    }
}

internal sealed record BenchOptions(string WadPath, int Repeat, int Skill, int Seed, bool ShowFindings, bool ShowEvents, string? Level)
{
    public static BenchOptions Parse(string[] args)
    {
        var wad = "/usr/share/games/doom/freedoom2.wad";
        var repeat = 3;
        var skill = 3;
        var seed = 0;
        var show = false;
        var events = false;
        string? level = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--repeat":
                    repeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--skill":
                    skill = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--seed":
                    seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--findings":
                    show = true;
                    break;
                case "--events":
                    events = true;
                    break;
                case "--level":
                    level = args[++i];
                    break;
                default:
                    wad = args[i];
                    break;
            }
        }

        return new BenchOptions(wad, Math.Max(1, repeat), skill, seed, show, events, level);
    }
}
