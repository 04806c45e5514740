using System.Globalization;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Walks the body along planned paths tic by tic and does what happens on the way: pickups, lines set off, teleports,
/// floor damage, exits, death; every happening goes into the <see cref="EventLog"/>.
/// </summary>
internal sealed class Walker
{
    /// <summary>Running speed, map units per tic (Doom's run is about 16.7 at full speed).</summary>
    public const double Speed = 16;

    public const int TeleportFreezeTics = 18;
    public const int LiftRideTics = 70;

    // The longest a jump waits for the feet to land: a fall of 1,000 units takes 45 tics.
    private const int MaxFallWait = 64;

    // Lines the voodoo dolls may set off in one go: repeatable lines on a belt that loops would go on for ever.
    private const int MaxDollActions = 256;

    private readonly LevelModel _model;
    private readonly NavGrid _grid;
    private readonly LevelState _state;
    private readonly Body _body;
    private readonly StepGraph _steps;
    private readonly StepChanges _changes;
    private readonly SectorMover _mover;
    private readonly BossRules _bosses;
    private readonly VisitedBlocks _visited;
    private readonly EventLog _log;
    private readonly int _positionInterval;
    private readonly CarriedMomentum _carried;
    private readonly VoodooDolls _dolls;
    private readonly LiftTimes _lifts;
    private readonly MovingPlanes _moving;
    private readonly List<int> _stranded = [];
    private readonly Queue<int> _queue = new();
    private readonly List<(double Due, int Sector, int Ceiling)> _reopenings = [];
    private bool _interrupted;

    // A running jump is under way: no friction and no conveyor push in the air.
    private bool _airborne;

    // The tic of the last jump pressed (LedgeJumps): the next waits for GZDoom's interval.
    private int _jumpedAt = -LedgeJumps.JumpInterval;

    // After a running jump, the tic until which the walk keeps the flight's speed in its direction (CoastAfter).
    private int _coastUntil = -1;
    private int _coastDirection = -1;
    private double _coastSpeed;

    // Where the feet are while the walk runs on: a jump waits for them to be on the ground.
    private readonly Feet _feet = new();

    // The dolls are being carried: what they set off moves sectors, which must not start carrying them again.
    private bool _carryingDolls;

    public Walker(LevelModel model, LevelState state, Body body, StepGraph steps, StepChanges changes, BossRules bosses, VisitedBlocks visited, EventLog log, LiftTimes lifts, int positionInterval)
    {
        _lifts = lifts;
        _model = model;
        _grid = model.Grid;
        _state = state;
        _body = body;
        _steps = steps;
        _changes = changes;
        _mover = new SectorMover(model, state, steps);
        _moving = new MovingPlanes(model.Grid, state.Heights);
        _carried = new CarriedMomentum(model.Carrying, _grid, state.Heights);
        _dolls = new VoodooDolls(model, state);
        _bosses = bosses;
        _visited = visited;
        _log = log;
        _positionInterval = positionInterval;
        Trail = new bool[_grid.Count];
    }

    /// <summary>Cells the body's centre passed through.</summary>
    public bool[] Trail { get; }

    public bool ExitReached { get; private set; }

    public bool SecretExit { get; private set; }

    public int? ExitTick { get; private set; }

    public bool Died { get; private set; }

    /// <summary>The run is over: the level was finished or the body died.</summary>
    public bool Over => ExitReached || Died;

    /// <summary>Puts the body at the start: its events of tic 0 and what it touches there.</summary>
    public void Begin(int startCell, int startAngle, double x, double y)
    {
        _body.Cell = startCell;
        _body.Angle = startAngle;
        _body.OffGrid = OffCentre(startCell, x, y);
        _feet.Land(_body.LastTick, FloorUnderBody());
        Trail[startCell] = true;
        _visited.Mark(startCell);
        if (_body.LastTick % _positionInterval == 0)
        {
            _log.Add(_log.At(ExplorerEventKind.Position, startCell, x, y));
        }

        PickUp(startCell);
        CarryDolls();
    }

    /// <summary>Marks the 64-unit blocks around a cell as seen.</summary>
    public void MarkVisited(int c) => _visited.Mark(c);

    /// <summary>Walks a path from the body's cell to <paramref name="goal"/>.</summary>
    public WalkOutcome WalkTo(int goal, List<(int Cell, int Direction)> path)
    {
        _interrupted = false;
        foreach (var (next, direction) in path)
        {
            // A path's step that neither walks nor teleports there is a jump up onto a ledge or a running jump.
            var moved = next == _steps.Step(_body.Cell, direction, allowExit: false) ? StepOnce(direction)
                : _steps.Climbs.Climb(_body.Cell, direction, out var climbTics) == next ? ClimbOnce(direction, next, climbTics)
                : JumpOnce(direction, next);
            if (_body.Cell == goal)
            {
                return WalkOutcome.Arrived;
            }

            if (!moved || _body.Cell != next)
            {
                return _interrupted || Over ? WalkOutcome.Interrupted : WalkOutcome.Blocked;
            }
        }

        return _body.Cell == goal ? WalkOutcome.Arrived : WalkOutcome.Blocked;
    }

