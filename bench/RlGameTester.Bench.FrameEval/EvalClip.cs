namespace RlGameTester.Bench.FrameEval;

/// <summary>One composed frame (320x200 BGR) at a game tic, and whether the agent was acting then.</summary>
internal sealed record EvalFrame(int Tick, byte[] Bgr, bool Acting);

/// <summary>A labelled clip: clean (no expected check) or with one glitch injected between two tics.</summary>
internal sealed class EvalClip(string category, string? expectedCheck, string level, int light)
{
    public string Category { get; } = category;

    /// <summary>The check that should report this clip; null for a clean clip.</summary>
    public string? ExpectedCheck { get; } = expectedCheck;

    public string Level { get; } = level;

    /// <summary>The light level of the sector the clip starts in.</summary>
    public int Light { get; } = light;

    public List<EvalFrame> Frames { get; } = [];

    public int GlitchFirstTick { get; set; }

    public int GlitchLastTick { get; set; }

    public bool IsClean => ExpectedCheck is null;
}
