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
    public string? ElementKind { get; init; }

    /// <summary>The element's index in its lump.</summary>
    public int? ElementIndex { get; init; }
}