    /// <summary>Does what the target is for, once the body is there.</summary>
    public void Finish(TripTarget target)
    {
        switch (target.Kind)
        {
            case TargetKind.Use or TargetKind.Gun:
                var action = _model.Actions[target.Aux]!;
                WaitForLifts(action);
                Wait(1);
                if (!Over)
                {
                    Activate(action);
                }

                break;
            case TargetKind.Cross:
                // A repeatable line already set off is a target only when it is worth setting off again (the last
                // resort): this crossing sets it off, as Doom's would.
                foreach (var (line, _) in _model.Crossings(target.Cell, target.Aux) ?? [])
                {
                    if (_model.Actions[line]!.Repeatable)
                    {
                        _state.Activated[line] = false;
                    }
                }

                StepOnce(target.Aux, allowExit: true);
                break;
            case TargetKind.ExitSector:
                // Stand in the exit sector until its damage brings health to 10 or less.
                for (var guard = 0; guard < 200 && !Over; guard++)
                {
                    Wait(32 - (_body.LastTick % 32));
                }

                break;
            case TargetKind.Boss:
                // The shot is judged from the cell's centre: the body stands there at a whole tic before it fires.
                OnATic();
                if (Over)
                {
                    break;
                }

                var bosses = string.Join(" or ", _bosses.ExitTypes.Select(t => ThingNames.Of(_model.Level, t)));
                var how = (BossShot)target.Aux switch
                {
                    BossShot.InSight => "in sight of",
                    BossShot.RocketBlast => "within a rocket's reach (fired level, from the floor's height there or one it rides through) of",
                    _ => "within 1024 units, past no one-sided wall (doors and ledges between not looked at), of",
                };
                EndLevel(null, secret: false, $"assumed boss death: the agent reached a spot {how} the {bosses}, whose death ends the level");
                break;
            case TargetKind.Barrel:
                ShootBarrel(target.Aux);
                break;
        }
    }

    /// <summary>Opens again the doors whose time shut is up and puts spent lifts back at rest. True when one moved.</summary>
    public bool ReopenDue()
    {
        var moved = _lifts.SettleSpent(_body.Clock, _mover);
        if (moved)
        {
            StepOffIfNoRoom();
        }

        for (var i = _reopenings.Count - 1; i >= 0; i--)
        {
            var (due, sector, ceiling) = _reopenings[i];
            if (due <= _body.Clock)
            {
                _reopenings.RemoveAt(i);
                moved |= _mover.Reopen(sector, ceiling) >= 0;
            }
        }

        if (moved)
        {
            CarryDolls();
        }

        return moved;
    }

    /// <summary>Waits where the body stands until the next door shut for a while opens again. False when none is shut.</summary>
    public bool AwaitReopening()
    {
        if (_reopenings.Count == 0 || Over)
        {
            return false;
        }

        WaitUntil(_reopenings.Min(r => r.Due));
        ReopenDue();
        return !Over;
    }

    /// <summary>Assumes the boss deaths whose sector moves are pending have happened. False when there are none.</summary>
    public bool FireBossActions()
    {
        if (_bosses.Pending.Count == 0 && _bosses.PendingThings.Count == 0)
        {
            return false;
        }

        foreach (var (tag, effect, monster) in _bosses.Pending)
        {
            var move = effect switch
            {
                BossEffect.LowerFloor => new SectorMove(false, MoveTarget.LowestNeighbourFloor, MoveKind.Permanent),
                BossEffect.RaiseFloor => new SectorMove(false, MoveTarget.ShortestLowerTexture, MoveKind.Permanent),
                _ => new SectorMove(true, MoveTarget.DoorOpen, MoveKind.Permanent, Speed: 8),
            };
            ApplyMoves(move, _model.SectorsByTag.GetValueOrDefault(tag) ?? [], null);
            var name = ThingNames.Of(_model.Level, monster);
            _log.Add(_log.At(ExplorerEventKind.LineActivated, _body.Cell) with
            {
                Detail = $"assumed boss death: every {name} dies, sectors tagged {tag} {BossRules.EffectText(effect)}",
            });
        }

        foreach (var (t, special, args, script) in _bosses.PendingThings)
        {
            // A monster that runs its special as it dies: its death is assumed as a boss's is.
            var type = _model.Level.Things[t].Type;
            ApplyThingSpecial(special, args);
            var what = $"{(script is { } n ? $"script {n}'s " : "")}{LinedefSpecials.FindHexen(special)?.Name ?? $"special {special}"}";
            _log.Add(_log.At(ExplorerEventKind.LineActivated, _body.Cell) with
            {
                Thing = t,
                Detail = $"assumed death of {ThingNames.Of(_model.Level, type).ToLowerInvariant()} (thing {t}): its {what} moves sectors tagged {args.Arg0}" +
                    (script is null ? "" : " (the script's conditions assumed met once every thing that runs it is dead)"),
            });
        }

        _bosses.ClearPending();
        return true;
    }

