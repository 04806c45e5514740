using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration.Proof;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;
using RlGameTester.Doom.Validation;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// An agent that plays a level from its geometry alone: it walks a player's body by Doom's movement rules from the
/// player 1 start, picks up keys and items, sets off switches, doors, lifts and walk-over lines, teleports, takes floor
/// damage, and goes for the exit last; then reports what players would run into (exits out of reach, softlocks, death
/// zones, stuck spots, unreachable keys, items and secrets) and how much of the level it reached and saw.
/// Monsters are not simulated. See the Doom library's README, section Exploration, for the rules and choices.
/// </summary>
public static class Explorer
{
    // How many more runs a trap may cost: each goes round one more line.
    private const int MaxTrapRetries = 3;

    /// <summary>
    /// Explores a level. Never throws for a level <see cref="LevelReader"/> can read (a level without a player 1 start
    /// gives an <see cref="ExplorerFindingKind.ExitUnreachable"/> finding and no events); the same options (seed
    /// included) give the same result.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ExplorationResult Explore(Level level, LevelGeometry geometry, ExplorerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(options);
        options = options with
        {
            Skill = Math.Clamp(options.Skill, 1, 5),
            PositionInterval = Math.Max(1, options.PositionInterval),
            TickLimit = Math.Max(0, options.TickLimit),
        };
        cancellationToken.ThrowIfCancellationRequested();

        // Play, its validation and its proofs read ZDoom's solid 3D floors as the space a body has in their sectors,
        // chosen by the floors beside them at every height their known movers give them (scripts' unknown moves aside).
        if (ThreeDFloors.Bake(level, geometry, FloorRanges(level, geometry, options.Skill)) is var played && !ReferenceEquals(played, level))
        {
            (level, geometry) = (played, new LevelGeometry(played));
        }

        // ... and ZDoom's polyobjects at their start spots, each a closed sector its specials open (findings name them).
        var polyobjects = Polyobjects.Place(level, geometry);
        if (!ReferenceEquals(polyobjects.Level, level))
        {
            (level, geometry) = (polyobjects.Level, new LevelGeometry(polyobjects.Level));
        }

        var start = -1;
        for (var t = 0; t < level.Things.Length; t++)
        {
            if (level.Things[t].Type == 1)
            {
                // Doom spawns the player at the last player 1 start in the list.
                start = t;
            }
        }

        if (start < 0 || level.Linedefs.Length == 0 || level.Sectors.Length == 0)
        {
            // ZDoom ports start a single player on a deathmatch spot when there is no player 1 start (the ViZDoom
            // scenarios rely on it), as the static check's missing-player1-start says; vanilla cannot start the level.
            var deathmatch = start < 0 && !level.UsesDoomSpecials && level.Things.Any(t => t.Type == 11);
            return NoStart(geometry, start < 0 ? "no player 1 start" : "the level has no lines or sectors", severity: deathmatch ? FindingSeverity.Info : FindingSeverity.Critical);
        }

        var model = new LevelModel(level, geometry, options.Skill);
        cancellationToken.ThrowIfCancellationRequested();

        var run = NewRun(model, options, cancellationToken);
        var thing = level.Things[start];
        var startCell = model.ArrivalCell(thing.X, thing.Y);
        if (startCell < 0)
        {
            // Proven only when even a box half a cell smaller has no room there for walls. Solid things are not
            // proof: their sizes are the mod's to change (DEHACKED, DECORATE), as a total conversion's are.
            var generous = new NavGrid(level, geometry, t => model.ThingPresent[t], shrinkByHalfCell: true, hungBottom: model.HungBottom);
            var cell = generous.CellAt(thing.X, thing.Y);
            var blocked = generous.Blocked[cell];
            return blocked == NavGrid.ThingBlocked
                ? NoStart(geometry, $"the player 1 start overlaps {model.ThingName(generous.BlockingElement[cell]).ToLowerInvariant()}, a solid thing, as Doom sizes it", FindingSeverity.Major, start, thing.X, thing.Y)
                : NoStart(geometry, "the player 1 start is inside a wall or a solid thing", blocked == NavGrid.Free ? FindingSeverity.Major : FindingSeverity.Critical, start, thing.X, thing.Y);
        }

