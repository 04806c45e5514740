using System.Diagnostics;
using System.Globalization;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Rendering;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Wad;

// The software renderer against a plain loop filling the same pixels, one thread, on views of the WAD's median level
// (by line count) from every thing's place in 8 directions; then every level's views against vanilla's limits.
// Usage: RlGameTester.Bench.Render [wad=/usr/share/games/doom/freedoom2.wad] [seconds per pass=3] [passes=3]
var wadPath = args.Length > 0 ? args[0] : "/usr/share/games/doom/freedoom2.wad";
var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var passes = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
Thread.CurrentThread.Priority = ThreadPriority.Highest;

var wad = WadFile.Read(File.ReadAllBytes(wadPath));
var resources = ResourceSet.Create(wad, null);
var entries = LevelDirectory.Find(wad);
var levels = entries.Select(e => (Entry: e, Level: LevelReader.Read(e))).ToList();
var median = levels.OrderBy(l => l.Level.Linedefs.Length).ThenBy(l => l.Level.Name, StringComparer.Ordinal).ElementAt(levels.Count / 2);
var sceneWatch = Stopwatch.StartNew();
var scene = RenderScene.Create(median.Level, resources, median.Entry);
var sceneMs = sceneWatch.Elapsed.TotalMilliseconds;
var views = Views(scene);
var renderer = new ViewRenderer(scene);
const int Pixels = 320 * 200;
var frame = new byte[Pixels];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{Path.GetFileName(wadPath)} {median.Level.Name}: {median.Level.Linedefs.Length} lines, {median.Level.Sectors.Length} sectors, nodes from {scene.Tree.Source}; scene made in {sceneMs:0} ms; {views.Count} views of 320x200; {Environment.ProcessorCount} cores, one thread; best of {passes} passes of {seconds} s, alternating"));

long sink = 0;
double Render(int n)
{
    for (var i = 0; i < n; i++)
    {
        sink += renderer.Render(views[i % views.Count]).Statistics.Visplanes.Count;
    }

    return sink;
}

// The baseline writes every pixel of a view once, as a plain loop: the least any renderer must do.
double Fill(int n)
{
    for (var i = 0; i < n; i++)
    {
        var value = (byte)i;
        for (var p = 0; p < frame.Length; p++)
        {
            frame[p] = value;
            value += 3;
        }

        sink += frame[i % Pixels];
    }

    return sink;
}

Render(views.Count * 2);
Fill(2000);
double bestRender = 0, bestFill = 0, bestRenderCpu = 0, bestFillCpu = 0;
for (var pass = 0; pass < passes; pass++)
{
    var (wall, cpu) = Measure(Render, seconds);
    bestRender = Math.Max(bestRender, wall);
    bestRenderCpu = Math.Max(bestRenderCpu, cpu);
    (wall, cpu) = Measure(Fill, seconds);
    bestFill = Math.Max(bestFill, wall);
    bestFillCpu = Math.Max(bestFillCpu, cpu);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"renderer {bestRender:0} views/s (cpu {bestRenderCpu:0}), plain fill {bestFill:0} frames/s (cpu {bestFillCpu:0}), ratio {bestRender / bestFill:0.000} (cpu {bestRenderCpu / bestFillCpu:0.000}); target >= 1000 views/s on one core"));

// Every level: the most each limit reached over its views, and how many views passed one.
Console.WriteLine("level   views  visplanes drawsegs vissprites openings solidsegs  overflowing views  ms/view");
foreach (var (entry, level) in levels)
{
    var each = RenderScene.Create(level, resources, entry);
    var eachRenderer = new ViewRenderer(each);
    var eachViews = Views(each);
    var watch = Stopwatch.StartNew();
    var stats = eachViews.Select(v => eachRenderer.Render(v).Statistics).ToList();
    var ms = watch.Elapsed.TotalMilliseconds / Math.Max(1, eachViews.Count);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{level.Name,-7} {eachViews.Count,5}  {stats.Max(s => s.Visplanes.Count),9} {stats.Max(s => s.DrawSegs.Count),8} {stats.Max(s => s.VisSprites.Count),10} {stats.Max(s => s.Openings.Count),8} {stats.Max(s => s.SolidSegs.Count),9}  {stats.Count(s => s.AnyOverflow),17}  {ms,7:0.000}"));
}

GC.KeepAlive(sink);

// From each thing a single player sees, eight directions; at most 1,024 views, spread over the list.
static List<ViewPoint> Views(RenderScene scene)
{
    var places = scene.Level.Things.Where(t => t.InSinglePlayer).Select(t => (t.X, t.Y)).Distinct().ToList();
    var step = Math.Max(1, places.Count * 8 / 1024);
    var views = new List<ViewPoint>();
    for (var i = 0; i < places.Count * 8; i += step)
    {
        var (x, y) = places[i / 8];
        views.Add(new ViewPoint(x, y, (i % 8 * 45) + 10));
    }

    return views;
}

// Frames per second of wall time and of this process's CPU time, over batches until the time is up.
static (double Wall, double Cpu) Measure(Func<int, double> run, double seconds)
{
    var process = Process.GetCurrentProcess();
    var cpuStart = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var frames = 0;
    while (watch.Elapsed.TotalSeconds < seconds)
    {
        run(100);
        frames += 100;
    }

    var wall = watch.Elapsed.TotalSeconds;
    process.Refresh();
    var cpu = (process.TotalProcessorTime - cpuStart).TotalSeconds;
    return (frames / wall, frames / Math.Max(1e-9, cpu));
}
