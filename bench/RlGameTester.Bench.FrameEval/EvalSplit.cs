namespace RlGameTester.Bench.FrameEval;

/// <summary>
/// The evaluation's two splits, disjoint in levels (different IWADs) and in seeds. Decided before any result was
/// seen; the checks are only ever tuned on <c>tuning</c>.
/// </summary>
internal sealed record EvalSplit(string Name, string Iwad, int SeedBase, bool HeldOut)
{
    public static EvalSplit Tuning { get; } = new("tuning", "freedoom1.wad", 100, false);

    public static EvalSplit HeldOutSplit { get; } = new("heldout", "freedoom2.wad", 9000, true);

    public static EvalSplit Named(string name) => name switch
    {
        "tuning" => Tuning,
        "heldout" => HeldOutSplit,
        _ => throw new ArgumentException($"Unknown split {name}: tuning or heldout.", nameof(name)),
    };

    public IReadOnlyList<int> Seeds(int count) => [.. Enumerable.Range(1, count).Select(k => SeedBase + k)];
}
