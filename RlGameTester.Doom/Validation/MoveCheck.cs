using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using static System.FormattableString;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// The body's moves, tic by tic: no position left out, no faster than Doom's full run, no steering in the air, no wall
/// crossed, a spot P_TryMove takes (<see cref="PlacementCheck"/>), the walk-over lines it crosses claimed, and the feet
/// carried along (steps, falls, teleport arrivals). Plane changes due or held back by the body go on around each move.
/// </summary>
internal sealed class MoveCheck
{
    // A move may be this much longer than Doom's full run, and an airborne move differ this much from the last: positions
    // are doubles interpolated along the explorer's path, and the rounding is no real speed or steering.
    private const double SpeedSlack = 0.01;
    private const double AirSlack = 0.05;

    // How far the explorer may move the body off a floor rising to its ceiling in one go (its README: "steps off to the
    // nearest spot with room").
    private const double StepOffReach = 64;

    private readonly Level _level;
    private readonly LevelGeometry _geometry;
    private readonly PathSamples _path;
    private readonly SectorPlanes _planes;
    private readonly LineQuery _lines;
    private readonly LineBlocking _blocking;
    private readonly PositionProbe _probe;
    private readonly BodyHeight _body;
    private readonly PlacementCheck _placements;
    private readonly PlaneChanges _planeChanges;
    private readonly ConveyorPush _conveyors;
    private readonly LineTriggerCheck _triggers;
    private readonly AssumptionLog _assumptions;
    private readonly ViolationLog _violations;

    // What is under the body's box where it is now.
    private readonly Placement _here = new();

    // The last spot was a step Doom would not take: the next tic puts the feet on its floor unchecked.
    private bool _resync;
    private int _lastTick = -1;

    // The tic a jump was pressed for (applied when that tic's move is made), and when one may go.
    private readonly JumpTimer _jumps = new();
    private int _jumpTick = -1;

    // The sector whose floor the feet stood on after the last move, or -1 in the air.
    private int _standingOn = -1;

    // The last move, per tic: an airborne body must keep it (Doom gives it no thrust or friction).
    private double _lastDx;
    private double _lastDy;

    public MoveCheck(Level level, LevelGeometry geometry, PathSamples path, SectorPlanes planes, LineQuery lines, LineBlocking blocking, PositionProbe probe, BodyHeight body,
        PlaneChanges planeChanges, LineTriggerCheck triggers, AssumptionLog assumptions, ViolationLog violations)
    {
        _level = level;
        _geometry = geometry;
        _path = path;
        _planes = planes;
        _lines = lines;
        _blocking = blocking;
        _probe = probe;
        _body = body;
        _placements = new PlacementCheck(level, geometry, path, probe, body, violations);
        _planeChanges = planeChanges;
        _conveyors = new ConveyorPush(level, planes);
        _triggers = triggers;
        _assumptions = assumptions;
        _violations = violations;
    }

    /// <summary>The tic the body was last placed at, or -1 before the start.</summary>
    public int LastTick => _lastTick;

    /// <summary>The player pressed jump in a tic: its move starts on the ground, and the feet rise after it.</summary>
    public void Jump(int tick) => _jumpTick = tick;

    /// <summary>Moves the body to its position at the tic (the first puts it at the start) and checks the move.</summary>
    public void Move(int tick)
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

        // The player's own part of the move: what a carrying floor's push does not account for.
        double ownX = dx - (_conveyors.X * gap), ownY = dy - (_conveyors.Y * gap);
        var own = Math.Sqrt((ownX * ownX) + (ownY * ownY));
        var steppedOff = own > (PlayerBody.MaxRunSpeed * gap) + SpeedSlack && SteppedOff(tick, distance, toX, toY);
        if (own > (PlayerBody.MaxRunSpeed * gap) + SpeedSlack && !steppedOff)
        {
            var carried = _conveyors.X != 0 || _conveyors.Y != 0
                ? Invariant($" besides ({_conveyors.X * gap:0.##}, {_conveyors.Y * gap:0.##}) a conveyor carried it")
                : string.Empty;
            _violations.Add(tick, TrajectoryRules.Speed, toX, toY, Invariant(
                $"the body moved {own:0.##} units in {gap} tic(s){carried}; Doom's full run (no strafe-running) is {PlayerBody.MaxRunSpeed:0.##} a tic, {own - (PlayerBody.MaxRunSpeed * gap):0.##} too far"));
        }

        var canJump = false;
        for (var t = _lastTick + 1; t <= tick; t++)
        {
            canJump = _jumps.Tick(!_body.Airborne);
        }

        if (tick == _jumpTick)
        {
            TakeOff(tick, x, y, canJump);
        }

        if (_body.Airborne && gap == 1)
        {
            var change = Math.Sqrt(((dx - _lastDx) * (dx - _lastDx)) + ((dy - _lastDy) * (dy - _lastDy)));
            if (change > AirSlack)
            {
                _violations.Add(tick, TrajectoryRules.AirControl, toX, toY, Invariant(
                    $"in the air (feet at {_body.Z}, {(_body.MomZ > 0 ? "rising" : "falling")} {Math.Abs(_body.MomZ):0} a tic) the body's move changed by {change:0.##} units a tic, from ({_lastDx:0.##}, {_lastDy:0.##}) to ({dx:0.##}, {dy:0.##}); Doom gives no thrust or friction to an airborne player"));
            }
        }

