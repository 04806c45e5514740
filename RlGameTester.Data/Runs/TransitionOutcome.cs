namespace RlGameTester.Data.Runs;

/// <summary>The result of a lifecycle move.</summary>
/// <param name="Applied">True when the run moved.</param>
/// <param name="Status">The run's state now; null when there is no such run.</param>
public sealed record TransitionOutcome(bool Applied, RunStatus? Status);
