using System.Diagnostics;
using System.Globalization;
using RlGameTester.Analysis.Rendering;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Metadata;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Wad;

// Usage: RlGameTester.Bench.Levels [wad] [--iwad path] [--repeat N] [--findings | --check name] [--size px] [--out dir]
// Times, per level, what the services do with an uploaded WAD: read the level, build its geometry and resources,
// compute metadata and run every static check (the baseline), then the same again plus drawing the level's image and
// encoding it as PNG, as the Analysis service stores it. Each timed pass runs both, alternating, so they share the
// machine's load; the first pass is a warm-up (JIT), not counted.
var options = BenchOptions.Parse(args);
var wadBytes = File.ReadAllBytes(options.WadPath);
var iwadBytes = options.IwadPath is null ? null : File.ReadAllBytes(options.IwadPath);
var renderOptions = new RenderOptions { LongestSide = options.Size ?? new RenderOptions().LongestSide };
var renderer = new LevelRenderer(renderOptions);
Console.WriteLine($"{Path.GetFileName(options.WadPath)}: {wadBytes.Length:N0} bytes, {options.Repeat} timed passes, images {renderOptions.LongestSide} px on the longer side, PNG level {renderOptions.PngCompression}");
if (options.OutputFolder is not null)
{
    Directory.CreateDirectory(options.OutputFolder);
}

var perLevel = new Dictionary<string, List<double>>(StringComparer.Ordinal);
var phases = new double[7];
var baselineTotals = new List<double>();
var renderTotals = new List<double>();
var baselineCpu = new List<double>();
var renderCpu = new List<double>();
var process = Process.GetCurrentProcess();
long pngBytes = 0;
Dictionary<string, int>? findingCounts = null;
for (var pass = 0; pass <= options.Repeat; pass++)
{
    foreach (var render in new[] { false, true })
    {
        var timed = pass > 0;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
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
            var metadata = LevelMetadata.Create(level, geometry);
            var t3 = watch.Elapsed.TotalMilliseconds;
            var findings = LevelChecker.Check(level, resources, geometry);
            var t4 = watch.Elapsed.TotalMilliseconds;
            double t5 = t4, t6 = t4;
            if (render)
            {
                using var image = renderer.Render(level, geometry, metadata);
                t5 = watch.Elapsed.TotalMilliseconds;
                var png = image.EncodePng(renderOptions.PngCompression);
                t6 = watch.Elapsed.TotalMilliseconds;
                if (timed)
                {
                    pngBytes += png.Length;
                }

                if (options.OutputFolder is not null && pass == 0)
                {
                    File.WriteAllBytes(Path.Combine(options.OutputFolder, $"{entry.Name}.png"), png);
                }
            }

            watch.Stop();
            if (timed && render)
            {
                phases[0] += t1;
                phases[1] += t2 - t1;
                phases[2] += t3 - t2;
                phases[3] += t4 - t3;
                phases[5] += t5 - t4;
                phases[6] += t6 - t5;
                perLevel.TryAdd(entry.Name, []);
                perLevel[entry.Name].Add(watch.Elapsed.TotalMilliseconds);
            }

            foreach (var finding in findings)
            {
                var key = $"{finding.Severity.ToString().ToLowerInvariant(),-8} {finding.Check}";
                counts[key] = counts.GetValueOrDefault(key) + 1;
                if (options.ShowFindings && pass == 0 && !render && (options.Filter is null || finding.Check == options.Filter))
                {
                    Console.WriteLine($"  {entry.Name} {finding.Severity} {finding.Check} {finding.Element}#{finding.Index} ({finding.X}, {finding.Y}): {finding.Message}");
                }
            }
        }

        total.Stop();
        process.Refresh();
        if (timed)
        {
            (render ? renderTotals : baselineTotals).Add(total.Elapsed.TotalMilliseconds);
            (render ? renderCpu : baselineCpu).Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            if (render)
            {
                phases[4] += setup;
            }
        }

        findingCounts ??= counts;
    }
}

Console.WriteLine();
Console.WriteLine("level     median ms    min ms   (read + check + render + PNG)");
foreach (var (name, times) in perLevel)
{
    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-8} {times[times.Count / 2],10:F2} {times[0],9:F2}"));
}

baselineTotals.Sort();
renderTotals.Sort();
var baseline = baselineTotals[baselineTotals.Count / 2];
var withImages = renderTotals[renderTotals.Count / 2];
var n = options.Repeat;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"read + check ({perLevel.Count} levels, baseline): median {baseline:F1} ms, min {baselineTotals[0]:F1} ms, max {baselineTotals[^1]:F1} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"read + check + render + PNG:  median {withImages:F1} ms, min {renderTotals[0]:F1} ms, max {renderTotals[^1]:F1} ms; ratio to the baseline {withImages / baseline:F2}x"));
baselineCpu.Sort();
renderCpu.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"CPU time (whole process, steadier on a shared machine): read + check {baselineCpu[baselineCpu.Count / 2]:F1} ms, with render + PNG {renderCpu[renderCpu.Count / 2]:F1} ms (medians); ratio {renderCpu[renderCpu.Count / 2] / baselineCpu[baselineCpu.Count / 2]:F2}x"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"per pass: WAD + resources {phases[4] / n:F1} ms, read levels {phases[0] / n:F1} ms, geometry {phases[1] / n:F1} ms, metadata {phases[2] / n:F1} ms, checks {phases[3] / n:F1} ms, draw {phases[5] / n:F1} ms, PNG {phases[6] / n:F1} ms ({pngBytes / n / 1024.0:F0} KiB)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"target: every level read, checked and rendered in < 2000 ms: {(withImages < 2000 ? "met" : "NOT met")} ({withImages:F0} ms)"));

if (findingCounts is not null)
{
    Console.WriteLine();
    Console.WriteLine("findings by severity and check (all levels):");
    foreach (var (key, count) in findingCounts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
    {
        Console.WriteLine($"  {key,-50} {count,5}");
    }
}

internal sealed record BenchOptions(string WadPath, string? IwadPath, int Repeat, bool ShowFindings, string? Filter, int? Size, string? OutputFolder)
{
    public static BenchOptions Parse(string[] args)
    {
        var wad = "/usr/share/games/doom/freedoom2.wad";
        string? iwad = null;
        var repeat = 10;
        var show = false;
        string? filter = null;
        int? size = null;
        string? output = null;
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
                case "--size":
                    size = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--out":
                    output = args[++i];
                    break;
                default:
                    wad = args[i];
                    break;
            }
        }

        return new BenchOptions(wad, iwad, Math.Max(1, repeat), show, filter, size, output);
    }
}
