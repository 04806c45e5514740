using System.Globalization;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;
using RlGameTester.Doom.Checks;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// One pass over a run's events in order, replaying the body through the validator's own model of the level: positions
/// drive the movement checks, line events change the sector heights, pickups give keys, and every claim is checked
/// against Doom's rules at the moment it is made.
/// </summary>
internal sealed partial class ValidationRun
{
    // Numeric slack: positions are doubles interpolated along the explorer's path.
    private const double SpeedSlack = 0.01;
    private const double AirSlack = 0.05;
    private const double HeightSlack = 1e-6;
    private const double PlaceSlack = 0.01;

    // The explorer's positions are cells of an 8-unit grid (its README): a spot it is put at (the start, a teleport
    // arrival) may be the nearest cell, up to half a cell's diagonal away.
    private static readonly double GridSnap = (4 * Math.Sqrt(2)) + PlaceSlack;

    // How far the explorer may move the body off a floor rising to its ceiling in one go (its README: "steps off to the
    // nearest spot with room").
    private const double StepOffReach = 64;

    // A crossing counts as claimed by an event within this many tics of it; a centre this close to a line may be on it.
    private const int ClaimWindow = 3;
    private const double ClaimSlack = 1e-6;

    private readonly Level level;
    private readonly LevelGeometry geometry;
    private readonly int skill;
    private readonly IReadOnlyList<ExplorerEvent> events;
    private readonly PathSamples path;
    private readonly SectorPlanes planes;
    private readonly PlaneMover mover;
    private readonly LineQuery lines;
    private readonly PositionProbe probe;
    private readonly LineReach reach;
    private readonly TeleportDestinations teleports;
    private readonly AssumptionLog assumptions = new();
    private readonly ViolationLog violations = new();
    private readonly BodyHeight body = new();
    private readonly Placement here = new();
    private readonly Placement scratch = new();
    private readonly Placement tight = new();
    private const int ClimbStages = 4;
    private static readonly (double Dx, double Dy)[] Detours = [(0, 0), (TrajectoryRules.GridTolerance, 0), (-TrajectoryRules.GridTolerance, 0), (0, TrajectoryRules.GridTolerance), (0, -TrajectoryRules.GridTolerance), (2 * TrajectoryRules.GridTolerance, 0), (-2 * TrajectoryRules.GridTolerance, 0), (0, 2 * TrajectoryRules.GridTolerance), (0, -2 * TrajectoryRules.GridTolerance)];
    private readonly bool[] specialActive;
    private readonly LineRule?[] rules;
    private readonly bool[] taken;

    // The tics at which the run says each line was set off (activations, teleports, exits), to find crossings it left out.
    private readonly Dictionary<int, List<int>> claims = [];

    // Closing moves waiting for the body to leave their sector, and moves due later (a door reopening after 30 s).
    private readonly List<PlaneChange> held = [];
    private readonly List<(int Due, PlaneChange Change)> scheduled = [];

    // Lines set off legally, by tic, so that an exit claim can rest on its activation.
    private readonly HashSet<(int Tick, int Line)> legalActivations = [];
    private readonly HashSet<(int Tick, int Line)> claimedActivations = [];

    private bool resync;
    private DoomKeys keys;
    private int health = 100;
    private int lastTick = -1;
    private int lastEventTick = int.MinValue;
    private double lastDx;
    private double lastDy;

    public ValidationRun(Level level, LevelGeometry geometry, IReadOnlyList<ExplorerEvent> events, int skill)
    {
        this.level = level;
        this.geometry = geometry;
        this.skill = Math.Clamp(skill, 1, 5);
        this.events = events;
        path = new PathSamples(events);
        planes = new SectorPlanes(level, geometry);
        mover = new PlaneMover(level, planes, assumptions);
        lines = new LineQuery(geometry);
        probe = new PositionProbe(geometry, lines, new SolidThings(level, this.skill, assumptions), planes);
        specialActive = new bool[level.Linedefs.Length];
        rules = new LineRule?[level.Linedefs.Length];
        for (var i = 0; i < specialActive.Length; i++)
        {
            specialActive[i] = level.Linedefs[i].Special != 0;
            rules[i] = LineRule.Of(level, level.Linedefs[i]);
        }

        foreach (var e in events)
        {
            if (e.Line is { } claimed && e.Kind is ExplorerEventKind.LineActivated or ExplorerEventKind.Teleport or ExplorerEventKind.ExitReached)
            {
                if (!claims.TryGetValue(claimed, out var ticks))
                {
                    ticks = [];
                    claims.Add(claimed, ticks);
                }

                ticks.Add(e.Tick);
            }
        }

        reach = new LineReach(geometry, lines, planes, line => specialActive[line]);
        teleports = new TeleportDestinations(geometry, this.skill);
        taken = new bool[level.Things.Length];
    }

