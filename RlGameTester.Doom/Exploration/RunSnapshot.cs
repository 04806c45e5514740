namespace RlGameTester.Doom.Exploration;

/// <summary>A finished run as the judges read it: the level as the run left it, the reachable sets, where the body went and ended.</summary>
internal sealed record RunSnapshot(
    LevelModel Model,
    ExplorerOptions Options,
    LevelState State,
    Body Body,
    StepGraph Steps,
    Reachability Reach,
    ExitSpots Exits,
    IReadOnlyList<ExplorerEvent> Events,
    bool[] Trail,
    int StartCell,
    int StartThing,
    bool ExitReached,
    bool Died,
    CancellationToken Cancellation)
{
    public NavGrid Grid => Model.Grid;

    /// <summary>The run ended where the body could reach neither the start nor an exit (its own trip trapped it).</summary>
    public bool EndedStuck => !ExitReached && !Died && Events is [.., { Kind: ExplorerEventKind.StuckCandidate }];
}
