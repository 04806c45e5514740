namespace RlGameTester.Doom.Exploration;

/// <summary>
/// One exploration: plays the level trip by trip from the player 1 start. Each trip goes to the nearest thing worth
/// doing, in this order: items and areas not yet seen, then keys and lines that open or move something, both from where
/// the agent can come back; then one-way trips from which the exit can still be reached; then, when no exit is in reach,
/// assumed boss deaths, one-way trips to keys and switches, then switches a shut move re-armed; the exit comes last.
/// </summary>
internal sealed class ExplorationRun
{
    private const int MaxTrips = 20_000;
    private const int MaxRecalls = 8;
    private const int MaxRounds = 4;

    private readonly ExplorerOptions _options;
    private readonly CancellationToken _cancellationToken;
    private readonly StepChanges _changes = new();
    private readonly TripSearch _search;
    private readonly Walker _walker;
    private readonly LiftTimes _lifts;
    private int _trips;
    private int _exhausted;
    private int _recalls;

    public ExplorationRun(LevelModel model, ExplorerOptions options, CancellationToken cancellationToken)
    {
        Model = model;
        _options = options;
        _cancellationToken = cancellationToken;
        State = new LevelState(model, options.Skill);
        model.Grid.Recompute(State.Heights);
        Steps = new StepGraph(model, State, _changes);
        Bosses = new BossRules(model);
        var traces = new LineTraces(model, State);
        Exits = new ExitSpots(model, State, Bosses, traces);
        Reach = new Reachability(model.Grid, Steps, Exits);
        var visited = new VisitedBlocks(model.Grid);
        Log = new EventLog(model.Grid, Body);
        _lifts = new LiftTimes(model, State, traces, Body);
        _search = new TripSearch(model, State, Body, Steps, Reach, Exits, visited, Bosses, traces, _lifts, options.Seed);
        _walker = new Walker(model, State, Body, Steps, _changes, Bosses, visited, Log, _lifts, options.PositionInterval);
    }

    public LevelModel Model { get; }

    public LevelState State { get; }

    public Body Body { get; } = new();

    public StepGraph Steps { get; }

    public BossRules Bosses { get; }

    public ExitSpots Exits { get; }

    public Reachability Reach { get; }

    public EventLog Log { get; }

    public int StartCell { get; private set; } = -1;

    /// <summary>Cells the body's centre passed through.</summary>
    public bool[] Trail => _walker.Trail;

    public bool ExitReached => _walker.ExitReached;

    public bool SecretExit => _walker.SecretExit;

    public int? ExitTick => _walker.ExitTick;

    public bool Died => _walker.Died;

    /// <summary>Plays the level from the player 1 start.</summary>
    public void Run(int startCell, in Levels.Thing start)
    {
        StartCell = startCell;
        _walker.Begin(startCell, start.Angle, start.X, start.Y);

        // A lift let go on the way to the exit (it was not there in time, and nothing in reach brings it) sends the agent
        // back to its trips: the line that calls it from afar is worth pressing again.
        for (var round = 0; round < MaxRounds && !_walker.Over; round++)
        {
            var letGo = _lifts.LetGo;
            Play();
            Leave();
            if (_lifts.LetGo == letGo)
            {
                break;
            }
        }

        if (!_walker.Over && !CanReachStart())
        {
            Log.Add(Log.At(ExplorerEventKind.StuckCandidate, Body.Cell) with { Detail = "no way back to the start and no exit from here" });
        }
    }