    /// <summary>One step of the body from its cell in a direction; false when the walk must stop (state changed, teleport, exit, death).</summary>
    private bool StepOnce(int direction, bool allowExit = false)
    {
        var from = _body.Cell;
        var to = from + _grid.Offsets[direction];

        // The wait for a lift a crossed line would find on its way comes before the step's own lift timing: planned
        // first, the timing goes stale in the wait (PSX Doom CE's MAP08 stepped onto a lift's edge in the configuration
        // planned before a 150-tic wait, after the lift had come back up). A repeatable line that calls the lift under
        // the step is not waited for: the step is timed on that lift's cycle, and crossing while it is on its way does
        // nothing in Doom and can be done again.
        var crossed = _model.Crossings(from, direction);
        if (crossed is not null)
        {
            foreach (var (line, frontToBack) in crossed)
            {
                var action = _model.Actions[line]!;
                if (action.Exit && !allowExit && action.CrossedToSetOff(frontToBack))
                {
                    return false;
                }

                if (SetsOff(action) && !(action is { Repeatable: true, Move.IsTimedLift: true } && (Touches(from, action.Sectors) || Touches(to, action.Sectors))))
                {
                    WaitForLifts(action);
                }
            }
        }

        AwaitPlanes(from, to);
        if (!TimeLifts(from, to))
        {
            return false;
        }

        if (!Walk(from, to, direction))
        {
            // A floor carries the body the other way faster than it runs.
            return false;
        }

        if (Over)
        {
            return false;
        }

        Arrive(to);
        var keepGoing = true;
        if (crossed is not null)
        {
            OnATic();
            foreach (var (line, frontToBack) in crossed)
            {
                var action = _model.Actions[line]!;
                if (action.Teleport)
                {
                    if (frontToBack && action.TeleportThing >= 0 && (action.Repeatable || !_state.Activated[line]))
                    {
                        Teleport(action);
                        return false;
                    }

                    continue;
                }

                if (action.CrossedToSetOff(frontToBack) && SetsOff(action) && Activate(action))
                {
                    keepGoing = false;
                }
            }
        }

        PickUp(_body.Cell);
        return keepGoing && !Over;
    }

    // Waits until the planes on their way that the step enters or leaves are there (MovingPlanes).
    private void AwaitPlanes(int from, int to) => WaitUntil(_moving.ReadyBefore(from, to));

    // The same for every cell a jump passes over, a cell at a time in its direction (a door it flies through).
    private void AwaitPlanes(int from, int landing, int direction)
    {
        var ready = 0.0;
        for (var c = from; c != landing; c += _grid.Offsets[direction])
        {
            ready = Math.Max(ready, _moving.ReadyBefore(c, c + _grid.Offsets[direction]));
        }

        WaitUntil(ready);
    }

    // Waits until no sector the line moves is a lift on its way (LiftTimes.FreeAt), unless on a damaging floor.
    private void WaitForLifts(LineAction action)
    {
        if (!_state.IsDamaging(_grid.CenterSector[_body.Cell]))
        {
            WaitUntil(_lifts.FreeAt(action, _body.Clock));
        }
    }

    // A walk-over line is set off the first time; a repeatable one again whenever it would start a lift at rest (Doom
    // sets it off at every crossing; the explorer's other moves are already where a second crossing would leave them).
    private bool SetsOff(LineAction action) =>
        !_state.Activated[action.Line] || (action.Repeatable && _lifts.WouldCall(action, _body.Clock));

    /// <summary>
    /// Brings the lifts under a step where it needs them (LiftTimes): waits for them, or calls one back from where the
    /// body stands. False when the step cannot be taken; a called lift that cannot come in time is let go at rest, and
    /// the walk is planned again with it there.
    /// </summary>
    private bool TimeLifts(int from, int to)
    {
        if (_lifts.Plan(from, to, _body.LiftConfig, _body.Clock, _body, _stranded) is not { } step)
        {
            foreach (var sector in _stranded)
            {
                _lifts.Settle(sector, _mover);
                _interrupted = true;
            }

            // A lift that comes back up under a body with no room above stops on it in Doom and goes down again; the
            // body steps off its edge instead (freedoom2 MAP04's crawlspace under two lifts).
            if (_interrupted)
            {
                StepOffIfNoRoom();
            }

            return false;
        }

        if (step.Call is { } call)
        {
            WaitUntil(step.Press);
            Wait(1);
            Activate(call);
            if (Over)
            {
                return false;
            }
        }

        WaitUntil(step.Due);
        if (step.Config != _body.LiftConfig)
        {
            _body.LiftConfig = step.Config;
            _body.LiftDownAt = double.NaN;
        }

        return !Over;
    }

    /// <summary>A running jump along a planned path: lines crossed in the air are set off; the body lands on the far ledge.</summary>
    private bool JumpOnce(int direction, int landing)
    {
        var from = _body.Cell;
        if (_steps.Jumps.Jump(from, direction, out var tics) != landing && _steps.Jumps.Chained(from, direction, out tics) != landing)
        {
            return false;
        }

        if (!AwaitRest(from, landing, direction))
        {
            return false;
        }

        AwaitPlanes(from, landing, direction);

        // The flight starts at a whole tic. Doom's body keeps in the air the move of the tic it left the ground in: a
        // flight begun within a tic would blend the run's speed into its first airborne tic (the validator's air-control
        // rule refused such runs over pits). And Doom checks heights only where a tic's move ends: a ledge reached and
        // left within one tic was never stood on (freedoom2 MAP28: up onto a corner of sector 75 and off it southwards in
        // the same tic, which the trajectory validator saw as a 32-unit climb from the floor below).
        var takeOff = FloorUnderBody();
        TurnTo(direction);
        OnATic();
        _airborne = true;
        var keepGoing = Fly(from, landing, direction, tics);
        _airborne = false;
        var landed = Landed(from, landing, direction, linesSetOff: true) && keepGoing;
        CoastAfter(takeOff - FloorUnderBody(), tics, direction, _grid.Distance(from, landing) / tics);
        return landed;
    }

