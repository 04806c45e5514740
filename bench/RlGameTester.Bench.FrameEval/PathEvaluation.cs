using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using OpenCvSharp;
using RlGameTester.Analysis.Frames;
using RlGameTester.Domain.Frames;
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

    /// <summary>Share of the view a hole must fill in a frame to count as seen there (as the clips' 2%).</summary>
    private const double MinHoleShare = 0.02;

    /// <param name="png">Tuning only: a folder every path frame is written to ({level}-{seed}-{tick}.png), to look at.</param>
    public PathEvaluation(EvalWad wad, IReadOnlyList<int> seeds, int threads, FrameCheckOptions options, string? png = null)
    {
        var jobs = (from seed in seeds from entry in wad.Entries select (seed, entry)).ToList();
        var outcomes = new ConcurrentBag<(int Index, PathOutcome Outcome)>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, j =>
        {
            var (seed, entry) = jobs[j];
            outcomes.Add((j, Check(options, wad, entry, seed, png)));
        });
        Elapsed = started.Elapsed;
        Outcomes = [.. outcomes.OrderBy(o => o.Index).Select(o => o.Outcome)];
    }

    public IReadOnlyList<PathOutcome> Outcomes { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>
    /// A path given as its events (a stretch recorded from an explorer run, which stays put as the explorer learns) on the
    /// WAD's one level, drawn and checked as an explorer run's are; no defect is seeded.
    /// </summary>
    public static PathOutcome Of(EvalWad wad, IReadOnlyList<ExplorerEvent> events, FrameCheckOptions options)
    {
        var entry = wad.Entries.Single();
        var scene = ScreenComposer.SceneFor(LevelReader.Read(entry), wad.Wad, wad.Resources, Skill);
        var drawn = Draw(options, wad, scene, events, null);
        return new PathOutcome(0, entry.Name, drawn.Frames, drawn.Standing, drawn.SetAside);
    }

    private static PathOutcome Check(FrameCheckOptions options, EvalWad wad, LevelEntry entry, int seed, string? png)
    {
        var level = LevelReader.Read(entry);
        var result = Explorer.Explore(level, new LevelGeometry(level), new ExplorerOptions { Skill = Skill, Seed = seed });
        var scene = ScreenComposer.SceneFor(level, wad.Wad, wad.Resources, Skill);
        var drawn = Draw(options, wad, scene, result.Events, png is null ? null : (tick => Path.Combine(png, string.Create(CultureInfo.InvariantCulture, $"{entry.Name}-{seed}-{tick:D6}.png"))));
        return new PathOutcome(seed, entry.Name, drawn.Frames, drawn.Standing, drawn.SetAside) { Defect = Seeded(options, wad, entry, seed, result.Events) };
    }

    /// <summary>
    /// A defect seeded into the same path: the one-sided wall 64-256 units ahead of one of its views (chosen by the
    /// seed) loses its middle texture, so the renderer leaves it undrawn, as the Worker's frames then show it (its clear
    /// colour). The path is the same (a texture does not change the play). Found when a finding that stands covers a
    /// frame where the hole fills at least <see cref="MinHoleShare"/> of the view.
    /// </summary>
    private static DefectOutcome? Seeded(FrameCheckOptions options, EvalWad wad, LevelEntry entry, int seed, IReadOnlyList<ExplorerEvent> events)
    {
        var (clean, map) = wad.Level(entry);
        var candidates = PathViews.Choose(clean, events, FrameEvery, MaxFrames)
            .Select(v => (v.Tick, Wall: map.WallAhead(v.View.X, v.View.Y, v.View.Angle, 256)))
            .Where(c => c.Wall is { Distance: >= 64 })
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var (tick, wall) = candidates[new Random(FrameEvaluation.ClipSeed(seed, "path-defect:" + entry.Name, 0)).Next(candidates.Count)];
        var drawn = Draw(options, wad, wad.WithoutMiddleTexture(entry, wall!.Value.Side), events, null);
        var visible = drawn.Holes.Where(h => h.Pixels >= MinHoleShare * ScreenComposer.Width * ScreenComposer.ViewHeight).Select(h => h.Tick).ToList();
        var found = drawn.Standing.FirstOrDefault(f => visible.Any(t => t >= f.FirstTick && t <= f.LastTick));
        return new DefectOutcome(wall.Value.Linedef, tick, visible.Count, found?.Check);
    }

    /// <summary>Draws a path's frames as the Worker does and checks them as the Analysis service does, renderer's notes included.</summary>
    private static DrawnPath Draw(FrameCheckOptions options, EvalWad wad, RenderScene scene, IReadOnlyList<ExplorerEvent> events, Func<int, string>? png)
    {
        using var checker = new FrameChecker(options);
        var positions = events.Where(e => e.Kind == ExplorerEventKind.Position).ToList();
        var activity = AgentActivity.From(positions.Select(p => ((int?)null, p.Tick, p.X, p.Y, (double?)p.Angle)));
        var composer = new ScreenComposer(scene, wad.Resources);
        using var mat = new Mat(ScreenComposer.Height, ScreenComposer.Width, MatType.CV_8UC3);
        int? previous = null;
        var frames = 0;
        var gate = new RenderedFrameGate();
        var holes = new List<(int Tick, int Pixels)>();
        foreach (var (tick, view) in PathViews.Choose(scene, events, FrameEvery, MaxFrames))
        {
            var (screen, statistics) = composer.Compose(view);
            FrameComposer.ToBgr(screen.Span, composer.Colors, mat.AsSpan<byte>());
            if (png is not null)
            {
                Cv2.ImWrite(png(tick), mat);
            }

            var note = RendererNote.From(statistics);
            checker.Add(tick, mat, activity.ActedBetween(null, previous ?? (tick - 1), tick), note);
            gate.Add(tick, note);
            holes.Add((tick, statistics.UndrawnPixels));
            previous = tick;
            frames++;
        }

        // The Worker's frames carry the same note in their PNGs; the Analysis service sets such findings aside the same way.
        var standing = checker.Complete().ToLookup(gate.Stands);
        return new DrawnPath(frames, [.. standing[true]], [.. standing[false]], holes);
    }

    private sealed record DrawnPath(int Frames, IReadOnlyList<FrameFinding> Standing, IReadOnlyList<FrameFinding> SetAside, IReadOnlyList<(int Tick, int Pixels)> Holes);

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
        var setAside = Outcomes.Sum(o => o.SetAside.Count);
        text.AppendLine(inv, $"  set aside (renderer's note: frames drawn whole) {setAside,4} on {Outcomes.Count(o => o.SetAside.Count > 0)} paths; the checks alone: {findings + setAside} false findings");
        var seeded = Outcomes.Where(o => o.Defect is { VisibleFrames: > 0 }).ToList();
        var found = seeded.Count(o => o.Defect!.FoundBy is not null);
        text.AppendLine(inv, $"  seeded missing texture on the path (a wall 64-256 ahead of one view loses its middle texture): found on {found} of {seeded.Count} paths where it shows in a frame ({found / (double)Math.Max(1, seeded.Count):P1}); {Outcomes.Count(o => o.Defect is { VisibleFrames: 0 })} where it never fills 2% of a frame, {Outcomes.Count(o => o.Defect is null)} without such a wall");
        foreach (var group in seeded.GroupBy(o => Math.Min(o.Defect!.VisibleFrames, 4)).OrderBy(g => g.Key))
        {
            text.AppendLine(inv, $"    seen in {(group.Key < 4 ? group.Key.ToString(inv) : "4+")} frame(s): found {group.Count(o => o.Defect!.FoundBy is not null)} of {group.Count()}");
        }

        foreach (var check in FrameCheckNames.All.Append(FrameCheckNames.UndrawnView))
        {
            var paths = Outcomes.Count(o => o.Findings.Any(f => f.Check == check));
            var count = Outcomes.Sum(o => o.Findings.Count(f => f.Check == check));
            var aside = Outcomes.Sum(o => o.SetAside.Count(f => f.Check == check));
            if (count + aside > 0)
            {
                text.AppendLine(inv, $"    {check,-24} {count,4} findings on {paths} paths, {aside} set aside");
            }
        }

        return text.ToString();
    }

    /// <summary>Per-path findings, for looking into false alarms: only ever printed for the tuning split.</summary>
    public string Details()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        foreach (var o in Outcomes.Where(o => o.Flagged || o.SetAside.Count > 0 || o.Defect is { VisibleFrames: > 0, FoundBy: null }))
        {
            var defect = o.Defect is { } d ? $"; seeded: line {d.Linedef} (view at {d.ViewTick}), seen in {d.VisibleFrames} frame(s), found by {d.FoundBy ?? "nothing"}" : "";
            var aside = o.SetAside.Count > 0 ? $"; set aside: {string.Join(" | ", o.SetAside.Select(f => $"{f.Check} {f.FirstTick}-{f.LastTick}"))}" : "";
            text.AppendLine(inv, $"seed {o.Seed} path {o.Level} ({o.Frames} frames): {string.Join(" | ", o.Findings.Select(f => $"{f.Check} {f.FirstTick}-{f.LastTick}: {f.Description}"))}{aside}{defect}");
        }

        return text.ToString();
    }
}
