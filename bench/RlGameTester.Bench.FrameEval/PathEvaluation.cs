using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using OpenCvSharp;
using RlGameTester.Analysis.Frames;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Rendering;

namespace RlGameTester.Bench.FrameEval;

/// <summary>
/// The explorer-path category: each level of the split explored as the Worker's explorer agent explores it (default
/// options, the seed as the run's seed), its path drawn every <see cref="FrameEvery"/> tics by the Worker's own
/// <see cref="ScreenComposer"/> and <see cref="FrameTicks"/>, and checked with the acting flag the Analysis service
/// derives from the same positions. The levels are drawn as they are, so every finding is a false alarm; it is kept
/// apart from the clips' figures (a path is hundreds of frames, a clip two dozen).
/// </summary>
internal sealed class PathEvaluation
{
    /// <summary>The rate explorer runs render at when frames are on (the Worker's limit counting uses the same).</summary>
    public const int FrameEvery = 8;

    /// <summary>The Worker's cap on one run's frames (<c>Agents:Explorer:MaxFrames</c>).</summary>
    private const int MaxFrames = 1_000;

    /// <summary>The explorer's default skill (<c>ExplorerSettings.DefaultSkill</c>): which things are drawn.</summary>
    private const int Skill = 3;

    /// <param name="png">Tuning only: a folder every path frame is written to ({level}-{seed}-{tick}.png), to look at.</param>
    public PathEvaluation(EvalWad wad, IReadOnlyList<int> seeds, int threads, FrameCheckOptions options, string? png = null)
    {
        var jobs = (from seed in seeds from entry in wad.Entries select (seed, entry)).ToList();
        var outcomes = new ConcurrentBag<(int Index, PathOutcome Outcome)>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, j =>
        {
            var (seed, entry) = jobs[j];
            using var checker = new FrameChecker(options);
            outcomes.Add((j, Check(checker, wad, entry, seed, png)));
        });
        Elapsed = started.Elapsed;
        Outcomes = [.. outcomes.OrderBy(o => o.Index).Select(o => o.Outcome)];
    }

    public IReadOnlyList<PathOutcome> Outcomes { get; }

    public TimeSpan Elapsed { get; }

    private static PathOutcome Check(FrameChecker checker, EvalWad wad, LevelEntry entry, int seed, string? png)
    {
        var level = LevelReader.Read(entry);
        var result = Explorer.Explore(level, new LevelGeometry(level), new ExplorerOptions { Skill = Skill, Seed = seed });
        var positions = result.Events.Where(e => e.Kind == ExplorerEventKind.Position).ToList();
        var activity = AgentActivity.From(positions.Select(p => ((int?)null, p.Tick, p.X, p.Y, (double?)p.Angle)));
        var scene = ScreenComposer.SceneFor(level, wad.Wad, wad.Resources, Skill);
        var composer = new ScreenComposer(scene, wad.Resources);
        using var mat = new Mat(ScreenComposer.Height, ScreenComposer.Width, MatType.CV_8UC3);
        int? previous = null;
        var frames = 0;
        foreach (var (tick, view) in PathViews.Choose(scene, result.Events, FrameEvery, MaxFrames))
        {
            var (screen, _) = composer.Compose(view);
            FrameComposer.ToBgr(screen.Span, composer.Colors, mat.AsSpan<byte>());
            if (png is not null)
            {
                Cv2.ImWrite(Path.Combine(png, string.Create(CultureInfo.InvariantCulture, $"{entry.Name}-{seed}-{tick:D6}.png")), mat);
            }

            checker.Add(tick, mat, activity.ActedBetween(null, previous ?? (tick - 1), tick));
            previous = tick;
            frames++;
        }

        return new PathOutcome(seed, entry.Name, frames, checker.Complete());
    }

    /// <summary>Aggregates only: paths with any finding, findings per path, and per check.</summary>
    public string Report()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var frames = Outcomes.Sum(o => o.Frames);
        var findings = Outcomes.Sum(o => o.Findings.Count);
        text.AppendLine(inv, $"explorer paths (clean, a frame every {FrameEvery} tics): {Outcomes.Count} paths, {frames} frames, explored, drawn and checked in {Elapsed.TotalSeconds:0} s");
        text.AppendLine(inv, $"  paths with a false finding  {Outcomes.Count(o => o.Flagged),4}/{Outcomes.Count} {Outcomes.Count(o => o.Flagged) / (double)Math.Max(1, Outcomes.Count),7:P1}");
        text.AppendLine(inv, $"  false findings              {findings,4}    {findings / (double)Math.Max(1, Outcomes.Count):0.00} per path, max {(Outcomes.Count == 0 ? 0 : Outcomes.Max(o => o.Findings.Count))}");
        foreach (var check in FrameCheckNames.All)
        {
            var paths = Outcomes.Count(o => o.Findings.Any(f => f.Check == check));
            var count = Outcomes.Sum(o => o.Findings.Count(f => f.Check == check));
            if (count > 0)
            {
                text.AppendLine(inv, $"    {check,-24} {count,4} findings on {paths} paths");
            }
        }

        return text.ToString();
    }

    /// <summary>Per-path findings, for looking into false alarms: only ever printed for the tuning split.</summary>
    public string Details()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        foreach (var o in Outcomes.Where(o => o.Flagged))
        {
            text.AppendLine(inv, $"seed {o.Seed} path {o.Level} ({o.Frames} frames): {string.Join(" | ", o.Findings.Select(f => $"{f.Check} {f.FirstTick}-{f.LastTick}: {f.Description}"))}");
        }

        return text.ToString();
    }
}
