using System.Diagnostics;
using System.Globalization;
using OpenCvSharp;
using RlGameTester.Analysis.Frames;
using RlGameTester.Bench.Frames;

// Frame checks against a plain OpenCvSharp loop doing the same pixel work, single-threaded, on the same frames.
// Usage: RlGameTester.Bench.Frames [wad=/usr/share/games/doom/freedoom2.wad] [seconds per pass=3] [passes=3]
var wad = args.Length > 0 ? args[0] : "/usr/share/games/doom/freedoom2.wad";
var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var passes = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
Cv2.SetNumThreads(1);
Thread.CurrentThread.Priority = ThreadPriority.Highest;
Console.WriteLine($"OpenCV {Cv2.GetVersionString()}, threads {Cv2.GetNumThreads()}, {Environment.ProcessorCount} cores; best of {passes} passes of {seconds} s, alternating");

foreach (var (width, height) in new[] { (320, 240), (640, 480) })
{
    var frames = BenchFrames.Compose(wad, width, height, 64);
    using var checker = new FrameChecker(new FrameCheckOptions());
    using var plain = new PlainLoop();
    var tick = 0;
    double Engine(int n)
    {
        for (var i = 0; i < n; i++)
        {
            checker.Add(++tick, frames[i % frames.Count], agentActing: true);
        }

        return checker.TakeFindings().Count;
    }

    double Plain(int n)
    {
        for (var i = 0; i < n; i++)
        {
            plain.Process(frames[i % frames.Count]);
        }

        return plain.Sink;
    }

    // Warm up both (JIT, tiered PGO, OpenCV's buffers).
    Engine(2000);
    Plain(2000);
    double bestEngine = 0, bestPlain = 0, bestEngineCpu = 0, bestPlainCpu = 0;
    for (var pass = 0; pass < passes; pass++)
    {
        var (fps, cpu) = Measure(Engine, seconds);
        bestEngine = Math.Max(bestEngine, fps);
        bestEngineCpu = Math.Max(bestEngineCpu, cpu);
        (fps, cpu) = Measure(Plain, seconds);
        bestPlain = Math.Max(bestPlain, fps);
        bestPlainCpu = Math.Max(bestPlainCpu, cpu);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{width}x{height}: engine {bestEngine:0} frames/s (cpu {bestEngineCpu:0}), plain loop {bestPlain:0} frames/s (cpu {bestPlainCpu:0}), ratio {bestEngine / bestPlain:0.00} (cpu {bestEngineCpu / bestPlainCpu:0.00}); target >= 1000 frames/s at 320x240 and ratio >= 0.7"));
    foreach (var frame in frames)
    {
        frame.Dispose();
    }
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
        run(200);
        frames += 200;
    }

    var wall = watch.Elapsed.TotalSeconds;
    process.Refresh();
    var cpu = (process.TotalProcessorTime - cpuStart).TotalSeconds;
    return (frames / wall, frames / Math.Max(1e-9, cpu));
}