        // A level without an exit (none drawn, no boss whose death ends it) cannot be finished by another run either.
        var first = Attempt(run, options, start, startCell, polyobjects);
        if (first.Result.ExitReached || !run.Exits.AnyExit())
        {
            return first.Result;
        }

        // A run that trapped itself (a lift it misjudged, a way that shut behind it) is played once more from the start
        // with the next seed, which takes ties between targets another way, on a model of its own (a run changes its
        // model's lines). Hacx 2 MAP03's seed 0 ends beside a lift it no longer trusts; seeds 1-3 finish.
        var attempts = 1;
        string? how = null;
        ExplorationResult? finish = null;
        if (first.EndedStuck)
        {
            var next = options with { Seed = unchecked(options.Seed + 1) };
            var again = NewRun(new LevelModel(level, geometry, options.Skill), next, cancellationToken);
            attempts++;
            how = $"a second one (seed {next.Seed}) reached the exit";
            finish = PlayedToExit(again, startCell, next, start, polyobjects);
        }

        // A run trapped by a walk-over line it set off (a door shut behind it, a floor sunk under it, a way raised shut)
        // is played again from the start with the first seed, going round that line, as a player caught once walks round
        // it; up to MaxTrapRetries times, each going round the lines of the traps before it (Batman Doom Reborn MAP20's
        // airlock shuts behind a body that crosses line 2030; gone round, the run gets through). A line that is the only
        // way on leaves the retry short of the exit, and it is dropped unjudged.
        if (finish is null && first.EndedStuck)
        {
            var avoided = new HashSet<int>();
            IReadOnlyList<ExplorerEvent> events = first.Result.Events;
            for (var retry = 0; retry < MaxTrapRetries && TrapLine(events, run.Model) is { } line && avoided.Add(line); retry++)
            {
                var avoiding = new LevelModel(level, geometry, options.Skill) { Avoided = new HashSet<int>(avoided) };
                var again = NewRun(avoiding, options, cancellationToken);
                attempts++;
                if (PlayedToExit(again, startCell, options, start, polyobjects) is { } round)
                {
                    how = $"one that went round line {string.Join(", line ", avoided)} reached the exit";
                    finish = round;
                    break;
                }

                if (!again.Snapshot(start, exitReached: false).EndedStuck)
                {
                    break;
                }

                events = again.Log.Events;
            }
        }

        // A large map is first walked on 16-unit (or coarser) cells, which miss what fits the body only between them: a
        // ladder of 4-unit steps whose top one is 8 deep (Hacx 2 MAP04), a corridor off the 16-unit lines. When the map fits
        // FineMaxCells of 8 units it is played once more on those, from the start with the first seed. Finishes on the
        // coarse grid stay as they were: the fine grid's plans differ and cost four times as much.
        if (finish is null && OnFineGrid(run.Model, options, start, polyobjects, cancellationToken) is { } fine)
        {
            attempts++;
            how = "one on 8-unit cells reached the exit";
            finish = fine;
        }

        if (finish is null)
        {
            // The first play's verdict stands, with the proof it already made.
            return first.Result;
        }

