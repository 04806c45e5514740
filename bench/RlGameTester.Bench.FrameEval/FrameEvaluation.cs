using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using RlGameTester.Analysis.Frames;

namespace RlGameTester.Bench.FrameEval;

/// <summary>
/// Makes every clip of a split (clips per category for each seed), runs the checks over each as it is made, and keeps
/// only the outcomes. Clip i of a category in a seed depends on (seed, category, i) alone, so any thread count gives
/// the same figures.
/// </summary>
internal sealed class FrameEvaluation
{
    /// <param name="sheets">Tuning only: a folder each flagged clean clip and missed glitch clip is drawn to, its frames side by side.</param>
    public FrameEvaluation(EvalWad wad, IReadOnlyList<int> seeds, int clipsPerCategory, int threads, FrameCheckOptions? options = null, string? sheets = null)
    {
        // A clean category no sector of the split can start (FreeDM has no dark sectors) is left out and reported so.
        CleanCategories = [.. ClipMaker.CleanCategories.Where(c => ClipMaker.CanDraw(wad, c))];
        var jobs = (from seed in seeds
                    from category in CleanCategories.Select(c => (Name: c, Glitch: false)).Concat(ClipMaker.GlitchCategories.Select(c => (Name: c, Glitch: true)))
                    from i in Enumerable.Range(0, clipsPerCategory)
                    select (seed, category, i)).ToList();
        var outcomes = new ConcurrentBag<(int Index, ClipOutcome Outcome)>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        Parallel.ForEach(
            Partitioner.Create(0, jobs.Count, 4),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) },
            range =>
            {
                var maker = new ClipMaker(wad);
                using var checker = new FrameChecker(options ?? new FrameCheckOptions());
                for (var j = range.Item1; j < range.Item2; j++)
                {
                    var (seed, category, i) = jobs[j];
                    var rng = new Random(ClipSeed(seed, category.Name, i));
                    var clip = category.Glitch ? maker.Glitched(category.Name, rng) : maker.Clean(category.Name, rng);
                    var outcome = ClipOutcome.Check(checker, clip, seed);
                    outcomes.Add((j, outcome));
                    if (sheets is not null && (outcome.IsClean ? outcome.Flagged : !outcome.Detected))
                    {
                        ContactSheet(clip, Path.Combine(sheets, $"{seed}-{category.Name.Replace(':', '-')}-{i}-{clip.Level}.png"));
                    }
                }
            });
        Elapsed = started.Elapsed;
        Outcomes = [.. outcomes.OrderBy(o => o.Index).Select(o => o.Outcome)];
        Seeds = seeds;
    }

    public IReadOnlyList<ClipOutcome> Outcomes { get; }

    /// <summary>The clean categories drawn on this split.</summary>
    public IReadOnlyList<string> CleanCategories { get; }

    public IReadOnlyList<int> Seeds { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>Every other frame of a clip (at most 12), in rows of four, with its tick, for looking at a miss or a false alarm.</summary>
    private static void ContactSheet(EvalClip clip, string path)
    {
        var frames = clip.Frames.Where((_, k) => k % 2 == 0).Take(12).ToList();
        const int columns = 4;
        var rows = (frames.Count + columns - 1) / columns;
        using var sheet = new OpenCvSharp.Mat(rows * FrameComposer.Height, columns * FrameComposer.Width, OpenCvSharp.MatType.CV_8UC3, OpenCvSharp.Scalar.All(0));
        for (var k = 0; k < frames.Count; k++)
        {
            using var frame = new OpenCvSharp.Mat(FrameComposer.Height, FrameComposer.Width, OpenCvSharp.MatType.CV_8UC3);
            frames[k].Bgr.CopyTo(frame.AsSpan<byte>());
            OpenCvSharp.Cv2.PutText(frame, frames[k].Tick.ToString(CultureInfo.InvariantCulture), new OpenCvSharp.Point(4, 12), OpenCvSharp.HersheyFonts.HersheyPlain, 0.9, OpenCvSharp.Scalar.Yellow);
            using var target = new OpenCvSharp.Mat(sheet, new OpenCvSharp.Rect((k % columns) * FrameComposer.Width, (k / columns) * FrameComposer.Height, FrameComposer.Width, FrameComposer.Height));
            frame.CopyTo(target);
        }

        OpenCvSharp.Cv2.ImWrite(path, sheet);
    }

    /// <summary>
    /// The random seed of clip <paramref name="index"/> of a category in a split's seed, independent of .NET's string
    /// hashing (randomised per process): a clip the report names can be drawn again (tests of single cases do).
    /// </summary>
    internal static int ClipSeed(int seed, string category, int index)
    {
        unchecked
        {
            var h = (seed * 1_000_003) ^ (index * 7919);
            foreach (var ch in category)
            {
                h = (h * 31) + ch;
            }

            return h & 0x7fffffff;
        }
    }

    /// <summary>Aggregates only: per check the detection rate (mean, min-max and sd over seeds), per clean category the false-alarm rate.</summary>
    public string Report(string title)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(inv, $"{title}: {Outcomes.Count} clips, seeds {string.Join(",", Seeds)}, made and checked in {Elapsed.TotalSeconds:0} s");
        text.AppendLine(inv, $"{"glitch found by its check",-26} {"mean",6} {"min-max over seeds",19} {"sd",5}");
        foreach (var check in ClipMaker.GlitchCategories)
        {
            text.AppendLine(inv, $"  {check,-24} {Spread(o => o.ExpectedCheck == check, o => o.Detected)}");
        }

        text.AppendLine(inv, $"  {"all glitches",-24} {Spread(o => !o.IsClean, o => o.Detected)}");
        text.AppendLine(inv, $"{"clean clips flagged",-26} {"mean",6} {"min-max over seeds",19} {"sd",5}  checks that fired");
        foreach (var category in ClipMaker.CleanCategories.Except(CleanCategories))
        {
            text.AppendLine(inv, $"  {category,-24} n/a: no sector of its light in this split's levels");
        }

        foreach (var category in CleanCategories)
        {
            var fired = Outcomes.Where(o => o.Category == category).SelectMany(o => o.Findings.Select(f => f.Check).Distinct())
                .GroupBy(c => c).Select(g => $"{g.Key} x{g.Count()}");
            text.AppendLine(inv, $"  {category,-24} {Spread(o => o.Category == category, o => o.Flagged)}  {string.Join(", ", fired)}");
        }

        text.AppendLine(inv, $"  {"all clean",-24} {Spread(o => o.IsClean, o => o.Flagged)}");
        text.AppendLine("clean clips flagged per check (all seeds):");
        var clean = Outcomes.Where(o => o.IsClean).ToList();
        foreach (var check in FrameCheckNames.All)
        {
            var flagged = clean.Count(o => o.Findings.Any(f => f.Check == check));
            text.AppendLine(inv, $"  {check,-24} {flagged,4}/{clean.Count} {flagged / (double)clean.Count,7:P1}");
        }

        return text.ToString();
    }

    /// <summary>Per-clip lines for looking into misses and false alarms: only ever printed for the tuning split.</summary>
    public string Details()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        foreach (var o in Outcomes.Where(o => o.IsClean ? o.Flagged : !o.Detected))
        {
            var findings = string.Join(" | ", o.Findings.Select(f => $"{f.Check} {f.FirstTick}-{f.LastTick}: {f.Description}"));
            text.AppendLine(inv, $"seed {o.Seed} {o.Category} {o.Level} light {o.Light} glitch {o.GlitchFirstTick}-{o.GlitchLastTick}: {(o.IsClean ? "FLAGGED" : "MISSED")} [{findings}]");
        }

        return text.ToString();
    }

    private string Spread(Func<ClipOutcome, bool> which, Func<ClipOutcome, bool> hit)
    {
        var rates = Seeds.Select(s => Outcomes.Where(o => o.Seed == s && which(o)).ToList()).Where(l => l.Count > 0)
            .Select(l => l.Count(hit) / (double)l.Count).ToList();
        var all = Outcomes.Where(which).ToList();
        var mean = all.Count(hit) / (double)Math.Max(1, all.Count);
        var avg = rates.Average();
        var sd = Math.Sqrt(rates.Sum(r => (r - avg) * (r - avg)) / Math.Max(1, rates.Count - 1));
        return string.Create(CultureInfo.InvariantCulture, $"{mean,6:P1} {rates.Min(),8:P1} - {rates.Max(),-8:P1} {sd * 100,5:0.0}  ({all.Count(hit)}/{all.Count})");
    }

    /// <summary>Share of glitch clips found and of clean clips flagged, over all seeds.</summary>
    public (double Detected, double Flagged) Totals()
    {
        var glitched = Outcomes.Where(o => !o.IsClean).ToList();
        var clean = Outcomes.Where(o => o.IsClean).ToList();
        return (glitched.Count(o => o.Detected) / (double)glitched.Count, clean.Count(o => o.Flagged) / (double)clean.Count);
    }
}
