using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;
using static System.FormattableString;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// What the player has: the things taken (each checked against PIT_CheckThing's touch and P_TouchSpecialThing's reach),
/// the keys they gave, and the health the run reports.
/// </summary>
internal sealed class PlayerInventory
{
    private readonly Level _level;
    private readonly int _skill;
    private readonly PathSamples _path;
    private readonly PositionProbe _probe;
    private readonly SectorPlanes _planes;
    private readonly BodyHeight _body;
    private readonly AssumptionLog _assumptions;
    private readonly ViolationLog _violations;
    private readonly Placement _item = new();
    private readonly bool[] _taken;

    public PlayerInventory(Level level, int skill, PathSamples path, PositionProbe probe, SectorPlanes planes, BodyHeight body, AssumptionLog assumptions, ViolationLog violations)
    {
        _assumptions = assumptions;
        _level = level;
        _skill = skill;
        _path = path;
        _probe = probe;
        _planes = planes;
        _body = body;
        _violations = violations;
        _taken = new bool[level.Things.Length];
    }

    public DoomKeys Keys { get; private set; }

    /// <summary>The health the run last reported (a player starts with 100).</summary>
    public int Health { get; set; } = 100;

    public void Pickup(ExplorerEvent e)
    {
        var (x, y) = _path.At(e.Tick) ?? (e.X, e.Y);
        if (e.Thing is not { } index || index < 0 || index >= _level.Things.Length)
        {
            _violations.Add(e.Tick, TrajectoryRules.PickupInvalid, x, y, $"thing {e.Thing?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} does not exist");
            return;
        }

        var thing = _level.Things[index];
        // What the level's mod makes of the thing (Doom's table without one); a mod's monster may leave a key where it is killed.
        var info = PlacedItems.Gives(_level, thing.Type, out var dropped);
        if (!ThingPresence.Exists(thing, _skill) || info is not { IsPickup: true } || _taken[index])
        {
            var why = !ThingPresence.Exists(thing, _skill) ? $"is not spawned on skill {_skill} in single player"
                : info is not { IsPickup: true } ? $"(type {thing.Type}) is no item"
                : "was taken already";
            _violations.Add(e.Tick, TrajectoryRules.PickupInvalid, x, y, $"thing {index} {why}", ElementKind.Thing, index);
            return;
        }

        _taken[index] = true;
        if (e.Kind == ExplorerEventKind.KeyPickup || info.Key != DoomKeys.None)
        {
            Keys |= info.Key;
        }

        if (dropped)
        {
            _assumptions.Add(Invariant($"key drop assumed: thing {index} (type {thing.Type}) is killed where it was placed and leaves the {info.Name.ToLowerInvariant()}"));
        }

        var reachBox = info.Radius + PlayerBody.Radius;
        var nearest = double.PositiveInfinity;
        foreach (var (px, py) in PickupSpots(e.Tick))
        {
            var gap = Math.Max(Math.Abs(thing.X - px), Math.Abs(thing.Y - py)) - reachBox;
            nearest = Math.Min(nearest, gap);
        }

        // Only a key changes what the run can do next; a miss within the explorer's grid is where, not whether.
        var gates = info.Key != DoomKeys.None;
        if (nearest >= PlayerBody.PositionSlack)
        {
            _violations.Add(e.Tick, TrajectoryRules.PickupNotTouched, x, y, Invariant(
                $"the body's box never touched thing {index} ({info.Name}) around tic {e.Tick}: {Math.Max(0, nearest):0.##} units short"), ElementKind.Thing, index,
                amount: nearest, withinGrid: !gates || nearest <= TrajectoryRules.GridTolerance);
            return;
        }

        // The item sits on the highest floor under its own box; the body reaches it from 8 below the feet to its height above.
        _probe.Probe(thing.X, thing.Y, info.Radius, _item);
        var itemZ = _item.CentreSector >= 0 ? new HeightRange(_planes.FloorAt(_item.CentreSector, thing.X, thing.Y).Low, _item.Floor.High) : _item.Floor;
        var above = itemZ.Low - _body.Z.High;
        var below = _body.Z.Low - itemZ.High;
        if (above > PlayerBody.Height + Slack.Height || below > PlayerBody.PickupBelow + Slack.Height)
        {
            // Out of reach in height while Doom would still have the body in the air is a matter of when, not whether.
            _violations.Add(e.Tick, TrajectoryRules.PickupNotTouched, x, y, Invariant(
                $"thing {index} ({info.Name}) at height {itemZ} is out of reach of feet at {_body.Z} (from {PlayerBody.PickupBelow:0} below to {PlayerBody.Height:0} above)"), ElementKind.Thing, index,
                withinGrid: !gates || _body.Airborne);
        }
    }

    // Where the body was around the tic: the positions a tic either side and the half-way points of those moves.
    private IEnumerable<(double X, double Y)> PickupSpots(int tick)
    {
        for (var t = tick; t <= tick + 1; t++)
        {
            if (_path.MoveEndingAt(t) is var (ax, ay, bx, by))
            {
                yield return (ax, ay);
                yield return ((ax + bx) / 2, (ay + by) / 2);
                yield return (bx, by);
            }
        }

        if (_path.At(tick) is { } at)
        {
            yield return at;
        }
    }
}
