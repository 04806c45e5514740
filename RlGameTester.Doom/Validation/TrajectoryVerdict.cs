namespace RlGameTester.Doom.Validation;

/// <summary>
/// Whether an explorer run keeps to Doom's rules: the violations in tick order, and the simplifications the verdict
/// relies on (doors assumed to stay open, lifts at any height, assumed boss deaths, ...).
/// </summary>
public sealed record TrajectoryVerdict
{
    public bool Valid => Violations.Count == 0;

    /// <summary>
    /// The violations that refute the run's claim of success (see <see cref="TrajectoryRules.Refutes"/>): a run with
    /// any never reports its exit reached.
    /// </summary>
    public IReadOnlyList<TrajectoryViolation> Refutations => Violations.Where(TrajectoryRules.Refutes).ToList();

    /// <summary>Whether the run's path is one a player can take, to the precision of the explorer's grid.</summary>
    public bool Upholds => !Violations.Any(TrajectoryRules.Refutes);

    public required IReadOnlyList<TrajectoryViolation> Violations { get; init; }

    public required IReadOnlyList<string> Assumptions { get; init; }
}
