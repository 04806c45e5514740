using RlGameTester.Doom.Checks;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// One Doom rule the trajectory breaks: when (the first tic, and the last of a run of tics breaking it the same way),
/// which rule (<see cref="TrajectoryRules"/>), where the body was, the map element involved, and a sentence saying what
/// broke and by how much.
/// </summary>
public sealed record TrajectoryViolation(int Tick, string Rule, double X, double Y, string Message)
{
    /// <summary>The last tic of consecutive tics breaking the rule at the same element (equal to <see cref="Tick"/> for one tic).</summary>
    public int LastTick { get; init; }

    /// <summary>line | sector | thing, or null.</summary>
    public ElementKind? ElementKind { get; init; }

    /// <summary>The element's index in its lump.</summary>
    public int? ElementIndex { get; init; }

    /// <summary>By how much, in map units, where the rule measures it (a wall's depth in the box, a step's excess); the largest over its tics.</summary>
    public double? Amount { get; init; }

    /// <summary>
    /// The spot is fine for a box smaller by <see cref="TrajectoryRules.GridTolerance"/> on every tic of the violation:
    /// a player passes a few units over from the explorer's line.
    /// </summary>
    public bool WithinGrid { get; init; }
}
