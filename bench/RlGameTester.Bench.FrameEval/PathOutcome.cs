using RlGameTester.Analysis.Frames;

namespace RlGameTester.Bench.FrameEval;

/// <summary>
/// What the checker found on one explorer path (all clean: the level drawn as it is): every finding is false.
/// <see cref="Findings"/> are those that stand; <see cref="SetAside"/> those the renderer's notes set aside (their
/// frames were drawn whole), as the Analysis service does.
/// </summary>
internal sealed record PathOutcome(int Seed, string Level, int Frames, IReadOnlyList<FrameFinding> Findings, IReadOnlyList<FrameFinding> SetAside)
{
    public bool Flagged => Findings.Count > 0;

    /// <summary>The same path with a missing texture seeded on it; null where no view faces a wall 64-256 units ahead.</summary>
    public DefectOutcome? Defect { get; init; }

    /// <summary>What the checks alone raised, before the renderer's notes.</summary>
    public IEnumerable<FrameFinding> Raised => Findings.Concat(SetAside);
}

/// <summary>A missing middle texture seeded on a path: the line, the view it was chosen from, the frames it shows in, the check that found it.</summary>
internal sealed record DefectOutcome(int Linedef, int ViewTick, int VisibleFrames, string? FoundBy);
