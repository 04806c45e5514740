using System.Globalization;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// One pass over a run's events in order, replaying the body through the validator's own model of the level: positions
/// drive the movement checks, line events change the sector heights, pickups give keys, and every claim is checked
/// against Doom's rules at the moment it is made.
/// </summary>
internal sealed class ValidationRun
{
    // Numeric slack: positions are doubles interpolated along the explorer's path.
    private const double SpeedSlack = 0.01;
    private const double AirSlack = 0.05;

    // How far the explorer may move the body off a floor rising to its ceiling in one go (its README: "steps off to the
    // nearest spot with room").
    private const double StepOffReach = 64;

    private readonly Level _level;
    private readonly LevelGeometry _geometry;
    private readonly int _skill;
    private readonly IReadOnlyList<ExplorerEvent> _events;
    private readonly PathSamples _path;
    private readonly SectorPlanes _planes;
    private readonly PlaneChanges _planeChanges;
    private readonly LineQuery _lines;
    private readonly PositionProbe _probe;
    private readonly AssumptionLog _assumptions = new();
    private readonly ViolationLog _violations = new();
    private readonly BodyHeight _body = new();
    private readonly Placement _here = new();
    private readonly Placement _tight = new();
    private const int ClimbStages = 4;
    private static readonly (double Dx, double Dy)[] Detours = [(0, 0), (TrajectoryRules.GridTolerance, 0), (-TrajectoryRules.GridTolerance, 0), (0, TrajectoryRules.GridTolerance), (0, -TrajectoryRules.GridTolerance), (2 * TrajectoryRules.GridTolerance, 0), (-2 * TrajectoryRules.GridTolerance, 0), (0, 2 * TrajectoryRules.GridTolerance), (0, -2 * TrajectoryRules.GridTolerance)];
    private readonly LineLedger _ledger;
    private readonly PlayerInventory _inventory;
    private readonly LineTriggerCheck _triggers;
    private readonly ActivationCheck _activations;
    private readonly TeleportCheck _teleports;
    private readonly ExitCheck _exits;

    private bool _resync;
    private int _lastTick = -1;
    private int _lastEventTick = int.MinValue;
    private double _lastDx;
    private double _lastDy;

    public ValidationRun(Level level, LevelGeometry geometry, IReadOnlyList<ExplorerEvent> events, int skill)
    {
        _level = level;
        _geometry = geometry;
        _skill = Math.Clamp(skill, 1, 5);
        _events = events;
        _path = new PathSamples(events);
        _planes = new SectorPlanes(level, geometry);
        var mover = new PlaneMover(level, _planes, _assumptions);
        _lines = new LineQuery(geometry);
        _probe = new PositionProbe(geometry, _lines, new SolidThings(level, _skill, _assumptions), _planes);
        _ledger = new LineLedger(level, events);
        _planeChanges = new PlaneChanges(_planes, _path, _probe, _body, _assumptions);
        var reach = new LineReach(geometry, _lines, _planes, _ledger.IsActive);
        _inventory = new PlayerInventory(level, _skill, _path, _probe, _planes, _body, _violations);
        _triggers = new LineTriggerCheck(geometry, _path, _lines, reach, _ledger, _inventory, _violations);
        _activations = new ActivationCheck(level, _skill, _path, _ledger, _triggers, mover, _planeChanges, _assumptions, _violations);
        _teleports = new TeleportCheck(level, geometry, _skill, _path, _ledger, _triggers, _assumptions, _violations);
        _exits = new ExitCheck(level, geometry, _skill, _path, _planes, _body, _inventory, _ledger, _triggers, _assumptions, _violations);
    }

    public TrajectoryVerdict Run()
    {
        foreach (var e in _events)
        {
            if (e.Tick < _lastEventTick)
            {
                _violations.Add(e.Tick, TrajectoryRules.EventOrder, e.X, e.Y,
                    $"a {e.Kind} event at tic {e.Tick} comes after an event at tic {_lastEventTick}");
            }

            _lastEventTick = Math.Max(_lastEventTick, e.Tick);
            switch (e.Kind)
            {
                case ExplorerEventKind.Position:
                    Move(e.Tick);
                    break;
                case ExplorerEventKind.LineActivated:
                    _activations.Activate(e, _lastTick);
                    break;
                case ExplorerEventKind.Teleport:
                    _teleports.Teleport(e);
                    break;
                case ExplorerEventKind.KeyPickup or ExplorerEventKind.ItemPickup:
                    _inventory.Pickup(e);
                    break;
                case ExplorerEventKind.HealthChange or ExplorerEventKind.Death when e.NewHealth is { } newHealth:
                    _inventory.Health = newHealth;
                    break;
                case ExplorerEventKind.ExitReached:
                    _exits.Exit(e);
                    break;
            }
        }

        if (_path.FinalMove is { } final)
        {
            Move(final);
        }

        return new TrajectoryVerdict { Violations = _violations.Items, Assumptions = _assumptions.Items };
    }

