namespace RlGameTester.Analysis.Tests.Frames.Support;

/// <summary>One frame of a clip: its tick, picture and whether the agent was acting.</summary>
internal sealed record ClipFrame(int Tick, FrameBuffer Frame, bool Acting);

/// <summary>
/// A short labelled sequence of frames: clean (no check may fire) or carrying one injected glitch over a known range
/// of ticks (its check must fire there).
/// </summary>
internal sealed class Clip(string category, string? expectedCheck)
{
    /// <summary>What the clip shows, e.g. <c>dark-room</c>, <c>menu</c>, <c>glitch:noise</c>.</summary>
    public string Category { get; } = category;

    /// <summary>The check that must report the injected glitch; null for a clean clip.</summary>
    public string? ExpectedCheck { get; } = expectedCheck;

    public int GlitchFirstTick { get; set; }

    public int GlitchLastTick { get; set; }

    public List<ClipFrame> Frames { get; } = [];

    public int LastTick => Frames.Count == 0 ? 0 : Frames[^1].Tick;

    public void Add(int tick, FrameBuffer frame, bool acting) => Frames.Add(new ClipFrame(tick, frame, acting));
}