    public TrajectoryVerdict Run()
    {
        foreach (var e in events)
        {
            if (e.Tick < lastEventTick)
            {
                violations.Add(e.Tick, TrajectoryRules.EventOrder, e.X, e.Y,
                    $"a {e.Kind} event at tic {e.Tick} comes after an event at tic {lastEventTick}");
            }

            lastEventTick = Math.Max(lastEventTick, e.Tick);
            switch (e.Kind)
            {
                case ExplorerEventKind.Position:
                    Move(e.Tick);
                    break;
                case ExplorerEventKind.LineActivated:
                    Activate(e);
                    break;
                case ExplorerEventKind.Teleport:
                    Teleport(e);
                    break;
                case ExplorerEventKind.KeyPickup or ExplorerEventKind.ItemPickup:
                    Pickup(e);
                    break;
                case ExplorerEventKind.HealthChange or ExplorerEventKind.Death when e.NewHealth is { } newHealth:
                    health = newHealth;
                    break;
                case ExplorerEventKind.ExitReached:
                    Exit(e);
                    break;
            }
        }

        if (path.FinalMove is { } final)
        {
            Move(final);
        }

        return new TrajectoryVerdict { Violations = violations.Items, Assumptions = assumptions.Items };
    }

    private void Move(int tick)
    {
        if (tick <= lastTick || path.At(tick) is not { } position)
        {
            return;
        }

        var (x, y) = position;
        if (lastTick < 0)
        {
            Start(tick, x, y);
            return;
        }

        var gap = tick - lastTick;
        if (gap > 1)
        {
            violations.Add(tick, TrajectoryRules.PositionMissing, x, y, $"no position for tics {lastTick + 1} to {tick - 1}");
        }

        ApplyDue(tick);
        var (fromX, fromY) = path.At(lastTick)!.Value;
        var teleport = path.TeleportAt(lastTick);
        var (toX, toY) = teleport is null ? (x, y) : (teleport.X, teleport.Y);
        double dx = toX - fromX, dy = toY - fromY;
        var distance = Math.Sqrt((dx * dx) + (dy * dy));
        var steppedOff = distance > (PlayerBody.MaxRunSpeed * gap) + SpeedSlack && SteppedOff(tick, distance, toX, toY);
        if (distance > (PlayerBody.MaxRunSpeed * gap) + SpeedSlack && !steppedOff)
        {
            violations.Add(tick, TrajectoryRules.Speed, toX, toY, Invariant(
                $"the body moved {distance:0.##} units in {gap} tic(s); Doom's full run (no strafe-running) is {PlayerBody.MaxRunSpeed:0.##} a tic, {distance - (PlayerBody.MaxRunSpeed * gap):0.##} too far"));
        }

        if (body.Airborne && gap == 1)
        {
            var change = Math.Sqrt(((dx - lastDx) * (dx - lastDx)) + ((dy - lastDy) * (dy - lastDy)));
            if (change > AirSlack)
            {
                violations.Add(tick, TrajectoryRules.AirControl, toX, toY, Invariant(
                    $"in the air (feet at {body.Z}, falling {-body.MomZ:0} a tic) the body's move changed by {change:0.##} units a tic, from ({lastDx:0.##}, {lastDy:0.##}) to ({dx:0.##}, {dy:0.##}); Doom gives no thrust or friction to an airborne player"));
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
                CheckWalkLines(tick, fromX, fromY, toX, toY);
            }
        }
        else
        {
            probe.Probe(toX, toY, here);
        }

        // Past a step Doom would not let it take, the feet stay where they were for the tic, and the next tic puts them
        // on its floor unchecked: one impossible spot is reported once, not again for every height it would skew.
        if (here.CentreSector >= 0 && climbable)
        {
            if (resync || steppedOff)
            {
                body.Land(here.Floor);
            }
            else
            {
                body.Move(here.Floor);
            }
        }

        resync = !climbable;
        lastDx = dx / gap;
        lastDy = dy / gap;
        if (teleport is not null)
        {
            Arrive(x, y);
        }

        lastTick = tick;
        ReleaseHeld(tick);
    }