    // The plan's landing is where its cell-by-cell reckoning has the feet down, which may be a tic or two before Doom's
    // body, tic by tic, is down (it starts to fall only once its box is off the take-off floor). Until then it has no
    // thrust: the walk goes on at the flight's speed while it keeps the flight's direction, for as long as a fall from the
    // take-off to the landing floor could last beyond the flight, and a tic more.
    private void CoastAfter(int drop, double flightTics, int direction, double speed)
    {
        var air = 1;
        while (JumpPlanner.FallAfter(air) < drop)
        {
            air++;
        }

        _coastDirection = direction;
        _coastSpeed = speed;
        _coastUntil = _body.LastTick + Math.Max(0, air + 1 - (int)Math.Floor(flightTics));
    }

    // A jump over called lifts is planned with them at rest (JumpPlanner): the body waits for that, riding the one it
    // stands on, which then holds it at the height it rests at.
    private bool AwaitRest(int from, int landing, int direction)
    {
        var rest = _body.Clock;
        for (var c = from; ; c += _grid.Offsets[direction])
        {
            rest = _lifts.RestFrom(c, rest);
            if (c == landing)
            {
                break;
            }
        }

        WaitUntil(rest);
        if (Over)
        {
            return false;
        }

        StandAtRest(from);
        return true;
    }

    // On a cell over called lifts back at rest, the body is at the end they rest at.
    private void StandAtRest(int cell)
    {
        if (_grid.Floor0[cell] != _grid.Floor1[cell] && _grid.FloorAtRest(cell, _state.Heights) is { } height)
        {
            _body.LiftConfig = height == _grid.Floor1[cell] ? 1 : 0;
            _body.LiftDownAt = double.NaN;
        }
    }

    /// <summary>
    /// A jump up onto a ledge along a planned path (<see cref="LedgeJumps"/>): pressed at a whole tic, and no sooner after
    /// the last than GZDoom allows; the body runs a cell a tic from the take-off onto the ledge.
    /// </summary>
    private bool ClimbOnce(int direction, int landing, int tics)
    {
        var from = _body.Cell;
        AwaitPlanes(from, landing, direction);
        TurnTo(direction);
        ToCellCentre(from);
        OnATic();
        Wait(_jumpedAt + LedgeJumps.JumpInterval - (_body.LastTick + 1));

        // The feet on the ground at the tic before the jump's and the one before that: a step down the walk ran off
        // may leave the body falling for a few tics, and the walk's floor at a tic is its cell's, which may be a tic off.
        for (var wait = 0; wait < MaxFallWait && !_feet.GroundedSince(_body.LastTick - 1) && !Over; wait++)
        {
            Wait(1);
        }

        if (Over)
        {
            return false;
        }

        _jumpedAt = _body.LastTick + 1;
        _log.Add(_log.At(ExplorerEventKind.Jump, from) with { Tick = _jumpedAt });
        _airborne = true;

        // A cell a tic, over the take-off floor until the last tic's move onto the ledge: the positions' floor is the one
        // under the body (a frame drawn from the ledge's height there would look through a low ceiling).
        var beforeLedge = landing - _grid.Offsets[direction];
        Advance(from, beforeLedge, tics - 1);
        Advance(beforeLedge, landing, 1);
        _airborne = false;
        return Landed(from, landing, direction);
    }

    // A running jump's flight, from the take-off to the landing: a line crossed in the air is set off in the first whole
    // tic the centre is past it, as Doom does (the validator holds a crossing to its tic: PSX Doom CE MAP39's jump over its
    // slime set off the lift line on the far side at the landing, four tics late, and was refused). The flight is one
    // straight move; it is only paused at those tics.
    private bool Fly(int from, int landing, int direction, double tics)
    {
        var cells = 0;
        for (var c = from; c != landing; c += _grid.Offsets[direction])
        {
            cells++;
        }

        var start = _body.Clock;
        var done = 0.0;
        var keepGoing = true;
        var k = 0;
        for (var c = from; c != landing && !Over; c += _grid.Offsets[direction], k++)
        {
            if (_model.Crossings(c, direction) is null)
            {
                continue;
            }

            var past = Math.Min(1, (Math.Ceiling(start + ((k + 1) * tics / cells)) - start) / tics);
            if (past > done)
            {
                Advance(from, landing, (past - done) * tics, done, past);
                done = past;
            }

            keepGoing &= SetOffCrossed(c, direction);
        }

        if (done < 1 && !Over)
        {
            Advance(from, landing, (1 - done) * tics, done, 1);
        }

        return keepGoing && !Over;
    }

    // Walk-over lines crossed by the step from the cell in the direction; false when one changed the level.
    private bool SetOffCrossed(int c, int direction)
    {
        var keepGoing = true;
        foreach (var (line, frontToBack) in _model.Crossings(c, direction) ?? [])
        {
            var action = _model.Actions[line]!;
            if (action.CrossedToSetOff(frontToBack) && SetsOff(action) && Activate(action))
            {
                keepGoing = false;
            }
        }

        return keepGoing;
    }

    // The end of a jump: lines crossed in the air are set off (unless the flight did), and what the body lands on is picked up.
    private bool Landed(int from, int landing, int direction, bool linesSetOff = false)
    {
        if (Over)
        {
            return false;
        }

        Arrive(landing);
        StandAtRest(landing);
        _feet.Land(_body.LastTick, FloorUnderBody());
        var keepGoing = true;
        for (var c = from; c != landing; c += _grid.Offsets[direction])
        {
            Trail[c] = true;
            keepGoing &= linesSetOff || SetOffCrossed(c, direction);
        }

        PickUp(_body.Cell);
        return keepGoing && !Over;
    }

