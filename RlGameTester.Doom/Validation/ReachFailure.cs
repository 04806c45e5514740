using RlGameTester.Doom.Checks;

namespace RlGameTester.Doom.Validation;

/// <summary>Why a line could not be used or shot from where the body was: the rule it breaks, what broke it, in a sentence.</summary>
internal sealed record ReachFailure(string Rule, string Message, ElementKind? ElementKind = null, int? ElementIndex = null)
{
    /// <summary>The claim is off by no more than the sampling allows (see <see cref="TrajectoryViolation.WithinGrid"/>).</summary>
    public bool WithinGrid { get; init; }
}
