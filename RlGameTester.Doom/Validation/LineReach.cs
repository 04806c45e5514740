using System.Globalization;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// Whether the body can use a line (P_UseLines / PTR_UseTraverse) or shoot it (PTR_ShootTraverse) from where it is.
/// The facing is not known, so a use is possible when some straight trace of USERANGE from the centre reaches the line
/// before anything that stops it: a line without a back side, a two-sided line whose opening is closed, or another line
/// with a special the port would use instead ("can't use more than one special line in a row"; the ZDoom family only
/// counts lines a use sets off: <see cref="UseTraces"/>).
/// </summary>
internal sealed class LineReach
{
    // The trace's start and its end on the target are not "between": a line through the centre is behind a body a hair
    // further back, and a line meeting the target where the trace ends shares the intercept.
    private const double Slack = 1e-6;

    private readonly Level _level;
    private readonly LevelGeometry _geometry;
    private readonly LineQuery _lines;
    private readonly SectorPlanes _planes;
    private readonly Func<int, bool> _hasSpecial;

    // Stopping lines a trace meets only at one of their ends, by distance along the trace: the side of the trace the
    // rest of the line lies on.
    private readonly Dictionary<double, (int Side, int Line, string Why)> _touches = [];

    public LineReach(LevelGeometry geometry, LineQuery lines, SectorPlanes planes, Func<int, bool> hasSpecial)
    {
        _level = geometry.Level;
        _geometry = geometry;
        _lines = lines;
        _planes = planes;
        _hasSpecial = hasSpecial;
    }

    /// <summary>Null when the body at (x, y) can use the line, else why not.</summary>
    public ReachFailure? Use(double x, double y, int target)
    {
        var (x1, y1, x2, y2) = _geometry.Segment(target);
        // A centre exactly on the line counts as in front: a body a hair in front uses it. ZDoom's playeruseback lines
        // are used from either side.
        if (MapMath.SignedDistance(x, y, x1, y1, x2, y2) < -Slack && (_level.Linedefs[target].Activation & LineActivation.PlayerUseBack) == 0)
        {
            return new ReachFailure(TrajectoryRules.UseFromBack,
                $"line {target} was used from its back side; P_UseSpecialLine refuses back sides", ElementKind.Line, target);
        }

        var distance = MapMath.DistanceToSegment(x, y, x1, y1, x2, y2);
        if (distance > PlayerBody.UseRange + PlayerBody.PositionSlack)
        {
            return new ReachFailure(TrajectoryRules.UseOutOfRange, Invariant(
                $"line {target} was used from {distance:0.#} units away; USERANGE is {PlayerBody.UseRange:0}, {distance - PlayerBody.UseRange:0.#} too far"), ElementKind.Line, target);
        }

        var near = _lines.NearBox(x, y, PlayerBody.UseRange);
        (int Line, string Why)? firstBlock = null;
        foreach (var (qx, qy) in PointsInReach(x, y, target, PlayerBody.UseRange))
        {
            var block = FirstStop(x, y, qx, qy, target, near, forUse: true);
            if (block is null)
            {
                return null;
            }

            firstBlock ??= block;
        }

        var (line, why) = firstBlock!.Value;
        return new ReachFailure(TrajectoryRules.UseBlocked,
            $"line {target} was used through line {line}, {why}: PTR_UseTraverse stops there", ElementKind.Line, line);
    }

    /// <summary>Null when a shot from (x, y) can cross the line (any point of it, within range, in sight), else why not.</summary>
    public ReachFailure? Shoot(double x, double y, int target)
    {
        var (x1, y1, x2, y2) = _geometry.Segment(target);
        var distance = MapMath.DistanceToSegment(x, y, x1, y1, x2, y2);
        if (distance > PlayerBody.GunRange + Slack)
        {
            return new ReachFailure(TrajectoryRules.ShotOutOfRange, Invariant(
                $"line {target} was shot from {distance:0.#} units away; the gun range allowed is {PlayerBody.GunRange:0}"), ElementKind.Line, target);
        }

        (int Line, string Why)? firstBlock = null;
        foreach (var (qx, qy) in PointsInReach(x, y, target, PlayerBody.GunRange))
        {
            var block = FirstStop(x, y, qx, qy, target, _lines.AlongPath(x, y, qx, qy), forUse: false);
            if (block is null)
            {
                return null;
            }

            firstBlock ??= block;
        }

        var (line, why) = firstBlock!.Value;
        return new ReachFailure(TrajectoryRules.ShotBlocked,
            $"line {target} was shot with no point of it in sight: line {line}, {why}, is in the way", ElementKind.Line, line);
    }

    /// <summary>
    /// Null when a shot from (x, y) reaches the point (tx, ty) within range with nothing in the way (a thing, such as a
    /// barrel: P_AimLineAttack aims at it), else why not.
    /// </summary>
    public ReachFailure? ShootAt(double x, double y, double tx, double ty, string what)
    {
        var distance = MapMath.Distance(x, y, tx, ty);
        if (distance > PlayerBody.GunRange + Slack)
        {
            return new ReachFailure(TrajectoryRules.ShotOutOfRange, Invariant(
                $"{what} was shot from {distance:0.#} units away; the gun range allowed is {PlayerBody.GunRange:0}"));
        }

        return FirstStop(x, y, tx, ty, -1, _lines.AlongPath(x, y, tx, ty), forUse: false) is { } block
            ? new ReachFailure(TrajectoryRules.ShotBlocked, $"{what} was shot with line {block.Line}, {block.Why}, in the way", ElementKind.Line, block.Line)
            : null;
    }

