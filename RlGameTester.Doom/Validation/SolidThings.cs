using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// The solid scenery that blocks the body (PIT_CheckThing): things of the skill whose type is solid and not an actor.
/// Monsters are not simulated (they move and die), so their spawn spots do not block. Vanilla gives things no height
/// here, so a solid thing blocks at any height. Bucketed by 128-unit cells for locality.
/// </summary>
internal sealed class SolidThings
{
    private const double CellSize = 128;

    private readonly Level _level;
    private readonly Dictionary<(int, int), List<int>> _cells = [];
    private readonly double[] _radius;

    public SolidThings(Level level, int skill, AssumptionLog assumptions)
    {
        _level = level;
        _radius = new double[level.Things.Length];
        var start = ThingPresence.PlayerStart(level);
        for (var t = 0; t < level.Things.Length; t++)
        {
            var thing = level.Things[t];
            if (!ThingPresence.Exists(thing, skill))
            {
                continue;
            }

            if (thing.Type == 1 && t != start)
            {
                assumptions.Add($"voodoo doll (an earlier player 1 start, thing {t}) assumed not to block");
                continue;
            }

            if (SolidScenery.Radius(level, thing.Type) is not { } radius)
            {
                continue;
            }

            _radius[t] = radius;
            var reach = radius + PlayerBody.Radius;
            for (var cx = Cell(thing.X - reach); cx <= Cell(thing.X + reach); cx++)
            {
                for (var cy = Cell(thing.Y - reach); cy <= Cell(thing.Y + reach); cy++)
                {
                    if (!_cells.TryGetValue((cx, cy), out var list))
                    {
                        list = [];
                        _cells.Add((cx, cy), list);
                    }

                    list.Add(t);
                }
            }
        }
    }

    /// <summary>A solid thing is gone (a barrel that went up).</summary>
    public void Remove(int thing)
    {
        foreach (var list in _cells.Values)
        {
            list.Remove(thing);
        }
    }

    /// <summary>The first solid thing whose box overlaps the body's box at (x, y), or -1 (boxes that only touch do not).</summary>
    public int Overlapping(double x, double y) => Overlapping(x, y, PlayerBody.BlockingRadius);

    /// <summary>The first solid thing a box of the given half-size at (x, y) overlaps, or -1.</summary>
    public int Overlapping(double x, double y, double bodyRadius)
    {
        if (!_cells.TryGetValue((Cell(x), Cell(y)), out var list))
        {
            return -1;
        }

        foreach (var t in list)
        {
            var thing = _level.Things[t];
            var blockDistance = _radius[t] + bodyRadius;
            if (Math.Abs(thing.X - x) < blockDistance && Math.Abs(thing.Y - y) < blockDistance)
            {
                return t;
            }
        }

        return -1;
    }

    private static int Cell(double coordinate) => (int)Math.Floor(coordinate / CellSize);
}
