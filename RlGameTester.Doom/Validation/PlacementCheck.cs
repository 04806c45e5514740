using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;
using static System.FormattableString;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// P_TryMove at the spot a move ends: the box clear of walls and solid things, room to stand, room over the feet, and a
/// floor at most 24 above them. A failure is marked within the grid when a box smaller by the grid tolerance fits there,
/// or (for a step) when the move climbs its floors in stages.
/// </summary>
internal sealed class PlacementCheck
{
    // Each half of a move is climbed in this many equal stages (each a few units), so that floors are met in the order
    // a body walking the move meets them rather than all at once.
    private const int ClimbStages = 4;

    // Where a move's half-way point may be moved for a detour: nowhere, then one and two grid tolerances (4 and 8 units,
    // up to one cell of the explorer's 8-unit grid) along each axis.
    private static readonly (double Dx, double Dy)[] Detours =
    [
        (0, 0),
        (TrajectoryRules.GridTolerance, 0), (-TrajectoryRules.GridTolerance, 0), (0, TrajectoryRules.GridTolerance), (0, -TrajectoryRules.GridTolerance),
        (2 * TrajectoryRules.GridTolerance, 0), (-2 * TrajectoryRules.GridTolerance, 0), (0, 2 * TrajectoryRules.GridTolerance), (0, -2 * TrajectoryRules.GridTolerance),
    ];

    private readonly Level _level;
    private readonly LevelGeometry _geometry;
    private readonly PathSamples _path;
    private readonly PositionProbe _probe;
    private readonly BodyHeight _body;
    private readonly ViolationLog _violations;
    private readonly Placement _tight = new();

    public PlacementCheck(Level level, LevelGeometry geometry, PathSamples path, PositionProbe probe, BodyHeight body, ViolationLog violations)
    {
        _level = level;
        _geometry = geometry;
        _path = path;
        _probe = probe;
        _body = body;
        _violations = violations;
    }

    /// <summary>
    /// Checks the spot the tic's move ends at, filling <paramref name="here"/> with what is there: whether P_TryMove would
    /// take it, and whether the floor there is a step the body can take. With <paramref name="resync"/> the feet are put
    /// on the floor unchecked (the last spot was a step Doom would not take, already reported).
    /// </summary>
    public (bool Legal, bool Climbable) Check(int tick, double x, double y, Placement here, bool resync)
    {
        var count = _violations.Items.Count;
        _probe.Probe(x, y, here, _body.Z.High);
        var withinGrid = FitsTight(x, y, resync);
        var climbsInStages = ClimbsInStages(tick);
        if (here.CentreSector < 0)
        {
            _violations.Add(tick, TrajectoryRules.OutsideLevel, x, y, "the centre is outside every sector");
            return (false, true);
        }

        if (here.BlockingLine >= 0)
        {
            var line = _level.Linedefs[here.BlockingLine];
            var (x1, y1, x2, y2) = _geometry.Segment(here.BlockingLine);
            var depth = MapMath.BoxLineDepth(x, y, PlayerBody.Radius, x1, y1, x2, y2);
            _violations.Add(tick, TrajectoryRules.WallInBox, x, y, Invariant(
                $"{(line.BackSide < 0 ? "one-sided" : "impassable")} line {here.BlockingLine} crosses the body's 32x32 box, {depth:0.##} units deep"), ElementKind.Line, here.BlockingLine, depth, withinGrid);
        }

        if (here.SolidThing >= 0)
        {
            var thing = _level.Things[here.SolidThing];
            var radius = SolidScenery.Radius(_level, thing.Type) ?? 0;
            var name = ThingNames.Of(_level, thing.Type);
            var overlap = radius + PlayerBody.Radius - Math.Max(Math.Abs(thing.X - x), Math.Abs(thing.Y - y));
            var hung = _probe.Things.Bottom(here.SolidThing) is { } bottom
                ? Invariant($"; it hangs down to {bottom:0.##}, and the body's top is at {Math.Max(_body.Z.High, here.Floor.High) + PlayerBody.Height:0.##}")
                : string.Empty;
            _violations.Add(tick, TrajectoryRules.SolidThing, x, y, Invariant(
                $"the body's box overlaps solid thing {here.SolidThing} ({name}, radius {radius}) by {overlap:0.##} units{hung}"), ElementKind.Thing, here.SolidThing, overlap, withinGrid);
        }

        var room = here.Ceiling.High - here.Floor.Low;
        if (room < PlayerBody.Height - Slack.Height)
        {
            _violations.Add(tick, TrajectoryRules.NoRoom, x, y, Invariant(
                $"only {room:0.##} units between floor {here.Floor} (sector {here.FloorSector}) and ceiling {here.Ceiling} (sector {here.CeilingSector}); the body needs {PlayerBody.Height:0}"), ElementKind.Sector, here.CeilingSector, PlayerBody.Height - room, withinGrid);
        }

        var head = resync ? room : here.Ceiling.High - _body.Z.Low;
        if (head < PlayerBody.Height - Slack.Height && room >= PlayerBody.Height - Slack.Height)
        {
            _violations.Add(tick, TrajectoryRules.HeadRoom, x, y, Invariant(
                $"the ceiling {here.Ceiling} (sector {here.CeilingSector}) is {head:0.##} units above the feet at {_body.Z}; the body needs {PlayerBody.Height:0}"), ElementKind.Sector, here.CeilingSector);
        }

        var step = here.Floor.Low - _body.Z.High;
        if (step > PlayerBody.MaxStep + Slack.Height && !resync)
        {
            _violations.Add(tick, TrajectoryRules.StepTooHigh, x, y, Invariant(
                $"the floor {here.Floor} (sector {here.FloorSector}) is {step:0.##} units above the feet at {_body.Z}{(_body.Airborne ? " in the air" : string.Empty)}; a step may rise {PlayerBody.MaxStep:0}, {step - PlayerBody.MaxStep:0.##} too high"), ElementKind.Sector, here.FloorSector, step - PlayerBody.MaxStep, withinGrid || climbsInStages);
            return (false, false);
        }

        return (Legal: _violations.Items.Count == count && here.BlockingLine < 0 && here.SolidThing < 0 && room >= PlayerBody.Height - Slack.Height && head >= PlayerBody.Height - Slack.Height, Climbable: true);
    }

    // Whether the tic's move can climb its floors a step of at most 24 at a time, straight or by a detour of up to a grid
    // cell each way (the explorer's zigzags between its cells): a move Doom makes at once refuses a rise it would take in
    // two (P_XYMovement halves only moves over 15 units an axis), but a player climbs them a moment later; that is when,
    // not whether.
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
    private bool FitsTight(double x, double y, bool resync)
    {
        _probe.ProbeTight(x, y, _tight, _body.Z.High);
        return _tight.CentreSector >= 0 && _tight.BlockingLine < 0 && _tight.SolidThing < 0 &&
            _tight.Ceiling.High - _tight.Floor.Low >= PlayerBody.Height - Slack.Height &&
            (resync || _tight.Floor.Low - _body.Z.High <= PlayerBody.MaxStep + Slack.Height);
    }
}