    // The explorer's documented shortcut for a floor that rises to its ceiling at once under the body: it steps off to the
    // nearest spot with room in one move. Accepted (as an assumption) for a move out of a sector held back by the body.
    private bool SteppedOff(int tick, double distance, double x, double y)
    {
        if (distance > StepOffReach || held.Count == 0)
        {
            return false;
        }

        var to = geometry.SectorAt(x, y);
        foreach (var change in held)
        {
            if (here.CentreSector == change.Sector && to != change.Sector)
            {
                assumptions.Add(Invariant(
                    $"at tic {tick} the body stepped off sector {change.Sector}, closing on it ({change.Source}), in one move of {distance:0.##} units, as the explorer does for planes that move at once"));
                return true;
            }
        }

        return false;
    }

    private void Start(int tick, double x, double y)
    {
        lastTick = tick;
        assumptions.Add("the body reaches running speed and stops at once on the ground (ground acceleration and friction are not modelled by the explorer)");
        assumptions.Add("monsters are not simulated: they neither block nor hurt");
        assumptions.Add("sector heights change at once when their line is set off");
        var start = ThingPresence.PlayerStart(level);
        if (start < 0)
        {
            violations.Add(tick, TrajectoryRules.StartPosition, x, y, "the level has no player 1 start");
        }
        else
        {
            var thing = level.Things[start];
            var off = MapMath.Distance(x, y, thing.X, thing.Y);
            if (off > GridSnap)
            {
                violations.Add(tick, TrajectoryRules.StartPosition, x, y, Invariant(
                    $"the run starts {off:0.##} units from the player 1 start (thing {start} at ({thing.X:0}, {thing.Y:0}))"), ElementKind.Thing, start);
            }
            else if (off > PlaceSlack)
            {
                assumptions.Add(Invariant($"the start is the explorer's grid cell {off:0.##} units from the player 1 start (thing {start})"));
            }
        }

        // P_SpawnPlayer: the feet on the floor of the sector under the centre.
        probe.Probe(x, y, here);
        body.Land(here.CentreSector >= 0 ? planes.Floor(here.CentreSector) : HeightRange.At(0));
    }

    // P_TeleportMove: the new floor is the centre's sector's, lines are not looked at; momentum is gone.
    private void Arrive(double x, double y)
    {
        probe.Probe(x, y, here);
        body.Land(here.CentreSector >= 0 ? planes.Floor(here.CentreSector) : HeightRange.At(0));
        lastDx = 0;
        lastDy = 0;
    }

    private void CheckCrossing(int tick, double ax, double ay, double bx, double by)
    {
        foreach (var index in lines.AlongPath(ax, ay, bx, by))
        {
            var line = level.Linedefs[index];
            if (line.BackSide >= 0 && !line.HasFlag(LinedefFlags.Impassable))
            {
                continue;
            }

            var (x1, y1, x2, y2) = geometry.Segment(index);
            if (MapMath.PathCrossesSegment(ax, ay, bx, by, x1, y1, x2, y2))
            {
                violations.Add(tick, TrajectoryRules.WallCrossed, bx, by,
                    $"the centre crossed {(line.BackSide < 0 ? "one-sided" : "impassable")} line {index} between tics {lastTick} and {tick}", ElementKind.Line, index);
                return;
            }
        }
    }

    // P_TryMove's crossing test for every walk-over special the new box touches: Doom sets off each one the centre
    // crossed, so a crossing the run does not claim is a line Doom would have set off and the run did not.
    private void CheckWalkLines(int tick, double ax, double ay, double bx, double by)
    {
        foreach (var index in lines.NearBox(bx, by, PlayerBody.Radius))
        {
            if (!specialActive[index] || rules[index] is not { Trigger: PlayerTrigger.Walk, MonstersOnly: false } rule)
            {
                continue;
            }

            var (x1, y1, x2, y2) = geometry.Segment(index);
            var from = MapMath.SignedDistance(ax, ay, x1, y1, x2, y2);
            var to = MapMath.SignedDistance(bx, by, x1, y1, x2, y2);
            var crossed = rule.Effect == LineEffect.Teleport ? from > ClaimSlack && to < -ClaimSlack : from * to < 0 && Math.Abs(from) > ClaimSlack && Math.Abs(to) > ClaimSlack;
            if (!crossed || !MapMath.BoxCrossesLine(bx, by, PlayerBody.BlockingRadius, x1, y1, x2, y2) || Claimed(index, tick))
            {
                continue;
            }

            violations.Add(tick, TrajectoryRules.WalkLineMissed, bx, by,
                $"the centre crossed line {index} ({rule.Name}) between tics {lastTick} and {tick}, which Doom sets off, but the run does not say so", ElementKind.Line, index);
        }
    }

