using RlGameTester.Doom.Checks;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// A problem found by exploring, for a level designer: where it is (map units), the element that causes it and the
/// evidence (furthest point reached, blocking element, key needed, ...).
/// </summary>
public sealed record ExplorerFinding(ExplorerFindingKind Kind, string Title, string Description, double X, double Y)
{
    /// <summary>How bad it is, in the static checks' terms.</summary>
    public FindingSeverity Severity { get; init; } = FindingSeverity.Major;

    /// <summary>0-1: how sure the finding is that a player meets the problem (1 for what is proven).</summary>
    public double Confidence { get; init; } = 1;

    /// <summary>The kind of element it points at, in the static checks' terms.</summary>
    public ElementKind? ElementKind { get; init; }

    /// <summary>The element's index in its lump.</summary>
    public int? ElementIndex { get; init; }

    /// <summary>When the agent met the problem, if it did.</summary>
    public int? Tick { get; init; }

    /// <summary>The size of the area (softlock, death zone, unreachable part), map units squared.</summary>
    public double? Area { get; init; }

    /// <summary>Named facts: "furthest_x", "blocking_line", "key_needed", "step", ...</summary>
    public IReadOnlyDictionary<string, string> Evidence { get; init; } = new Dictionary<string, string>();
}