    // The trips, nearest first, until none is left (see the class summary).
    private void Play()
    {
        while (!_walker.Over && _trips++ < MaxTrips)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            Update();
            if (Body.Clock >= _options.TickLimit)
            {
                break;
            }

            // What a switch opened is looked at before the next switch is pressed, as a player does: switches may undo
            // each other (Hacx 2 MAP06's three switches each open one door and shut the other two, through voodoo
            // dolls; pressed in turn, only the last door was ever open to walk through). Past half the tick limit,
            // progress comes first: a player who has looked round for a quarter of an hour goes for what opens the way
            // on (JAMP2 MAP04's agent spent the whole limit looking round a sea 30,000 units wide).
            if (Body.Clock < _options.TickLimit / 2
                    ? TryTrip(TripGoal.Explore, requireReturn: true) || TryTrip(TripGoal.Progress, requireReturn: true)
                    : TryTrip(TripGoal.Progress, requireReturn: true) || TryTrip(TripGoal.Explore, requireReturn: true))
            {
                continue;
            }

            if (!Reach.ExitInReach)
            {
                // A door shut for a while may be the way on: wait for it before giving up; then shoot barrels in the way.
                // Switches a shut move re-armed only now: with the exit in reach, undoing a move is no way on (LevelState.Rearmed);
                // and only after one-way trips to progress, since undoing a move may take away the way to that progress
                // (Hacx 2 MAP13: sinking the raised bridge again took away the drop from it to the blue key's ledge).
                if (_walker.FireBossActions() || TryTrip(TripGoal.Progress, requireReturn: false) || TryTrip(TripGoal.Rearmed, requireReturn: true) ||
                    TryTrip(TripGoal.Rearmed, requireReturn: false) || _walker.AwaitReopening() ||
                    (State.Barrels.FindWanted(Reach) && TryTrip(TripGoal.Barrel, requireReturn: false)) || JumpOffLifts() || RecallLine())
                {
                    continue;
                }

                break;
            }

            // Only one-way trips are left: take those from which the exit can still be reached, then leave.
            if (TryTrip(TripGoal.ProgressOrExploreTowardsExit, requireReturn: false))
            {
                continue;
            }

            break;
        }
    }

    // Exit last; a walk cut short (a teleport on the way, a line set off) is planned again.
    private void Leave()
    {
        for (var attempt = 0; attempt < 64 && !_walker.Over; attempt++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            Update();
            if (!TryTrip(TripGoal.NormalExit, requireReturn: false) && !TryTrip(TripGoal.SecretExit, requireReturn: false) && !_walker.AwaitReopening())
            {
                break;
            }
        }
    }

    /// <summary>Brings the reachable sets up to date: a full search after a lost step or a one-way trip, else growth.</summary>
    private void Update()
    {
        _walker.ReopenDue();
        if (_changes.Stale)
        {
            _changes.Stale = false;
            _changes.Grown.Clear();
            _exhausted = 0;
            Reach.Refresh(Body.Cell);
        }
        else if (_changes.Grown.Count > 0)
        {
            _exhausted = 0;
            Reach.Grow(_changes.Grown);
        }
    }

    // Before the last resort: called lifts count as floor to jump off where they rest (JumpPlanner.OffLifts), once a lift
    // has been called; the searches look again with them.
    private bool JumpOffLifts()
    {
        if (Steps.Jumps.OffLifts || !_lifts.AnyCalled)
        {
            return false;
        }

        Steps.Jumps.AllowOffLifts();
        _changes.Stale = true;
        _exhausted = 0;
        return true;
    }

    // The last resort before giving up: a repeatable line set off again. A lift goes back up after its ride, but the
    // model counts a lift it has seen move as running both ways, so its line was no progress any more, and the way the
    // lift opens was planned as if it came by itself (freedoom1 E4M4: the lift of sector 198, whose SR switch stands in
    // super-damaging nukage, is called again and the yellow key's room is reached). A switch used once counts as done,
    // though a trigger may have undone its move since (freedoom2 MAP28: a W1 line sinks the bridge that an SR switch
    // raised). Bounded: each call is a trip.
    private bool RecallLine()
    {
        if (_recalls >= MaxRecalls)
        {
            return false;
        }

        _search.Recalling = true;
        try
        {
            if (Trip(TripGoal.Progress, requireReturn: false) is not { } trip)
            {
                return false;
            }

            // A walk a teleport cut short goes on to the same line next time.
            _recalls++;
            if (trip.Walk != WalkOutcome.Interrupted)
            {
                _search.RecordRecall(trip.Target);
            }

            return true;
        }
        finally
        {
            _search.Recalling = false;
        }
    }

    private bool TryTrip(TripGoal goal, bool requireReturn) => Trip(goal, requireReturn) is not null;

    // The nearest target meeting the goal, walked to and dealt with; null when there is none.
    private (TripTarget Target, WalkOutcome Walk)? Trip(TripGoal goal, bool requireReturn)
    {
        // Searches that found nothing find nothing again until heights or keys change (targets only get used up).
        var cached = requireReturn && goal is TripGoal.Progress or TripGoal.Explore or TripGoal.Rearmed;
        var bit = 1 << (int)goal;
        if (cached && (_exhausted & bit) != 0)
        {
            return null;
        }

        if (_search.Search(goal, requireReturn) is not { } target)
        {
            if (cached)
            {
                _exhausted |= bit;
            }

            return null;
        }

        var keys = Body.Keys;
        var walk = _walker.WalkTo(target.Cell, _search.PathTo(target.Cell));
        if (walk == WalkOutcome.Arrived && !_walker.Over)
        {
            _walker.Finish(target);
        }

        // A walk cut short by a teleport or a moving sector is planned again; otherwise the target is dealt with.
        if (walk != WalkOutcome.Interrupted)
        {
            switch (target.Kind)
            {
                case TargetKind.Pickup:
                    State.Done[target.Aux] = true;
                    break;
                case TargetKind.Use or TargetKind.Gun when !ExitReached:
                    State.Activated[target.Aux] = true;
                    break;
                case TargetKind.Coverage:
                    _walker.MarkVisited(target.Cell);
                    break;
            }
        }

        // Searches come up empty again only from where they were made: after a teleport or a move under way, try again.
        if (Body.Keys != keys || walk == WalkOutcome.Interrupted)
        {
            _exhausted = 0;
        }

        if (!_changes.Stale && !Reach.InReturn(Body.Cell))
        {
            _changes.Stale = true;
        }

        return (target, walk);
    }

    /// <summary>The finished run, for the judges.</summary>
    public RunSnapshot Snapshot(int startThing, bool exitReached) =>
        new(Model, _options, State, Body, Steps, Reach, Exits, Log.Events, Trail, StartCell, startThing, exitReached, Died, _cancellationToken);

    private bool CanReachStart()
    {
        Reach.Reach(Body.Cell);
        return Reach.InReach(StartCell);
    }
}
