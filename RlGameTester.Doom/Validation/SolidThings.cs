using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// The solid scenery that blocks the body (PIT_CheckThing): things of the skill whose type is solid and not an actor.
/// Monsters are not simulated (they move and die), so their spawn spots do not block. Vanilla gives things no height
/// here, so a solid thing blocks at any height; in the ZDoom family's ports things have heights and the player passes
/// beneath one hung from the ceiling when its top is at or under the thing's bottom (PIT_CheckThing with +CANPASS): the
/// thing's spawn height, or lower where its ceiling has come down since (PIT_CeilingLower pushes it down; a rising
/// ceiling leaves it). Bucketed by 128-unit cells for locality.
/// </summary>
internal sealed class SolidThings
{
    private const double CellSize = 128;

    private readonly Level _level;
    private readonly SectorPlanes _planes;
    private readonly Dictionary<(int, int), List<int>> _cells = [];
    private readonly double[] _radius;

    // For a thing a body may pass beneath: its sector, height and bottom at spawn (else sector -1).
    private readonly int[] _hungIn;
    private readonly double[] _hungHeight;
    private readonly double[] _spawnBottom;

    public SolidThings(Level level, LevelGeometry geometry, SectorPlanes planes, int skill, AssumptionLog assumptions)
    {
        _level = level;
        _planes = planes;
        _radius = new double[level.Things.Length];
        _hungIn = new int[level.Things.Length];
        Array.Fill(_hungIn, -1);
        _hungHeight = new double[level.Things.Length];
        _spawnBottom = new double[level.Things.Length];
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
            if (level.MadeForZDoomPorts && SolidScenery.Hanging(level, thing.Type) is { } hung && geometry.SectorAt(thing.X, thing.Y) is var sector and >= 0)
            {
                (_hungIn[t], _hungHeight[t]) = (sector, hung.Height);
                _spawnBottom[t] = level.Sectors[sector].CeilingHeight - thing.Z - hung.Height;
            }

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

    /// <summary>
    /// The first solid thing a box of the given half-size at (x, y) overlaps, or -1; with the feet at most at
    /// <paramref name="feet"/>, a thing hung above the body's top is passed beneath.
    /// </summary>
    public int Overlapping(double x, double y, double bodyRadius, double feet = double.PositiveInfinity)
    {
        if (!_cells.TryGetValue((Cell(x), Cell(y)), out var list))
        {
            return -1;
        }

        foreach (var t in list)
        {
            var thing = _level.Things[t];
            var blockDistance = _radius[t] + bodyRadius;
            if (Math.Abs(thing.X - x) < blockDistance && Math.Abs(thing.Y - y) < blockDistance && !Beneath(t, feet))
            {
                return t;
            }
        }

        return -1;
    }

    /// <summary>Where a thing a body may pass beneath hangs down to now, or null for one that blocks at any height.</summary>
    public double? Bottom(int t) => _hungIn[t] >= 0 ? Math.Min(_spawnBottom[t], _planes.Ceiling(_hungIn[t]).Low - _hungHeight[t]) : null;

    private bool Beneath(int t, double feet) => Bottom(t) is { } bottom && feet + PlayerBody.Height <= bottom;

    private static int Cell(double coordinate) => (int)Math.Floor(coordinate / CellSize);
}
