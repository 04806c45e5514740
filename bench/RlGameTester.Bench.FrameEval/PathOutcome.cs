using RlGameTester.Analysis.Frames;

namespace RlGameTester.Bench.FrameEval;

/// <summary>What the checker found on one explorer path (all clean: the level drawn as it is): every finding is false.</summary>
internal sealed record PathOutcome(int Seed, string Level, int Frames, IReadOnlyList<FrameFinding> Findings)
{
    public bool Flagged => Findings.Count > 0;
}