    /// <summary>Null when the body at (x, y) touches the line's front (Hexen push lines), else why not.</summary>
    public ReachFailure? Push(double x, double y, int target)
    {
        var (x1, y1, x2, y2) = _geometry.Segment(target);
        var distance = MapMath.DistanceToSegment(x, y, x1, y1, x2, y2);
        return MapMath.PointOnLineSide(x, y, x1, y1, x2, y2) == 0 && distance <= PlayerBody.Radius * Math.Sqrt(2) + Slack
            ? null
            : new ReachFailure(TrajectoryRules.UseOutOfRange, Invariant($"push line {target} was set off from {distance:0.#} units away, not against its front"), ElementKind.Line, target);
    }

    // The points of the line within reach: the nearest first, then every unit or so along the reachable part.
    private IEnumerable<(double X, double Y)> PointsInReach(double x, double y, int target, double reach)
    {
        var (x1, y1, x2, y2) = _geometry.Segment(target);
        double dx = x2 - x1, dy = y2 - y1;
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        var nearest = MapMath.NearestFraction(x, y, x1, y1, x2, y2);
        yield return (x1 + (nearest * dx), y1 + (nearest * dy));
        if (length == 0)
        {
            yield break;
        }

        // |a + u (b - a) - c|^2 <= reach^2, solved for u.
        double fx = x1 - x, fy = y1 - y;
        double a = length * length, b = 2 * ((fx * dx) + (fy * dy)), c = (fx * fx) + (fy * fy) - (reach * reach);
        var discriminant = (b * b) - (4 * a * c);
        if (discriminant < 0)
        {
            yield break;
        }

        var root = Math.Sqrt(discriminant);
        var low = Math.Max(0, (-b - root) / (2 * a));
        var high = Math.Min(1, (-b + root) / (2 * a));
        var steps = Math.Max(1, (int)Math.Ceiling((high - low) * length));
        for (var i = 0; i <= steps; i++)
        {
            var u = low + ((high - low) * i / steps);
            yield return (x1 + (u * dx), y1 + (u * dy));
        }
    }

    private (int Line, string Why)? FirstStop(double x, double y, double qx, double qy, int target, List<int> candidates, bool forUse)
    {
        var length = MapMath.Distance(x, y, qx, qy);
        if (length <= Slack)
        {
            return null;
        }

        var bestFraction = double.PositiveInfinity;
        (int, string)? best = null;
        _touches.Clear();
        foreach (var candidate in candidates)
        {
            if (candidate == target)
            {
                continue;
            }

            var index = candidate;
            var (x1, y1, x2, y2) = _geometry.Segment(index);
            var fraction = MapMath.PathFractionAtSegment(x, y, qx, qy, x1, y1, x2, y2);
            if (fraction < 0 || fraction * length <= Slack || (1 - fraction) * length <= Slack || fraction >= bestFraction)
            {
                continue;
            }

            var why = Stops(index, forUse);
            if (why is null)
            {
                continue;
            }

            // A trace through a line's end only grazes it; it passes between lines only where they continue on both sides.
            var d1 = MapMath.SignedDistance(x1, y1, x, y, qx, qy);
            var d2 = MapMath.SignedDistance(x2, y2, x, y, qx, qy);
            bool end1 = Math.Abs(d1) <= Slack, end2 = Math.Abs(d2) <= Slack;
            if (end1 && end2)
            {
                continue;
            }

            if (end1 || end2)
            {
                var side = Math.Sign(end1 ? d2 : d1);
                var vertex = Math.Round(fraction * length, 4);
                if (!_touches.TryGetValue(vertex, out var sides))
                {
                    _touches[vertex] = (side, index, why);
                    continue;
                }

                if (sides.Side == side)
                {
                    continue;
                }

                (index, why) = (sides.Line, sides.Why);
            }

            bestFraction = fraction;
            best = (index, why);
        }

        return best;
    }

    // What stops a use trace (PTR_UseTraverse) or a sight line for a shot (PTR_ShootTraverse's walls; closed openings).
    private string? Stops(int index, bool forUse)
    {
        var line = _level.Linedefs[index];
        int front = _planes.FrontSector(index), back = _planes.BackSector(index);
        if (forUse && _hasSpecial(index) && UseTraces.StopAtSpecial(_level, line))
        {
            return $"which has special {line.Special} and would be used first";
        }

        if (front < 0 || back < 0)
        {
            return "a one-sided wall";
        }

        if (forUse && line.BlocksUse)
        {
            return "which blocks use (ZDoom's blockuse)";
        }

        var opening = _planes.Opening(index);
        return opening > 0 ? null : Invariant(
            $"whose opening is closed ({opening:0.#}: sector {front} floor {_planes.Floor(front)} ceiling {_planes.Ceiling(front)}, sector {back} floor {_planes.Floor(back)} ceiling {_planes.Ceiling(back)})");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