        var climbable = true;
        if (distance > 0)
        {
            CheckCrossing(tick, fromX, fromY, toX, toY);
            (var legal, climbable) = _placements.Check(tick, toX, toY, _here, _resync);
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
            if (_resync || steppedOff || WalksDownSlope())
            {
                _body.Land(_here.Floor);
            }
            else
            {
                _body.Move(_here.Floor, _here.Ceiling);
            }
        }

        _standingOn = _body.Airborne ? -1 : _here.FloorSector;

        _resync = !climbable;
        _conveyors.AfterMove(_here, _body.Z, _body.Airborne);
        _lastDx = dx / gap;
        _lastDy = dy / gap;
        if (teleport is not null)
        {
            Arrive(x, y);
        }

        _lastTick = tick;
        _planeChanges.ReleaseHeld(tick);
    }

    // GZDoom's CheckJump: a jump from the ground, on a level that has one, no sooner than jumpTics lets it after the last.
    private void TakeOff(int tick, double x, double y, bool canJump)
    {
        if (!_level.PlayerCanJump)
        {
            var why = !_level.MadeForZDoomPorts
                ? "the level is in Doom's format and its mod defines no actors only the ZDoom family's ports read: Doom's engines, which have no jump, play it"
                : "the level's MAPINFO says nojump";
            _violations.Add(tick, TrajectoryRules.JumpForbidden, x, y, $"the run jumps at tic {tick}, and {why}");
        }
        else if (_body.Airborne)
        {
            _violations.Add(tick, TrajectoryRules.JumpNotReady, x, y, $"the run jumps at tic {tick} with the feet at {_body.Z}, in the air; a player jumps only from the ground");
        }
        else if (!canJump)
        {
            _violations.Add(tick, TrajectoryRules.JumpNotReady, x, y, Invariant(
                $"the run jumps at tic {tick}, {tick - _jumps.LastJump} tics after its last jump; GZDoom lets a player jump again once {PlayerBody.JumpInterval} tics have passed and a tic has begun on the ground"));
        }

        _assumptions.Add("the run jumps as GZDoom's player does: an upward speed of 8, gravity 1 a tic, a step of 24 onto a ledge from the feet in the air (the level lets the player jump)");
        _jumps.Jumped(tick);
        _body.Jump(PlayerBody.JumpSpeed);
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
        if (_conveyors.Any)
        {
            _assumptions.Add("conveyors carry the body by Boom's push from the sectors its box touches at the feet's height; only the rest of each move is the player's run");
        }
        var start = ThingPresence.PlayerStart(_level);
        if (start < 0)
        {
            _violations.Add(tick, TrajectoryRules.StartPosition, x, y, "the level has no player 1 start");
        }
        else
        {
            var thing = _level.Things[start];
            var off = MapMath.Distance(x, y, thing.X, thing.Y);
            if (off > Slack.Place)
            {
                _violations.Add(tick, TrajectoryRules.StartPosition, x, y, Invariant(
                    $"the run starts {off:0.##} units from the player 1 start (thing {start} at ({thing.X:0}, {thing.Y:0}))"), ElementKind.Thing, start);
            }
        }

        // P_SpawnPlayer: the feet on the floor of the sector under the centre.
        _probe.Probe(x, y, _here);
        _body.Land(_here.CentreSector >= 0 ? _planes.FloorAt(_here.CentreSector, x, y) : HeightRange.At(0));
        _standingOn = _here.FloorSector;
    }

    // P_TeleportMove: the new floor is the centre's sector's, lines are not looked at; momentum is gone.
    private void Arrive(double x, double y)
    {
        _probe.Probe(x, y, _here);
        _body.Land(_here.CentreSector >= 0 ? _planes.FloorAt(_here.CentreSector, x, y) : HeightRange.At(0));
        _standingOn = _here.FloorSector;
        _conveyors.Stop();
        _lastDx = 0;
        _lastDy = 0;
    }

    // P_TryMove's onfloor (GZDoom's P_CheckSlopeWalk): a body on the ground walking down a sloped floor stays on it while
    // that sector's floor is still the one under it, rather than falling off the slope tic by tic.
    private bool WalksDownSlope() =>
        !_body.Airborne && _body.MomZ == 0 && _standingOn >= 0 && _here.FloorSector == _standingOn &&
        _geometry.Slopes.FloorSloped(_standingOn) && _here.Floor.High < _body.Z.Low;

    // No one-sided, impassable or player-blocking line may lie across the centre's path.
    private void CheckCrossing(int tick, double ax, double ay, double bx, double by)
    {
        foreach (var index in _lines.AlongPath(ax, ay, bx, by))
        {
            if (!_blocking.BlocksPlayer(index))
            {
                continue;
            }

            var line = _level.Linedefs[index];
            var (x1, y1, x2, y2) = _geometry.Segment(index);
            if (MapMath.PathCrossesSegment(ax, ay, bx, by, x1, y1, x2, y2))
            {
                _violations.Add(tick, TrajectoryRules.WallCrossed, bx, by,
                    $"the centre crossed {(line.BackSide < 0 ? "one-sided" : "impassable")} line {index} between tics {_lastTick} and {tick}", ElementKind.Line, index);
                return;
            }
        }
    }
}