    private bool Claimed(int line, int tick)
    {
        if (!claims.TryGetValue(line, out var ticks))
        {
            return false;
        }

        foreach (var t in ticks)
        {
            if (t >= tick - ClaimWindow && t <= tick + ClaimWindow)
            {
                return true;
            }
        }

        return false;
    }

    // P_TryMove at the new spot: the box must be clear of walls and solid things, fit, fit under the ceiling, and the
    // floor may rise at most 24 above the feet.
    /// <summary>Checks the spot: whether P_TryMove would take it, and whether the floor there is a step the body can take.</summary>
    private (bool Legal, bool Climbable) CheckPlacement(int tick, double x, double y)
    {
        var count = violations.Items.Count;
        probe.Probe(x, y, here);
        var withinGrid = FitsTight(x, y);
        var climbsInStages = ClimbsInStages(tick);
        if (here.CentreSector < 0)
        {
            violations.Add(tick, TrajectoryRules.OutsideLevel, x, y, "the centre is outside every sector");
            return (false, true);
        }

        if (here.BlockingLine >= 0)
        {
            var line = level.Linedefs[here.BlockingLine];
            var (x1, y1, x2, y2) = geometry.Segment(here.BlockingLine);
            var depth = MapMath.BoxLineDepth(x, y, PlayerBody.Radius, x1, y1, x2, y2);
            violations.Add(tick, TrajectoryRules.WallInBox, x, y, Invariant(
                $"{(line.BackSide < 0 ? "one-sided" : "impassable")} line {here.BlockingLine} crosses the body's 32x32 box, {depth:0.##} units deep"), ElementKind.Line, here.BlockingLine, depth, withinGrid);
        }

        if (here.SolidThing >= 0)
        {
            var thing = level.Things[here.SolidThing];
            var info = ThingTypes.Find(thing.Type);
            var overlap = info!.Radius + PlayerBody.Radius - Math.Max(Math.Abs(thing.X - x), Math.Abs(thing.Y - y));
            violations.Add(tick, TrajectoryRules.SolidThing, x, y, Invariant(
                $"the body's box overlaps solid thing {here.SolidThing} ({info.Name}, radius {info.Radius}) by {overlap:0.##} units"), ElementKind.Thing, here.SolidThing, overlap, withinGrid);
        }

        var room = here.Ceiling.High - here.Floor.Low;
        if (room < PlayerBody.Height - HeightSlack)
        {
            violations.Add(tick, TrajectoryRules.NoRoom, x, y, Invariant(
                $"only {room:0.##} units between floor {here.Floor} (sector {here.FloorSector}) and ceiling {here.Ceiling} (sector {here.CeilingSector}); the body needs {PlayerBody.Height:0}"), ElementKind.Sector, here.CeilingSector, PlayerBody.Height - room, withinGrid);
        }

        var head = resync ? room : here.Ceiling.High - body.Z.Low;
        if (head < PlayerBody.Height - HeightSlack && room >= PlayerBody.Height - HeightSlack)
        {
            violations.Add(tick, TrajectoryRules.HeadRoom, x, y, Invariant(
                $"the ceiling {here.Ceiling} (sector {here.CeilingSector}) is {head:0.##} units above the feet at {body.Z}; the body needs {PlayerBody.Height:0}"), ElementKind.Sector, here.CeilingSector);
        }

        var step = here.Floor.Low - body.Z.High;
        if (step > PlayerBody.MaxStep + HeightSlack && !resync)
        {
            violations.Add(tick, TrajectoryRules.StepTooHigh, x, y, Invariant(
                $"the floor {here.Floor} (sector {here.FloorSector}) is {step:0.##} units above the feet at {body.Z}{(body.Airborne ? " in the air" : string.Empty)}; a step may rise {PlayerBody.MaxStep:0}, {step - PlayerBody.MaxStep:0.##} too high"), ElementKind.Sector, here.FloorSector, step - PlayerBody.MaxStep, withinGrid || climbsInStages);
            return (false, false);
        }

        return (Legal: violations.Items.Count == count && here.BlockingLine < 0 && here.SolidThing < 0 && room >= PlayerBody.Height - HeightSlack && head >= PlayerBody.Height - HeightSlack, Climbable: true);
    }