    // One step to the next cell, in its direction, or round a corner (NavGrid.RoundBy); false when a floor carries the body
    // the other way faster than it runs.
    private bool Walk(int from, int to, int direction)
    {
        var first = _grid.RoundBy(from, direction, _body.LiftConfig);
        if (first < 0)
        {
            return Leg(from, to, direction, (direction & 1) == 0 ? _grid.CellSize : _grid.CellSize * Math.Sqrt(2));
        }

        var side = from + _grid.Offsets[first];
        if (!Leg(from, side, first, _grid.CellSize))
        {
            return false;
        }

        Arrive(side);
        // The other straight step of the diagonal: as far round from it on the other side.
        return Leg(side, to, ((2 * direction) - first + 8) % 8, _grid.CellSize);
    }

    private bool Leg(int from, int to, int direction, double length)
    {
        TurnTo(direction);
        var radians = direction * Math.PI / 4;
        var speed = _body.LastTick < _coastUntil && direction == _coastDirection ? _coastSpeed
            : _carried.StepSpeed(from, to, Math.Cos(radians), Math.Sin(radians));
        if (speed <= 0)
        {
            return false;
        }

        // Up a stair of thin steps, one step a tic at most (NavGrid.UpdateCreeps); towards a thing hung from the ceiling
        // slowly, so that a body come off a higher step has landed before it passes beneath (LevelModel.NearHung).
        if (_grid.IsCreep(from, to, _body.LiftConfig) || _model.NearHung[to])
        {
            speed = Math.Min(speed, NavGrid.CreepSpeed);
        }

        Advance(from, to, length / speed);
        return true;
    }

    // Doom's spot for the body, when it is not the cell's centre: the grid's cells are 8 units apart (16 or more on huge
    // maps), and a start or destination off them would read as a jump of up to half a cell's diagonal.
    private (int Cell, double X, double Y)? OffCentre(int c, double x, double y) =>
        Math.Abs(_grid.X(c) - x) < 1e-9 && Math.Abs(_grid.Y(c) - y) < 1e-9 ? null : (c, x, y);

    private void Arrive(int c)
    {
        _body.Cell = c;
        Trail[c] = true;
        _visited.Mark(c);
    }

    private void Teleport(LineAction action)
    {
        _state.Activated[action.Line] = true;
        var destination = _model.Level.Things[action.TeleportThing];
        _log.Add(_log.At(ExplorerEventKind.Teleport, _body.Cell) with
        {
            Line = action.Line,
            ToX = destination.X,
            ToY = destination.Y,
            Detail = action.Name,
        });
        Arrive(action.TeleportCell);
        _feet.Land(_body.LastTick, FloorUnderBody());
        _body.OffGrid = OffCentre(action.TeleportCell, destination.X, destination.Y);
        _carried.Stop();
        _body.Angle = destination.Angle;
        Wait(TeleportFreezeTics);
        PickUp(_body.Cell);

        // A one-shot teleport line is spent: its step now crosses the line instead of leading to the arrival, so the
        // sets are searched again. A repeatable one changes no step, and where the body arrived is held against the
        // return set after the walk, as the end of any walk is (MAP27 searched its 220,000 cells again 38 times).
        if (!action.Repeatable)
        {
            _changes.Stale = true;
        }

        _interrupted = true;
    }

