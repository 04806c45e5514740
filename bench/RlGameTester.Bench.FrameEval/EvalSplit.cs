namespace RlGameTester.Bench.FrameEval;

/// <summary>
/// The evaluation's splits, disjoint in levels (different IWADs) and in seeds. Each was decided before any result on
/// it was seen; the checks are only ever tuned on <c>tuning</c>. <c>heldout2</c> (FreeDM) was added once
/// <c>heldout</c> had been measured after two tuning rounds and so was no longer unseen.
/// </summary>
internal sealed record EvalSplit(string Name, string Iwad, int SeedBase, bool HeldOut)
{
    public static EvalSplit Tuning { get; } = new("tuning", "freedoom1.wad", 100, false);

    public static EvalSplit HeldOutSplit { get; } = new("heldout", "freedoom2.wad", 9000, true);

    public static EvalSplit HeldOut2Split { get; } = new("heldout2", "freedm.wad", 7000, true);

    public static EvalSplit Named(string name) => name switch
    {
        "tuning" => Tuning,
        "heldout" => HeldOutSplit,
        "heldout2" => HeldOut2Split,
        _ => throw new ArgumentException($"Unknown split {name}: tuning, heldout or heldout2.", nameof(name)),
    };

    public IReadOnlyList<int> Seeds(int count) => [.. Enumerable.Range(1, count).Select(k => SeedBase + k)];
}
