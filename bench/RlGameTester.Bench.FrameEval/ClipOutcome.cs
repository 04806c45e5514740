using RlGameTester.Analysis.Frames;

namespace RlGameTester.Bench.FrameEval;

/// <summary>What the checker found in one clip of one seed.</summary>
internal sealed record ClipOutcome(int Seed, string Category, string? ExpectedCheck, string Level, int Light, int GlitchFirstTick, int GlitchLastTick,
    IReadOnlyList<FrameFinding> Findings)
{
    /// <summary>Ticks of slack around the injected range: temporal checks open their range a frame or two early.</summary>
    private const int SlackTicks = 8;

    public bool IsClean => ExpectedCheck is null;

    public bool Detected => ExpectedCheck is { } check && Findings.Any(f => f.Check == check
        && f.FirstTick <= GlitchLastTick + SlackTicks && f.LastTick >= GlitchFirstTick - SlackTicks);

    public bool Flagged => Findings.Count > 0;

    /// <summary>Runs the checker (default options unless given) over a clip.</summary>
    public static ClipOutcome Check(FrameChecker checker, EvalClip clip, int seed)
    {
        foreach (var frame in clip.Frames)
        {
            using var mat = new OpenCvSharp.Mat(FrameComposer.Height, FrameComposer.Width, OpenCvSharp.MatType.CV_8UC3);
            frame.Bgr.CopyTo(mat.AsSpan<byte>());
            checker.Add(frame.Tick, mat, frame.Acting);
        }

        return new ClipOutcome(seed, clip.Category, clip.ExpectedCheck, clip.Level, clip.Light, clip.GlitchFirstTick, clip.GlitchLastTick, checker.Complete());
    }
}