    /// <summary>
    /// Sets a line off (by the body, or by the voodoo doll <paramref name="doll"/> a conveyor carried across it): exits
    /// end the level, moves change sector heights. True when something changed.
    /// </summary>
    private bool Activate(LineAction action, int doll = -1)
    {
        // Once the level has ended nothing more is set off: MAP16's step over two crusher lines ended it twice.
        if (Over || (action.Keys is { } needed && !needed.IsSatisfiedBy(_body.Keys)))
        {
            return false;
        }

        _state.Activated[action.Line] = true;

        // One-shot lines lose their special, manual doors too (EV_VerticalDoor clears it for D1 doors, Boom's
        // PushOnce generalised doors likewise): a use passes them as plain lines afterwards.
        if (!action.Repeatable)
        {
            _state.Spend(action.Line);
        }

        _log.Add(_log.At(ExplorerEventKind.LineActivated, _body.Cell) with
        {
            Line = action.Line,
            Thing = doll < 0 ? null : doll,
            Detail = doll >= 0 ? $"assumed voodoo doll: thing {doll}, carried by a conveyor, crosses line {action.Line} ({action.Name})"
                : action.Assumption is { } assumption ? $"{assumption} ({action.Name})"
                : action.Name,
        });
        if (action.Exit)
        {
            EndLevel(action.Line, action.SecretExit, action.Name);
            return true;
        }

        if (action.Crusher)
        {
            CrushBosses(action);
            return ExitReached;
        }

        var unblocked = ChangeLines(action);
        if (action.Move is not { } move || action.Sectors.Length == 0)
        {
            return unblocked;
        }

        var floorBefore = FloorUnderBody();
        var shut = action.ReopenAfter > 0 ? action.Sectors.Select(s => _state.Heights.Ceiling[s]).ToArray() : null;
        var front = _model.FrontSector(action.Line);

        // A lift on its way takes no other move until it is back (its sector still has a thinker).
        var travel = move.IsTimedLift ? _lifts.Call(action, _body.LastTick, sectors => ApplyMoves(move, sectors, front))
            : ApplyMoves(move, action.Sectors.Where(s => !_lifts.Busy(s, _body.LastTick)).ToArray(), front);
        if (move.Kind == MoveKind.Cycle && doll < 0)
        {
            // A lift called again has its whole way down to go, though its heights are known and nothing moves in the model.
            var descent = Math.Max(travel, action.Sectors.Max(s => _state.Heights.FloorHigh[s] - _state.Heights.FloorLow[s]));
            _body.LiftDownAt = _body.Clock + ((double)descent / Math.Max(1, move.Speed));
        }

        if (travel < 0)
        {
            return false;
        }

        // A close-wait-open door is shut at once (as the validator takes it) and opens again once down and waited out.
        for (var i = 0; shut is not null && i < shut.Length; i++)
        {
            var due = _body.Clock + ((double)travel / Math.Max(1, move.Speed)) + action.ReopenAfter;
            _reopenings.RemoveAll(r => r.Sector == action.Sectors[i]);
            _reopenings.Add((due, action.Sectors[i], shut[i]));
        }

        // A floor that rises under the body carries it up at its speed, not at once: the body rides it to the top before
        // it walks on (a step off half-way up would be a climb Doom does not allow).
        var ride = FloorUnderBody() - floorBefore;
        if (ride > NavGrid.MaxStepUp)
        {
            Wait((ride + move.Speed - 1) / Math.Max(1, move.Speed));
        }

        // A player waits at a door or switch for what it moves (not on a damaging floor); walk-over lines are passed at full
        // speed, and so is the switch of a lift away from the body: it is back up after its wait (Batman Doom Reborn's
        // MAP05 calls a lift 1200 units off, which is down 125 tics later and only 105 tics more).
        else if (action.Trigger is LineTrigger.Door or LineTrigger.Switch && !(move.IsTimedLift && !Touches(_body.Cell, action.Sectors)) &&
                 !_state.IsDamaging(_grid.CenterSector[_body.Cell]))
        {
            Wait(Math.Min(travel / Math.Max(1, move.Speed), 140));
        }

        return true;
    }

    // Line_SetBlocking: the lines it names are walled or opened at once; whether any cell changed.
    private bool ChangeLines(LineAction action)
    {
        var cells = new List<int>();
        foreach (var change in action.Blocking)
        {
            foreach (var line in _model.LinesWithId(change.LineId))
            {
                cells.AddRange(_grid.ChangeLine(line, change, t => _model.ThingPresent[t]));
            }
        }

        if (cells.Count == 0)
        {
            return false;
        }

        _steps.CellsFreed(cells);
        _changes.Stale = true;
        return true;
    }

    // Dolls on conveyors move on once the heights change, and set off what they cross at once.
    private void CarryDolls()
    {
        if (_carryingDolls)
        {
            return;
        }

        _carryingDolls = true;
        for (var n = 0; n < MaxDollActions && !Over && _dolls.Next() is { } next; n++)
        {
            Activate(next.Action, next.Thing);
        }

        _carryingDolls = false;
    }

    /// <summary>
    /// Tics until a lift is where the body needs it at <paramref name="clock"/>: one the body just called is down after
    /// its travel and stays down 105 tics; any other takes <see cref="LiftRideTics"/> (it may be anywhere in its cycle).
    /// </summary>
    public static double LiftWait(Body body, double clock, bool down) =>
        down && !double.IsNaN(body.LiftDownAt) && clock <= body.LiftDownAt + SectorMove.LiftWait
            ? Math.Max(0, body.LiftDownAt - clock)
            : LiftRideTics;