    private void Move(int tick)
    {
        if (tick <= _lastTick || _path.At(tick) is not { } position)
        {
            return;
        }

        var (x, y) = position;
        if (_lastTick < 0)
        {
            Start(tick, x, y);
            return;
        }

        var gap = tick - _lastTick;
        if (gap > 1)
        {
            _violations.Add(tick, TrajectoryRules.PositionMissing, x, y, $"no position for tics {_lastTick + 1} to {tick - 1}");
        }

        _planeChanges.ApplyDue(tick, _lastTick);
        var (fromX, fromY) = _path.At(_lastTick)!.Value;
        var teleport = _path.TeleportAt(_lastTick);
        var (toX, toY) = teleport is null ? (x, y) : (teleport.X, teleport.Y);
        double dx = toX - fromX, dy = toY - fromY;
        var distance = Math.Sqrt((dx * dx) + (dy * dy));
        var steppedOff = distance > (PlayerBody.MaxRunSpeed * gap) + SpeedSlack && SteppedOff(tick, distance, toX, toY);
        if (distance > (PlayerBody.MaxRunSpeed * gap) + SpeedSlack && !steppedOff)
        {
            _violations.Add(tick, TrajectoryRules.Speed, toX, toY, Invariant(
                $"the body moved {distance:0.##} units in {gap} tic(s); Doom's full run (no strafe-running) is {PlayerBody.MaxRunSpeed:0.##} a tic, {distance - (PlayerBody.MaxRunSpeed * gap):0.##} too far"));
        }

        if (_body.Airborne && gap == 1)
        {
            var change = Math.Sqrt(((dx - _lastDx) * (dx - _lastDx)) + ((dy - _lastDy) * (dy - _lastDy)));
            if (change > AirSlack)
            {
                _violations.Add(tick, TrajectoryRules.AirControl, toX, toY, Invariant(
                    $"in the air (feet at {_body.Z}, falling {-_body.MomZ:0} a tic) the body's move changed by {change:0.##} units a tic, from ({_lastDx:0.##}, {_lastDy:0.##}) to ({dx:0.##}, {dy:0.##}); Doom gives no thrust or friction to an airborne player"));
            }
        }

        var climbable = true;
        if (distance > 0)
        {
            CheckCrossing(tick, fromX, fromY, toX, toY);
            (var legal, climbable) = CheckPlacement(tick, toX, toY);
            // Only a move P_TryMove makes sets off the lines it crosses. On a move that teleports, P_TryMove judges the
            // other lines' sides from the destination, so what else it sets off depends on the order of its list.
            if (legal && !steppedOff && teleport is null)
            {
                _triggers.CheckWalkLines(_lastTick, tick, fromX, fromY, toX, toY);
            }
        }
        else
        {
            _probe.Probe(toX, toY, _here);
        }

        // Past a step Doom would not let it take, the feet stay where they were for the tic, and the next tic puts them
        // on its floor unchecked: one impossible spot is reported once, not again for every height it would skew.
        if (_here.CentreSector >= 0 && climbable)
        {
            if (_resync || steppedOff)
            {
                _body.Land(_here.Floor);
            }
            else
            {
                _body.Move(_here.Floor);
            }
        }

        _resync = !climbable;
        _lastDx = dx / gap;
        _lastDy = dy / gap;
        if (teleport is not null)
        {
            Arrive(x, y);
        }

        _lastTick = tick;
        _planeChanges.ReleaseHeld(tick, _here);
    }

    // The explorer's documented shortcut for a floor that rises to its ceiling at once under the body: it steps off to the
    // nearest spot with room in one move. Accepted (as an assumption) for a move out of a sector held back by the body.
    private bool SteppedOff(int tick, double distance, double x, double y)
    {
        if (distance > StepOffReach || !_planeChanges.AnyHeld
            || _planeChanges.HeldLeaving(_here.CentreSector, _geometry.SectorAt(x, y)) is not { } change)
        {
            return false;
        }

        _assumptions.Add(Invariant(
            $"at tic {tick} the body stepped off sector {change.Sector}, closing on it ({change.Source}), in one move of {distance:0.##} units, as the explorer does for planes that move at once"));
        return true;
    }

