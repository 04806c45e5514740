namespace RlGameTester.Doom.Validation;

/// <summary>
/// Whether an explorer run keeps to Doom's rules: the violations in tick order, and the simplifications the verdict
/// relies on (doors assumed to stay open, lifts at any height, assumed boss deaths, ...).
/// </summary>
public sealed record TrajectoryVerdict
{
    public bool Valid => Violations.Count == 0;

    public required IReadOnlyList<TrajectoryViolation> Violations { get; init; }

    public required IReadOnlyList<string> Assumptions { get; init; }
}
