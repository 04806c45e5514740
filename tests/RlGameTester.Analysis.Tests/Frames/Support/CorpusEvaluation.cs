using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using RlGameTester.Analysis.Frames;

namespace RlGameTester.Analysis.Tests.Frames.Support;

/// <summary>What the checker found in one clip.</summary>
internal sealed record ClipResult(string Category, string? ExpectedCheck, int GlitchFirstTick, int GlitchLastTick, int Frames,
    IReadOnlyList<FrameFinding> Findings)
{
    /// <summary>Ticks of slack around the injected range: temporal checks open their range a frame or two early.</summary>
    private const int SlackTicks = 8;

    public bool IsClean => ExpectedCheck is null;

    public bool Detected => ExpectedCheck is { } check && Findings.Any(f => f.Check == check
        && f.FirstTick <= GlitchLastTick + SlackTicks && f.LastTick >= GlitchFirstTick - SlackTicks);
}

/// <summary>
/// Runs the frame checker (default options) over the labelled corpus and measures, per check, the detection rate on
/// glitched clips and the false-positive rate on clean ones. Clips are made and checked one at a time on each core,
/// so memory stays small.
/// </summary>
internal sealed class CorpusEvaluation
{
    public CorpusEvaluation(int width, int height, int seed, int cleanPerCategory, int glitchedPerCheck)
    {
        Width = width;
        Height = height;
        var recipeFactory = new ClipFactory(DoomGraphics.Shared, width, height);
        var recipes = Corpus.Clean(recipeFactory, seed, cleanPerCategory).Concat(Corpus.Glitched(recipeFactory, seed + 1, glitchedPerCheck)).ToList();
        var results = new ConcurrentBag<(int Index, ClipResult Result)>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, recipes.Count, 8),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) },
            range =>
            {
                // The recipes close over the first factory; make each clip with this thread's own renderer instead.
                var factory = new ClipFactory(DoomGraphics.Shared, width, height);
                using var checker = new FrameChecker(new FrameCheckOptions());
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var recipe = recipes[i];
                    var clip = Corpus.Remake(recipe, factory);
                    foreach (var frame in clip.Frames)
                    {
                        using var mat = frame.Frame.ToMat();
                        checker.Add(frame.Tick, mat, frame.Acting);
                    }

                    results.Add((i, new ClipResult(clip.Category, clip.ExpectedCheck, clip.GlitchFirstTick, clip.GlitchLastTick, clip.Frames.Count,
                        checker.Complete())));
                }
            });
        Elapsed = started.Elapsed;
        Results = [.. results.OrderBy(r => r.Index).Select(r => r.Result)];
    }

    public int Width { get; }

    public int Height { get; }

    public TimeSpan Elapsed { get; }

    public IReadOnlyList<ClipResult> Results { get; }

    /// <summary>Clean clips the rates are asserted on: all but rooms so dark that Doom itself draws them black.</summary>
    public IReadOnlyList<ClipResult> Clean => [.. Results.Where(r => r.IsClean && r.Category != Corpus.PitchDarkCategory)];

    public IReadOnlyList<ClipResult> Glitched(string check) => [.. Results.Where(r => r.ExpectedCheck == check)];

    public double DetectionRate(string check)
    {
        var clips = Glitched(check);
        return clips.Count(c => c.Detected) / (double)clips.Count;
    }

    /// <summary>Share of clean clips in which this check reported anything.</summary>
    public double FalsePositiveRate(string check) => Clean.Count(c => c.Findings.Any(f => f.Check == check)) / (double)Clean.Count;

    /// <summary>Share of clean clips in which any check reported anything.</summary>
    public double OverallFalsePositiveRate => Clean.Count(c => c.Findings.Count > 0) / (double)Clean.Count;

    public string Report()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"Frame checks at {Width}x{Height}: {Results.Count} clips, {Results.Sum(r => r.Frames)} frames, made and checked in {Elapsed.TotalSeconds:0} s");
        text.AppendLine(inv, $"{"check",-18} {"detected",10} {"false pos.",12}");
        foreach (var check in FrameCheckNames.All)
        {
            var glitched = Glitched(check);
            var falsePositives = Clean.Count(c => c.Findings.Any(f => f.Check == check));
            text.AppendLine(inv,
                $"{check,-18} {glitched.Count(c => c.Detected),3}/{glitched.Count,-3} {DetectionRate(check),4:P0}   {falsePositives,3}/{Clean.Count,-3} {FalsePositiveRate(check),5:P1}");
        }

        var detected = FrameCheckNames.All.Sum(c => Glitched(c).Count(r => r.Detected));
        var glitchedTotal = FrameCheckNames.All.Sum(c => Glitched(c).Count);
        text.AppendLine(inv, $"{"all",-18} {detected,3}/{glitchedTotal,-3} {detected / (double)glitchedTotal,4:P0}   {Clean.Count(c => c.Findings.Count > 0),3}/{Clean.Count,-3} {OverallFalsePositiveRate,5:P1}");
        text.AppendLine("False positives by clean category (clips with any finding):");
        foreach (var group in Results.Where(r => r.IsClean).GroupBy(r => r.Category))
        {
            var noisy = group.Where(r => r.Findings.Count > 0).ToList();
            var checks = string.Join(", ", noisy.SelectMany(r => r.Findings).GroupBy(f => f.Check).Select(g => $"{g.Key} x{g.Count()}"));
            text.AppendLine(inv, $"  {group.Key,-28} {noisy.Count,2}/{group.Count(),-2} {checks}{(group.Key == Corpus.PitchDarkCategory ? " (not asserted: light < 48 is black in Doom itself)" : "")}");
        }

        text.AppendLine("Clean clips flagged (asserted categories):");
        foreach (var clip in Clean.Where(c => c.Findings.Count > 0))
        {
            text.AppendLine(inv, $"  {clip.Category}: {string.Join(" | ", clip.Findings.Select(f => $"{f.Check} ticks {f.FirstTick}-{f.LastTick}: {f.Description}"))}");
        }

        text.AppendLine("Other checks firing on glitched clips (the glitched frames often show two symptoms):");
        foreach (var group in Results.Where(r => !r.IsClean).GroupBy(r => r.ExpectedCheck))
        {
            var others = group.SelectMany(r => r.Findings.Where(f => f.Check != r.ExpectedCheck).Select(f => f.Check).Distinct());
            var summary = string.Join(", ", others.GroupBy(c => c).Select(g => $"{g.Key} in {g.Count()}"));
            text.AppendLine(inv, $"  {group.Key,-28} {(summary.Length == 0 ? "none" : summary)}");
        }

        return text.ToString();
    }
}