    private void Start(int tick, double x, double y)
    {
        _lastTick = tick;
        _assumptions.Add("the body reaches running speed and stops at once on the ground (ground acceleration and friction are not modelled by the explorer)");
        _assumptions.Add("monsters are not simulated: they neither block nor hurt");
        _assumptions.Add("sector heights change at once when their line is set off");
        var start = ThingPresence.PlayerStart(_level);
        if (start < 0)
        {
            _violations.Add(tick, TrajectoryRules.StartPosition, x, y, "the level has no player 1 start");
        }
        else
        {
            var thing = _level.Things[start];
            var off = MapMath.Distance(x, y, thing.X, thing.Y);
            if (off > Slack.GridSnap)
            {
                _violations.Add(tick, TrajectoryRules.StartPosition, x, y, Invariant(
                    $"the run starts {off:0.##} units from the player 1 start (thing {start} at ({thing.X:0}, {thing.Y:0}))"), ElementKind.Thing, start);
            }
            else if (off > Slack.Place)
            {
                _assumptions.Add(Invariant($"the start is the explorer's grid cell {off:0.##} units from the player 1 start (thing {start})"));
            }
        }

        // P_SpawnPlayer: the feet on the floor of the sector under the centre.
        _probe.Probe(x, y, _here);
        _body.Land(_here.CentreSector >= 0 ? _planes.Floor(_here.CentreSector) : HeightRange.At(0));
    }

    // P_TeleportMove: the new floor is the centre's sector's, lines are not looked at; momentum is gone.
    private void Arrive(double x, double y)
    {
        _probe.Probe(x, y, _here);
        _body.Land(_here.CentreSector >= 0 ? _planes.Floor(_here.CentreSector) : HeightRange.At(0));
        _lastDx = 0;
        _lastDy = 0;
    }

    private void CheckCrossing(int tick, double ax, double ay, double bx, double by)
    {
        foreach (var index in _lines.AlongPath(ax, ay, bx, by))
        {
            var line = _level.Linedefs[index];
            if (line.BackSide >= 0 && !line.HasFlag(LinedefFlags.Impassable))
            {
                continue;
            }

            var (x1, y1, x2, y2) = _geometry.Segment(index);
            if (MapMath.PathCrossesSegment(ax, ay, bx, by, x1, y1, x2, y2))
            {
                _violations.Add(tick, TrajectoryRules.WallCrossed, bx, by,
                    $"the centre crossed {(line.BackSide < 0 ? "one-sided" : "impassable")} line {index} between tics {_lastTick} and {tick}", ElementKind.Line, index);
                return;
            }
        }
    }