        // A later run that finishes is the result, and the first run's trap is kept among its findings: a player may be
        // caught so.
        var trapped = first.Result.Findings
            .Where(f => f.Kind == ExplorerFindingKind.Softlock && f.Evidence.ContainsKey(SoftlockJudge.StrandedEvidence))
            .Select(f => f with
            {
                Description = $"{f.Description} This was the explorer's first attempt (seed {options.Seed}); {how}.",
                Evidence = new Dictionary<string, string>(f.Evidence) { ["attempt"] = "1" },
            });
        return finish with { Findings = [.. finish.Findings, .. trapped], Attempts = attempts };
    }

    // The line a trapped run set off last, when it is a walk-over line play can go round (not a teleport or an exit);
    // none when it was a switch or a door, whose trap is not a line's to go round. Only that line: another line moving
    // the same door may be the way through (Batman Doom Reborn MAP20's airlock shuts behind a body that crosses line
    // 2030 first, and not when line 2035 shuts it later).
    private static int? TrapLine(IReadOnlyList<ExplorerEvent> events, LevelModel model) =>
        events.LastOrDefault(e => e is { Kind: ExplorerEventKind.LineActivated, Line: not null }) is { Line: { } last } &&
            model.Actions[last] is { Trigger: LineTrigger.Walk, Teleport: false, Exit: false }
            ? last
            : null;

    // The play on 8-unit cells of a map whose first grid was coarser, when it fits FineMaxCells and reaches the exit.
    private static ExplorationResult? OnFineGrid(LevelModel first, ExplorerOptions options, int start, Polyobjects polyobjects, CancellationToken cancellationToken)
    {
        var (level, geometry) = (first.Level, first.Geometry);
        if (first.Grid.CellSize == NavGrid.FineCellSize || NavGrid.CellSizeFor(geometry, NavGrid.FineMaxCells) != NavGrid.FineCellSize)
        {
            return null;
        }

        var model = new LevelModel(level, geometry, options.Skill, NavGrid.FineMaxCells);
        var thing = level.Things[start];
        var startCell = model.ArrivalCell(thing.X, thing.Y);
        if (startCell < 0)
        {
            return null;
        }

        // Its proof would repeat the first play's on finer cells, at four times the cost.
        return PlayedToExit(NewRun(model, options, cancellationToken), startCell, options, start, polyobjects);
    }

    // A later run played from the start: its result when it reaches the exit and the validator upholds it, else null.
    // Only a finish is wanted of it, so a run that does not get there is neither validated nor judged (the first run's
    // verdict, with its proof, stands).
    private static ExplorationResult? PlayedToExit(ExplorationRun run, int startCell, ExplorerOptions options, int start, Polyobjects polyobjects)
    {
        run.Run(startCell, run.Model.Level.Things[start]);
        return run.ExitReached && Judged(run, options, start, polyobjects).Result is { ExitReached: true } finish ? finish : null;
    }

    // A run records a position every tic for the validator; the result keeps those the options ask for (Published).
    private static ExplorationRun NewRun(LevelModel model, ExplorerOptions options, CancellationToken cancellationToken) =>
        new(model, options with { PositionInterval = 1 }, cancellationToken);

    // One run from the player 1 start, its validation and the judges' findings; whether it ended where it could reach
    // neither the start nor an exit.
    private static (ExplorationResult Result, bool EndedStuck) Attempt(ExplorationRun run, ExplorerOptions options, int start, int startCell, Polyobjects polyobjects)
    {
        run.Run(startCell, run.Model.Level.Things[start]);
        return Judged(run, options, start, polyobjects);
    }

    // A played run validated and judged.
    private static (ExplorationResult Result, bool EndedStuck) Judged(ExplorationRun run, ExplorerOptions options, int start, Polyobjects polyobjects)
    {
        var (level, geometry) = (run.Model.Level, run.Model.Geometry);

        // A claim of success must hold up against a model that shares nothing with the search and walk that made it.
        var verdict = TrajectoryValidator.Validate(level, geometry, run.Log.Events, options.Skill);
        var names = polyobjects.Count > 0 ? new PolyobjectNames(polyobjects) : null;
        verdict = names?.Of(verdict) ?? verdict;
        var refutation = run.ExitReached && verdict.Refutations is [var first, ..] ? first : null;
        var exitReached = run.ExitReached && refutation is null;
        var snapshot = run.Snapshot(start, exitReached);
        var findings = RunJudge.Judge(snapshot);
        if (refutation is not null)
        {
            findings.Add(Refuted(refutation));
        }

        if (names is not null)
        {
            findings = findings.ConvertAll(names.Of);
        }

        var (total, reachable, visited) = new CoverageMeter(snapshot).Measure();
        var result = new ExplorationResult
        {
            Events = Published(run.Log.Events, options.PositionInterval, exitReached),
            Findings = findings,
            ExitReached = exitReached,
            SecretExit = exitReached && run.SecretExit,
            ExitTick = exitReached ? run.ExitTick : null,
            EndTick = run.Body.LastTick,
            Died = run.Died,
            FinalHealth = run.Body.Health,
            ExitAssumptions = exitReached ? ExitAssumptions(run.Log.Events, run.Model.StartGates) : [],
            Validation = verdict,
            TotalArea = total,
            ReachableArea = reachable,
            VisitedArea = visited,
        };
        return (result, snapshot.EndedStuck);
    }

    // The lowest and highest floor each sector's known movers give it, read when a 3D floor's space is chosen (once).
    private static Func<int, (int Low, int High)> FloorRanges(Level level, LevelGeometry geometry, int skill)
    {
        var ranges = new Lazy<SectorRanges>(() => new SectorRanges(
            level,
            geometry,
            [.. new LevelMechanics(level, geometry, LevelModel.SkillFlagOf(skill)).Movers.Where(m => m.Move is not null)]));
        return sector => (ranges.Value.FloorMin[sector], ranges.Value.FloorMax[sector]);
    }

    // Positions at the interval asked for; an exit the validator refuted is not reported as reached.
    private static List<ExplorerEvent> Published(IReadOnlyList<ExplorerEvent> events, int interval, bool exitReached) =>
        events.Where(e => (e.Kind != ExplorerEventKind.Position || e.Tick % interval == 0) && (exitReached || e.Kind != ExplorerEventKind.ExitReached)).ToList();

    // What the finish rests on that the explorer assumed rather than played: boss deaths (in view, crushed, or their
    // sector actions), keys a mod's monsters drop, gates the level's start scripts open once a condition holds.
    private static List<string> ExitAssumptions(IReadOnlyList<ExplorerEvent> events, IReadOnlyList<StartScriptGate> gates) =>
        [.. events.Where(e => e.Kind is ExplorerEventKind.ExitReached or ExplorerEventKind.LineActivated or ExplorerEventKind.KeyPickup && e.Detail?.StartsWith("assumed", StringComparison.Ordinal) == true)
            .Select(e => e.Detail!).Concat(gates.Where(g => g.Waits).Select(g => g.Assumption)).Distinct()];

    private static ExplorerFinding Refuted(TrajectoryViolation violation) => new(
        ExplorerFindingKind.PathRefuted,
        $"The explorer's way to the exit does not hold up: {violation.Rule} at tic {violation.Tick}",
        $"The explorer reached the exit, but the trajectory validator, which replays its path against Doom's rules with a model of its own, refutes it at tic {violation.Tick}: {violation.Message}. The exit is not counted as reached; the finding about the exit says what is proven.",
        violation.X,
        violation.Y)
    {
        Severity = FindingSeverity.Info,
        ElementKind = violation.ElementKind,
        ElementIndex = violation.ElementIndex,
        Tick = violation.Tick,
        Evidence = new Dictionary<string, string> { ["rule"] = violation.Rule, ["tick"] = FindingText.N(violation.Tick) },
    };

    private static ExplorationResult NoStart(LevelGeometry geometry, string reason, FindingSeverity severity, int? thing = null, double? x = null, double? y = null) => new()
    {
        Events = [],
        Findings =
        [
            new ExplorerFinding(
                ExplorerFindingKind.ExitUnreachable,
                $"Exit unreachable: {reason}",
                $"The explorer cannot play this level: {reason}.",
                x ?? geometry.Bounds.CenterX,
                y ?? geometry.Bounds.CenterY)
            {
                Severity = severity,
                ElementKind = thing is null ? ElementKind.Level : ElementKind.Thing,
                ElementIndex = thing,
                Evidence = new Dictionary<string, string> { ["reason"] = reason },
            },
        ],
    };
}
