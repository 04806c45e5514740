using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using RlGameTester.Bench.Corpus;

// Usage: RlGameTester.Bench.Corpus [--split tuning|heldout|all] [--source NAME] [--level NAME] [--json FILE]
//        [--timeout SECONDS] [--unblind] [--corpus DIR]
// The static checks and the explorer (skill 3, seed 0) on every level of the community corpus that scripts/corpus.sh
// fetched into .corpus/, one row per level, then a summary per split with deathmatch levels in their own block.
var repoRoot = FindRepoRoot();
CorpusOptions options;
try
{
    options = CorpusOptions.Parse(args, repoRoot);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var listPath = Path.Combine(options.CorpusFolder, "levels.tsv");
if (!File.Exists(listPath))
{
    Console.Error.WriteLine($"{listPath} is missing: run scripts/corpus.sh first (CORPUS_MIRROR=/work/.mirror scripts/corpus.sh without GitHub access).");
    return 2;
}

var entries = CorpusEntry.Load(listPath, repoRoot).Where(options.Selects).ToList();
if (options.Blind && (options.JsonPath is not null || options.Level is not null))
{
    Console.Error.WriteLine("The held-out split prints aggregates only: --json and --level need --unblind (never while tuning).");
    return 2;
}

var cores = Environment.ProcessorCount;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"corpus: {entries.Count} levels (split {options.Split}{(options.Source is null ? "" : ", source " + options.Source)}), static checks + explorer with each source's mod actors (.corpus/<source>/mod; skill 3, seed 0, cancelled after {options.Timeout.TotalSeconds:0} s), Release, Parallel over levels on {cores} cores (times are wall clock under that contention)"));
if (options.Blind)
{
    Console.WriteLine("held-out: aggregates only (no level names, no causes); --unblind shows rows, never while tuning");
}

var measurer = new LevelMeasurer(new IwadResources("/usr/share/games/doom"), options.Timeout, options.CorpusFolder);
var results = new ConcurrentBag<LevelMeasurement>();
var wall = Stopwatch.StartNew();
Parallel.ForEach(
    System.Collections.Concurrent.Partitioner.Create(entries, EnumerablePartitionerOptions.NoBuffering),
    new ParallelOptions { MaxDegreeOfParallelism = cores },
    entry => results.Add(measurer.Measure(entry)));
var elapsed = wall.Elapsed;

var rows = results.OrderBy(r => r.Split, StringComparer.Ordinal).ThenBy(r => r.Source, StringComparer.Ordinal)
    .ThenBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Level, StringComparer.Ordinal).ToList();
if (!options.Blind)
{
    Console.WriteLine();
    RowTable.Print(Console.Out, rows);
}

foreach (var split in rows.Select(r => r.Split).Distinct())
{
    var blind = options.Blind && split != "tuning";
    Console.WriteLine();
    new SplitSummary($"{split}, single player", rows.Where(r => r.Split == split && !r.Deathmatch).ToList()).Print(Console.Out, blind);
    new SplitSummary($"{split}, deathmatch (no single-player exit intended, or no player 1 start)", rows.Where(r => r.Split == split && r.Deathmatch).ToList()).Print(Console.Out, blind);
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wall clock: {elapsed.TotalSeconds:F1} s for {rows.Count} levels on {cores} cores"));
if (options.JsonPath is not null)
{
    JsonRows.Write(options.JsonPath, rows);
    Console.WriteLine($"rows written to {options.JsonPath}");
}

return 0;

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "RlGameTester.sln")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