    private bool Touches(int cell, int[] sectors)
    {
        foreach (var sector in _grid.SectorsTouched(cell))
        {
            if (Array.IndexOf(sectors, sector) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private int FloorUnderBody() => _body.LiftConfig == 0 ? _grid.Floor0[_body.Cell] : _grid.Floor1[_body.Cell];

    private int ApplyMoves(SectorMove move, IReadOnlyList<int> sectors, int? frontSector)
    {
        _moving.Before(move, sectors);
        var travel = _mover.Apply(move, sectors, frontSector);
        _moving.After(move, _body.Clock);
        if (travel >= 0)
        {
            _interrupted = true;
            StepOffIfNoRoom();

            CarryDolls();
        }

        return travel;
    }

    // A thing's own special (ThingSpecials: run as it dies or is picked up) on the sectors of its tag.
    private void ApplyThingSpecial(int special, Levels.SpecialArgs args) =>
        ApplyMoves(SectorMoves.FindHexen(special, args)!, _model.SectorsByTag.GetValueOrDefault(args.Arg0) ?? [], null);

    // Planes move at 1 to 8 units a tic, not at once: a body on a floor that starts rising to the ceiling (or under a
    // ceiling coming down) walks off it while it moves. The agent goes to the nearest spot that still has room, when the
    // body has none where it stands.
    private void StepOffIfNoRoom()
    {
        if (_grid.Fits(_body.Cell))
        {
            return;
        }

        var from = _body.Cell;
        var seen = new HashSet<int> { from };
        _queue.Clear();
        _queue.Enqueue(from);
        var limit = (int)(512 / _grid.CellSize);
        while (_queue.Count > 0)
        {
            var c = _queue.Dequeue();
            if (_grid.Fits(c))
            {
                Advance(from, c, _grid.Distance(from, c) / Speed);
                _body.Cell = c;
                Trail[c] = true;
                return;
            }

            for (var d = 0; d < 8; d++)
            {
                var n = c + _grid.Offsets[d];
                if (_grid.Blocked[n] == NavGrid.Free && Math.Abs((n % _grid.Columns) - (from % _grid.Columns)) <= limit &&
                    Math.Abs((n / _grid.Columns) - (from / _grid.Columns)) <= limit && seen.Add(n))
                {
                    _queue.Enqueue(n);
                }
            }
        }
    }

    // Bosses whose death ends the level die when crushed (freedoom's MAP16 crushes its Icons of Sin): once every one of
    // a kind stands in a sector a crusher was started in, the level ends.
    private void CrushBosses(LineAction action)
    {
        foreach (var sector in action.Sectors)
        {
            _state.Crushed[sector] = true;
        }

        foreach (var type in _bosses.ExitTypes)
        {
            var all = true;
            var any = false;
            for (var t = 0; t < _model.Level.Things.Length && all; t++)
            {
                if (_model.ThingPresent[t] && _model.Level.Things[t].Type == type)
                {
                    any = true;
                    all = _model.ThingSector[t] >= 0 && _state.Crushed[_model.ThingSector[t]];
                }
            }

            if (any && all)
            {
                var name = ThingTypes.Find(type)?.Name ?? $"type {type}";
                EndLevel(action.Line, secret: false, $"assumed boss death: every {name} is crushed by {action.Name} (line {action.Line})");
                return;
            }
        }
    }

    private void EndLevel(int? line, bool secret, string detail)
    {
        ExitReached = true;
        SecretExit = secret;
        ExitTick = _body.LastTick;
        _log.Add(_log.At(ExplorerEventKind.ExitReached, _body.Cell) with { Line = line, Detail = detail });
    }

    // Doom moves the body and touches things and lines only at whole tics, and the body passes most cell centres
    // between two: what the explorer does at a cell (a pickup, a line crossed) it does once the body stands there at a
    // tic, so the positions it records show the touch or the crossing (the trajectory validator checks them).
    private void OnATic()
    {
        var wait = Math.Ceiling(_body.Clock) - _body.Clock;
        if (wait > 0)
        {
            Advance(_body.Cell, _body.Cell, wait);
        }
    }

    // Doom moves in a straight line through a tic: a sharp turn is made at a tic, not between two (a turn of 45 degrees
    // cuts its corner by less than the validator's grid tolerance).
    private void TurnTo(int direction)
    {
        if (Math.Abs(((direction * 45) - _body.Angle + 540) % 360 - 180) >= 90)
        {
            OnATic();
        }

        _body.Angle = direction * 45;
    }

    // Shoots the barrel from where the body stands and waits until every barrel that goes up with it is gone (the
    // body stands out of every blast: Barrels.ShotAt), then the cells they kept the body out of are open.
    private void ShootBarrel(int barrel)
    {
        var explosions = _state.Barrels.Explosions(barrel);
        var thing = _model.Level.Things[barrel];
        _body.Angle = (int)Math.Round(Math.Atan2(thing.Y - _grid.Y(_body.Cell), thing.X - _grid.X(_body.Cell)) * 180 / Math.PI + 360) % 360;
        _log.Add(_log.At(ExplorerEventKind.BarrelShot, _body.Cell) with
        {
            Thing = barrel,
            Detail = $"shot explosive barrel (thing {barrel}); goes up: things {string.Join(", ", explosions.Select(e => e.Barrel))}",
        });
        Wait(explosions.Max(e => e.GoneAfter) + 1);
        if (Over)
        {
            return;
        }

        _steps.CellsFreed(_state.Barrels.Remove(explosions));
        _changes.Stale = true;
    }

    private void Wait(int tics)
    {
        if (tics > 0)
        {
            Advance(_body.Cell, _body.Cell, tics);
        }
    }

    // Stands until the clock reaches the time (whole tics, rounded up); a time already past is no wait.
    private void WaitUntil(double clock) => Wait((int)Math.Ceiling(clock - _body.Clock));

    // The cell's centre is where the walk's moves begin; a spot off it (the start, a teleport's arrival) would make the first
    // one longer than a run, so the body takes a tic to step there.
    private void ToCellCentre(int c)
    {
        if (_body.OffGrid is { } off && off.Cell == c)
        {
            _body.OffGrid = null;
            Advance(c, c, 1);
        }
    }

    /// <summary>
    /// Moves the clock on while the body goes from one cell to the next (or over the part of that way from
    /// <paramref name="startFraction"/> to <paramref name="endFraction"/>), doing what happens at each whole tic.
    /// </summary>
    private void Advance(int from, int to, double tics, double startFraction = 0, double endFraction = 1)
    {
        if (to != from && startFraction == 0)
        {
            ToCellCentre(from);
        }

        var start = _body.Clock;
        _body.Clock += tics;
        var end = (int)Math.Floor(_body.Clock);
        double fx = _grid.X(from), fy = _grid.Y(from), tx = _grid.X(to), ty = _grid.Y(to);
        if (_body.OffGrid is { } spot && spot.Cell == from)
        {
            (fx, fy, tx, ty) = (spot.X, spot.Y, spot.X, spot.Y);
        }
        var (highest, lowest) = FloorsBetween(from, to);
        for (var tick = _body.LastTick + 1; tick <= end; tick++)
        {
            var fraction = startFraction + ((endFraction - startFraction) * (tics <= 0 ? 1 : Math.Clamp((tick - start) / tics, 0, 1)));
            var here = fraction < 0.5 ? from : to;
            _body.LastTick = tick;
            _carried.Tick(here, _airborne);
            if (!_airborne)
            {
                _feet.Tick(tick, highest, lowest);
            }

            if (tick % _positionInterval == 0)
            {
                _log.Add(_log.At(ExplorerEventKind.Position, here, fx + ((tx - fx) * fraction), fy + ((ty - fy) * fraction)));
            }

            if (tick % 32 == 0)
            {
                FloorDamage(here);
                if (Over)
                {
                    _body.Clock = tick;
                    return;
                }
            }
        }
    }

    // The highest and lowest floor the box may stand over on a step: the box between two cells is within theirs, and on a
    // diagonal within theirs and the two cells beside (a step down off a corner may start the fall from a floor neither
    // cell has); a lift's floor anywhere in its travel (the trajectory validator may have it anywhere there).
    private (int Highest, int Lowest) FloorsBetween(int from, int to)
    {
        var highest = Math.Max(Math.Max(_grid.Floor0[from], _grid.Floor1[from]), Math.Max(_grid.Floor0[to], _grid.Floor1[to]));
        var lowest = Math.Min(Math.Min(_grid.Floor0[from], _grid.Floor1[from]), Math.Min(_grid.Floor0[to], _grid.Floor1[to]));
        var delta = to - from;
        for (var d = 1; d < 8; d += 2)
        {
            if (delta != _grid.Offsets[d])
            {
                continue;
            }

            foreach (var side in (ReadOnlySpan<int>)[from + _grid.Offsets[d - 1], from + _grid.Offsets[(d + 1) % 8]])
            {
                if (_grid.Blocked[side] != NavGrid.Void)
                {
                    highest = Math.Max(highest, Math.Max(_grid.Floor0[side], _grid.Floor1[side]));
                }
            }
        }

        return (highest, lowest);
    }

    // P_PlayerInSpecialSector: on the floor of a damaging sector, damage every 32 tics (halved on skill 1, armour
    // absorbing its share); special 11 ends the level once health is 10 or less.
    private void FloorDamage(int c)
    {
        var sector = _grid.CenterSector[c];
        if (!_state.IsDamaging(sector) || !OnCurrentFloor(c, sector))
        {
            return;
        }

        var info = _state.Describe(_state.Heights.Special[sector]);
        if (_body.LastTick < _body.InvulnerableUntil || (_body.LastTick < _body.SuitUntil && !info.EndsLevel))
        {
            return;
        }

        var old = _body.Hurt(_state.DamageOf(sector));
        var cause = string.Create(CultureInfo.InvariantCulture, $"damaging floor (special {_state.Heights.Special[sector]}, {_state.FullDamageOf(sector)} hp / 32 tics)");
        _log.Add(_log.At(ExplorerEventKind.HealthChange, c) with { OldHealth = old, NewHealth = _body.Health, Cause = cause });
        if (_body.Health <= 0)
        {
            Died = true;
            _log.Add(_log.At(ExplorerEventKind.Death, c) with { OldHealth = old, NewHealth = _body.Health, Cause = cause });
            return;
        }

        if (info.EndsLevel && _body.Health <= 10)
        {
            EndLevel(null, secret: false, string.Create(CultureInfo.InvariantCulture, $"exit sector {sector} (special {_state.Heights.Special[sector]})"));
        }
    }

    private bool OnCurrentFloor(int c, int sector) => _body.LiftConfig == 0
        ? _grid.Floor0[c] == _state.Heights.FloorLow[sector]
        : _grid.Floor1[c] == _state.Heights.FloorHigh[sector];

    private void PickUp(int c)
    {
        foreach (var thing in _model.Pickups[c])
        {
            if (_state.Taken[thing] || !_state.Touches(c, thing))
            {
                continue;
            }

            // An item on a floor on its way is out of reach until it is there with it.
            WaitUntil(_moving.FloorAt(_model.ThingSector[thing]));
            OnATic();
            _state.Done[thing] = true;
            Give(thing, c);
        }
    }

    private void Give(int thing, int c)
    {
        if (_model.Items[thing] is not { } info || !_body.Give(info.Type, info, out var newHealth))
        {
            return;
        }

        _state.Taken[thing] = true;
        var item = info.Name.ToLowerInvariant();
        if (ThingSpecials.OnPickup(_model.Level, _model.Level.Things[thing]) is var (special, args))
        {
            // The item's own special runs as it is taken (logged with the pickup, before it).
            ApplyThingSpecial(special, args);
        }

        if (info.Key != DoomKeys.None)
        {
            // A key a mod's monster drops: the finish rests on that monster dying where it stands.
            var detail = _model.KeyDropped[thing]
                ? $"assumed key drop: {ThingNames.Of(_model.Level, _model.Level.Things[thing].Type)} (thing {thing}) killed where it stands, leaving the {item}"
                : null;
            _log.Add(_log.At(ExplorerEventKind.KeyPickup, c) with { Thing = thing, Item = item, Detail = detail });
            return;
        }

        _log.Add(_log.At(ExplorerEventKind.ItemPickup, c) with { Thing = thing, Item = item });
        if (newHealth != _body.Health)
        {
            _log.Add(_log.At(ExplorerEventKind.HealthChange, c) with { OldHealth = _body.Health, NewHealth = newHealth, Cause = item });
            _body.SetHealth(newHealth);
        }
    }
}
