using System.Diagnostics;
using System.Globalization;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Metadata;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Wad;

// Usage: RlGameTester.Bench.Levels [wad] [--iwad path] [--repeat N] [--findings]
// Times, per level, what the Worker does with an uploaded WAD: read the level, build its geometry and
// resources, compute metadata and run every static check. The first pass is a warm-up (JIT), not counted.
var options = BenchOptions.Parse(args);
var wadBytes = File.ReadAllBytes(options.WadPath);
var iwadBytes = options.IwadPath is null ? null : File.ReadAllBytes(options.IwadPath);
Console.WriteLine($"{Path.GetFileName(options.WadPath)}: {wadBytes.Length:N0} bytes, {options.Repeat} timed passes");

var perLevel = new Dictionary<string, List<double>>(StringComparer.Ordinal);
var phases = new double[5];
var totals = new List<double>();
Dictionary<string, int>? findingCounts = null;
for (var pass = 0; pass <= options.Repeat; pass++)
{
    var counts = new Dictionary<string, int>(StringComparer.Ordinal);
    var total = Stopwatch.StartNew();
    var wad = WadFile.Read(wadBytes);
    var iwad = iwadBytes is null ? null : WadFile.Read(iwadBytes);
    var resources = ResourceSet.Create(wad, iwad);
    var setup = total.Elapsed.TotalMilliseconds;
    foreach (var entry in LevelDirectory.Find(wad))
    {
        var watch = Stopwatch.StartNew();
        var level = LevelReader.Read(entry);
        var t1 = watch.Elapsed.TotalMilliseconds;
        var geometry = new LevelGeometry(level);
        var t2 = watch.Elapsed.TotalMilliseconds;
        _ = LevelMetadata.Create(level, geometry);
        var t3 = watch.Elapsed.TotalMilliseconds;
        var findings = LevelChecker.Check(level, resources, geometry);
        watch.Stop();
        if (pass > 0)
        {
            phases[0] += t1;
            phases[1] += t2 - t1;
            phases[2] += t3 - t2;
            phases[3] += watch.Elapsed.TotalMilliseconds - t3;
        }
        if (pass > 0)
        {
            perLevel.TryAdd(entry.Name, []);
            perLevel[entry.Name].Add(watch.Elapsed.TotalMilliseconds);
        }

        foreach (var finding in findings)
        {
            var key = $"{finding.Severity.ToString().ToLowerInvariant(),-8} {finding.Check}";
            counts[key] = counts.GetValueOrDefault(key) + 1;
            if (options.ShowFindings && pass == 0 && (options.Filter is null || finding.Check == options.Filter))
            {
                Console.WriteLine($"  {entry.Name} {finding.Severity} {finding.Check} {finding.Element}#{finding.Index} ({finding.X}, {finding.Y}): {finding.Message}");
            }
        }
    }

    total.Stop();
    if (pass > 0)
    {
        totals.Add(total.Elapsed.TotalMilliseconds);
        phases[4] += setup;
    }

    findingCounts ??= counts;
}

Console.WriteLine();
Console.WriteLine("level     median ms    min ms");
foreach (var (name, times) in perLevel)
{
    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-8} {times[times.Count / 2],10:F2} {times[0],9:F2}"));
}

totals.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"total (read WAD + resources + {perLevel.Count} levels): median {totals[totals.Count / 2]:F1} ms, min {totals[0]:F1} ms, max {totals[^1]:F1} ms"));

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"per pass: WAD + resources {phases[4] / options.Repeat:F1} ms, read levels {phases[0] / options.Repeat:F1} ms, geometry {phases[1] / options.Repeat:F1} ms, metadata {phases[2] / options.Repeat:F1} ms, checks {phases[3] / options.Repeat:F1} ms"));

if (findingCounts is not null)
{
    Console.WriteLine();
    Console.WriteLine("findings by severity and check (all levels):");
    foreach (var (key, count) in findingCounts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
    {
        Console.WriteLine($"  {key,-50} {count,5}");
    }
}

internal sealed record BenchOptions(string WadPath, string? IwadPath, int Repeat, bool ShowFindings, string? Filter)
{
    public static BenchOptions Parse(string[] args)
    {
        var wad = "/usr/share/games/doom/freedoom2.wad";
        string? iwad = null;
        var repeat = 10;
        var show = false;
        string? filter = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--iwad":
                    iwad = args[++i];
                    break;
                case "--repeat":
                    repeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--findings":
                    show = true;
                    break;
                case "--check":
                    show = true;
                    filter = args[++i];
                    break;
                default:
                    wad = args[i];
                    break;
            }
        }

        return new BenchOptions(wad, iwad, Math.Max(1, repeat), show, filter);
    }
}
