using System.Diagnostics;
using System.Globalization;
using RlGameTester.Domain.Events;
using RlGameTester.Worker.Agents.Arnold;

// Usage: RlGameTester.Bench.Parser LOG [RUNS]
// Parses LOG with the Worker's ArnoldLogParser, as the Worker imports a log (every event built, payload and raw line included),
// and prints the seed benchmark's line format: lines=N events=N secs=S MB/s=X (the median of RUNS timed passes),
// followed by the CPU time of the median pass (cpu_secs, cpu_MB/s).
if (args.Length is < 1 or > 2 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: RlGameTester.Bench.Parser LOG [RUNS]");
    return 2;
}

var path = args[0];
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var megabytes = new FileInfo(path).Length / 1e6;

// Warm-up on the head of the file for two seconds: the timed passes measure the JIT's final code (tier 1 with
// dynamic PGO), not its first tiers, as in a Worker that has been running for a while.
var warmUp = Stopwatch.StartNew();
while (warmUp.Elapsed < TimeSpan.FromSeconds(2))
{
    Parse(path, maxLines: 200_000);
}

var passes = new List<(double Seconds, double CpuSeconds, long Lines, long Events, long Unparsed, long[] PerType)>();
for (var run = 0; run < runs; run++)
{
    passes.Add(Parse(path, maxLines: long.MaxValue));
}

var median = passes.OrderBy(p => p.Seconds).ElementAt(passes.Count / 2);
foreach (var (type, count) in Enum.GetValues<EventType>().Zip(median.PerType).Where(p => p.Second > 0))
{
    Console.Error.WriteLine($"  {type}: {count}");
}

Console.Error.WriteLine($"  passes (wall s): {string.Join(", ", passes.Select(p => p.Seconds.ToString("F3", CultureInfo.InvariantCulture)))}");
Console.Error.WriteLine($"  passes (cpu s):  {string.Join(", ", passes.Select(p => p.CpuSeconds.ToString("F3", CultureInfo.InvariantCulture)))}");
var cpu = passes.Select(p => p.CpuSeconds).Order().ElementAt(passes.Count / 2);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"lines={median.Lines} events={median.Events} unparsed={median.Unparsed} secs={median.Seconds:F3} MB/s={megabytes / median.Seconds:F1} cpu_secs={cpu:F3} cpu_MB/s={megabytes / cpu:F1}"));
return 0;

static (double Seconds, double CpuSeconds, long Lines, long Events, long Unparsed, long[] PerType) Parse(string path, long maxLines)
{
    var perType = new long[Enum.GetValues<EventType>().Length];
    // CPU time too (the GC's and JIT's threads included): on a shared machine it moves far less than wall time.
    var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
    var allocatedStart = GC.GetTotalAllocatedBytes(precise: true);
    var collectionsStart = GC.CollectionCount(0);
    var stopwatch = Stopwatch.StartNew();
    // As the Worker imports an uploaded log: the parser reads the UTF-8 stream itself, a line being a slice of a block.
    using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
    var lines = new LogLineReader(stream);
    var parser = new ArnoldLogParser();
    var events = new List<TelemetryEvent>(64);
    while (parser.Lines < maxLines && lines.TryReadLine(out var line))
    {
        parser.Feed(line, events);
        foreach (var telemetryEvent in events)
        {
            perType[(int)telemetryEvent.Type]++;
        }

        events.Clear();
    }

    parser.Complete(events);
    foreach (var telemetryEvent in events)
    {
        perType[(int)telemetryEvent.Type]++;
    }

    stopwatch.Stop();
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
    if (maxLines == long.MaxValue)
    {
        // Allocation drives most of the cost that is not parsing: bytes per line and gen-0 collections per pass.
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedStart;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  pass: {allocated / 1e6:F0} MB allocated ({(double)allocated / parser.Lines:F0} bytes per line), {GC.CollectionCount(0) - collectionsStart} gen-0 collections"));
    }

    return (stopwatch.Elapsed.TotalSeconds, cpu, parser.Lines, parser.Events, parser.UnparsedLines, perType);
}