    // Whether the tic's move can climb its floors a step of at most 24 at a time, straight or by a detour of up to a grid
    // cell each way (the explorer's zigzags between its cells): a move Doom makes at once refuses a rise it would take in two (P_XYMovement halves only moves
    // over 15 units an axis), but a player climbs them a moment later; that is when, not whether.
    private bool ClimbsInStages(int tick)
    {
        if (path.MoveEndingAt(tick) is not var (ax, ay, bx, by))
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
        var z = from ?? body.Z.High;
        for (var k = 1; k <= ClimbStages; k++)
        {
            double t = (double)k / ClimbStages;
            probe.Probe(ax + ((bx - ax) * t), ay + ((by - ay) * t), PlayerBody.BlockingRadius, tight);
            if (tight.CentreSector < 0 || tight.BlockingLine >= 0 || tight.Floor.Low - z > PlayerBody.MaxStep + HeightSlack)
            {
                return null;
            }

            z = Math.Max(z, tight.Floor.Low);
        }

        return z;
    }

    // Whether a box smaller by the grid tolerance fits at the spot: clear of walls and things, room to stand, a step
    // the body can take.
    private bool FitsTight(double x, double y)
    {
        probe.ProbeTight(x, y, tight);
        return tight.CentreSector >= 0 && tight.BlockingLine < 0 && tight.SolidThing < 0 &&
            tight.Ceiling.High - tight.Floor.Low >= PlayerBody.Height - HeightSlack &&
            (resync || tight.Floor.Low - body.Z.High <= PlayerBody.MaxStep + HeightSlack);
    }

    private void Apply(int tick, PlaneChange change)
    {
        if (change.Delay > 0)
        {
            scheduled.Add((tick + change.Delay, change with { Delay = 0 }));
            return;
        }

        var closes = change.Closes(planes);
        var before = change.Ceiling ? planes.Ceiling(change.Sector) : planes.Floor(change.Sector);
        var beforeRest = change.Ceiling ? planes.CeilingRest(change.Sector) : planes.FloorRest(change.Sector);
        Set(change.Sector, change.Ceiling, change.Range, change.Rest);
        if (lastTick < 0 || path.At(lastTick) is not { } position)
        {
            return;
        }

        probe.Probe(position.X, position.Y, PlayerBody.BlockingRadius, scratch);
        if (closes && scratch.Sectors.Contains(change.Sector) && scratch.Ceiling.High - scratch.Floor.Low < PlayerBody.Height - HeightSlack)
        {
            // A plane closing on the body stops on it (T_MovePlane gives the move back when P_ChangeSector finds a thing
            // that no longer fits) and goes on once the body has left.
            Set(change.Sector, change.Ceiling, before, beforeRest);
            held.Add(change);
            assumptions.Add($"{(change.Ceiling ? "ceiling" : "floor")} of sector {change.Sector} ({change.Source}) held back by the body until it left, as Doom's moving planes stop on things");
            return;
        }

        body.FollowFloor(scratch.Floor);
    }

    private void Set(int sector, bool ceiling, HeightRange range, double rest)
    {
        if (ceiling)
        {
            planes.SetCeiling(sector, range, rest);
        }
        else
        {
            planes.SetFloor(sector, range, rest);
        }
    }

    private void ApplyDue(int tick)
    {
        for (var i = 0; i < scheduled.Count; i++)
        {
            if (scheduled[i].Due <= tick)
            {
                var change = scheduled[i].Change;
                scheduled.RemoveAt(i--);
                Apply(tick, change);
            }
        }
    }

    private void ReleaseHeld(int tick)
    {
        for (var i = 0; i < held.Count; i++)
        {
            if (!here.Sectors.Contains(held[i].Sector))
            {
                var change = held[i];
                held.RemoveAt(i--);
                Apply(tick, change);
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