    // P_TryMove at the new spot: the box must be clear of walls and solid things, fit, fit under the ceiling, and the
    // floor may rise at most 24 above the feet.
    /// <summary>Checks the spot: whether P_TryMove would take it, and whether the floor there is a step the body can take.</summary>
    private (bool Legal, bool Climbable) CheckPlacement(int tick, double x, double y)
    {
        var count = _violations.Items.Count;
        _probe.Probe(x, y, _here);
        var withinGrid = FitsTight(x, y);
        var climbsInStages = ClimbsInStages(tick);
        if (_here.CentreSector < 0)
        {
            _violations.Add(tick, TrajectoryRules.OutsideLevel, x, y, "the centre is outside every sector");
            return (false, true);
        }

        if (_here.BlockingLine >= 0)
        {
            var line = _level.Linedefs[_here.BlockingLine];
            var (x1, y1, x2, y2) = _geometry.Segment(_here.BlockingLine);
            var depth = MapMath.BoxLineDepth(x, y, PlayerBody.Radius, x1, y1, x2, y2);
            _violations.Add(tick, TrajectoryRules.WallInBox, x, y, Invariant(
                $"{(line.BackSide < 0 ? "one-sided" : "impassable")} line {_here.BlockingLine} crosses the body's 32x32 box, {depth:0.##} units deep"), ElementKind.Line, _here.BlockingLine, depth, withinGrid);
        }

        if (_here.SolidThing >= 0)
        {
            var thing = _level.Things[_here.SolidThing];
            var info = ThingTypes.Find(thing.Type);
            var overlap = info!.Radius + PlayerBody.Radius - Math.Max(Math.Abs(thing.X - x), Math.Abs(thing.Y - y));
            _violations.Add(tick, TrajectoryRules.SolidThing, x, y, Invariant(
                $"the body's box overlaps solid thing {_here.SolidThing} ({info.Name}, radius {info.Radius}) by {overlap:0.##} units"), ElementKind.Thing, _here.SolidThing, overlap, withinGrid);
        }

        var room = _here.Ceiling.High - _here.Floor.Low;
        if (room < PlayerBody.Height - Slack.Height)
        {
            _violations.Add(tick, TrajectoryRules.NoRoom, x, y, Invariant(
                $"only {room:0.##} units between floor {_here.Floor} (sector {_here.FloorSector}) and ceiling {_here.Ceiling} (sector {_here.CeilingSector}); the body needs {PlayerBody.Height:0}"), ElementKind.Sector, _here.CeilingSector, PlayerBody.Height - room, withinGrid);
        }

        var head = _resync ? room : _here.Ceiling.High - _body.Z.Low;
        if (head < PlayerBody.Height - Slack.Height && room >= PlayerBody.Height - Slack.Height)
        {
            _violations.Add(tick, TrajectoryRules.HeadRoom, x, y, Invariant(
                $"the ceiling {_here.Ceiling} (sector {_here.CeilingSector}) is {head:0.##} units above the feet at {_body.Z}; the body needs {PlayerBody.Height:0}"), ElementKind.Sector, _here.CeilingSector);
        }

        var step = _here.Floor.Low - _body.Z.High;
        if (step > PlayerBody.MaxStep + Slack.Height && !_resync)
        {
            _violations.Add(tick, TrajectoryRules.StepTooHigh, x, y, Invariant(
                $"the floor {_here.Floor} (sector {_here.FloorSector}) is {step:0.##} units above the feet at {_body.Z}{(_body.Airborne ? " in the air" : string.Empty)}; a step may rise {PlayerBody.MaxStep:0}, {step - PlayerBody.MaxStep:0.##} too high"), ElementKind.Sector, _here.FloorSector, step - PlayerBody.MaxStep, withinGrid || climbsInStages);
            return (false, false);
        }

        return (Legal: _violations.Items.Count == count && _here.BlockingLine < 0 && _here.SolidThing < 0 && room >= PlayerBody.Height - Slack.Height && head >= PlayerBody.Height - Slack.Height, Climbable: true);
    }

    // Whether the tic's move can climb its floors a step of at most 24 at a time, straight or by a detour of up to a grid
    // cell each way (the explorer's zigzags between its cells): a move Doom makes at once refuses a rise it would take in two (P_XYMovement halves only moves
    // over 15 units an axis), but a player climbs them a moment later; that is when, not whether.
    private bool ClimbsInStages(int tick)
    {
        if (_path.MoveEndingAt(tick) is not var (ax, ay, bx, by))
        {
            return false;
        }

        double mx = (ax + bx) / 2, my = (ay + by) / 2;
        foreach (var (dx, dy) in Detours)
        {
            if (Climbs(ax, ay, mx + dx, my + dy) is { } z && Climbs(mx + dx, my + dy, bx, by, z) is not null)
            {
                return true;
            }
        }

        return false;
    }

    // The feet after climbing from (ax, ay) to (bx, by) in small stages of at most 24 each, or null.
    private double? Climbs(double ax, double ay, double bx, double by, double? from = null)
    {
        var z = from ?? _body.Z.High;
        for (var k = 1; k <= ClimbStages; k++)
        {
            double t = (double)k / ClimbStages;
            _probe.Probe(ax + ((bx - ax) * t), ay + ((by - ay) * t), PlayerBody.BlockingRadius, _tight);
            if (_tight.CentreSector < 0 || _tight.BlockingLine >= 0 || _tight.Floor.Low - z > PlayerBody.MaxStep + Slack.Height)
            {
                return null;
            }

            z = Math.Max(z, _tight.Floor.Low);
        }

        return z;
    }

    // Whether a box smaller by the grid tolerance fits at the spot: clear of walls and things, room to stand, a step
    // the body can take.
    private bool FitsTight(double x, double y)
    {
        _probe.ProbeTight(x, y, _tight);
        return _tight.CentreSector >= 0 && _tight.BlockingLine < 0 && _tight.SolidThing < 0 &&
            _tight.Ceiling.High - _tight.Floor.Low >= PlayerBody.Height - Slack.Height &&
            (_resync || _tight.Floor.Low - _body.Z.High <= PlayerBody.MaxStep + Slack.Height);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
