using RlGameTester.Doom.Exploration.Proof;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Whether a boss whose death ends the level can be killed from a spot, by either of two of Doom's rules, with the
/// sectors at the heights they have now:
/// - in sight, as P_CheckSight has it: from the eyes (41 units above the floor) to some height of the boss's body, every
///   two-sided line between leaves a gap and no one-sided wall is in the way (hitscan and autoaim need that);
/// - in a rocket's reach: fired level towards it (P_SpawnPlayerMissile, 32 units above the feet, 8 high) a rocket hits
///   the boss, or bursts on a wall, a step or a lintel within 128 units of it (P_RadiusAttack) with the boss in sight of
///   the burst. Doom II's MAP30 brain is killed so: seen by no one, hit by the blast of a rocket fired into its slot
///   from a platform as it rises past the slot's height. A spot on a floor that moves may fire from any height that
///   floor takes (<see cref="SectorRanges"/>): the rider is assumed, as the boss's death is.
/// Within 1024 units (autoaim's reach) the looser view the explorer has always assumed still counts: no one-sided wall
/// between, the doors and ledges not looked at (Freedoom's MAP30 brain, shot from beside the platform that lifts a
/// player to its slot, a ride the walk does not take). Further out only the two rules count: Batman Doom's MAP25 has a
/// shut sliver of a boss door between the player's ledge and the boss, which a walls-only view looked straight through.
/// The lines between a spot and a boss are found once; only their gaps are looked at again as heights change.
/// </summary>
internal sealed class BossSight
{
    // Doom's player: eyes at 41 of its 56 units (P_CheckSight's sightzstart: z + height - height / 4).
    private const int EyeHeight = 41;

    // A rocket leaves 32 units above the feet (P_SpawnPlayerMissile) and is 8 high.
    private const int RocketHeight = 32;
    private const int RocketSize = 8;

    // P_RadiusAttack's reach for a rocket: 128 units, less the target's radius.
    private const double BlastRange = 128;

    // A boss of a type no table gives a size: a player's.
    private const int DefaultHeight = 56;
    private const int DefaultRadius = 16;

    // Autoaim's reach, within which a boss past no one-sided wall counts as shot (the explorer's assumption of old).
    private const double LooseRange = 1024;

    // A floor that may be anywhere (a script moves it) is not ridden: only the heights of a mover's travel are.
    private const int MaxRide = 1024;

    private readonly LevelModel _model;
    private readonly NavGrid _grid;
    private readonly SectorHeights _heights;
    private readonly List<int> _bosses;
    private readonly SectorRanges? _ranges;
    private readonly Dictionary<int, Sightline[]> _sightlines = [];
    private readonly List<int> _cells = [];
    private readonly HashSet<int> _lines = [];

    public BossSight(LevelModel model, LevelState state, BossRules rules)
    {
        _model = model;
        _grid = model.Grid;
        _heights = state.Heights;
        _bosses = rules.ExitThings;
        if (_bosses.Count > 0)
        {
            _ranges = new SectorRanges(model.Level, model.Geometry, new LevelMechanics(model.Level, model.Geometry, model.SkillFlag).Movers);
        }
    }

    /// <summary>How some boss that ends the level can be shot dead from the cell's centre now, if it can.</summary>
    public BossShot InView(int cell)
    {
        if (!_sightlines.TryGetValue(cell, out var sightlines))
        {
            sightlines = Trace(cell);
            _sightlines[cell] = sightlines;
        }

        var sector = _grid.CenterSector[cell];
        if (sector < 0)
        {
            return BossShot.None;
        }

        var feet = _heights.FloorLow[sector];
        var shot = BossShot.None;
        foreach (var sightline in sightlines)
        {
            if (_model.ThingSector[sightline.Boss] is not (var bossSector and >= 0))
            {
                continue;
            }

            if (Seen(sightline, 0, feet + EyeHeight, bossSector))
            {
                return BossShot.InSight;
            }

            if (Blasted(sightline, feet + RocketHeight, bossSector) || Ridden(sightline, sector, bossSector))
            {
                shot = BossShot.RocketBlast;
            }
            else if (shot == BossShot.None && sightline.Distance <= LooseRange && !sightline.Crossings.Any(c => c.Back < 0 && c.Fraction < 1))
            {
                shot = BossShot.PastWalls;
            }
        }

        return shot;
    }

    // A rocket fired from a floor the spot's sector rides through, a rocket's height at a time.
    private bool Ridden(Sightline sightline, int sector, int bossSector)
    {
        if (_ranges is null || _ranges.FloorMax[sector] - _ranges.FloorMin[sector] is var span && (span == 0 || span > MaxRide))
        {
            return false;
        }

        for (var feet = _ranges.FloorMin[sector]; feet <= _ranges.FloorMax[sector]; feet += RocketSize)
        {
            if (Blasted(sightline, feet + RocketHeight, bossSector))
            {
                return true;
            }
        }

        return false;
    }

    // P_CrossSubsector's narrowing, from the point at fraction `from` and height z to the boss (fraction 1): each gap a
    // line leaves cuts the slopes to the boss's top and feet; a wall or a shut gap hides it.
    private bool Seen(Sightline sightline, double from, double z, int bossSector)
    {
        var feet = _heights.FloorLow[bossSector];
        var span = 1 - from;
        double top = feet + sightline.Height - z, bottom = feet - z;
        foreach (var crossing in sightline.Crossings)
        {
            if (crossing.Fraction <= from || crossing.Fraction >= 1)
            {
                continue;
            }

            if (crossing.Back < 0)
            {
                return false;
            }

            var (openBottom, openTop) = Gap(crossing);
            if (openBottom >= openTop)
            {
                return false;
            }

            var along = (crossing.Fraction - from) / span;
            bottom = Math.Max(bottom, (openBottom - z) / along);
            top = Math.Min(top, (openTop - z) / along);
            if (top <= bottom)
            {
                return false;
            }
        }

        return true;
    }

    // A rocket fired level at the boss: a hit where its height meets the boss's body on the way, else a blast where a
    // line stops it, when that is near enough and the boss is in sight of it.
    private bool Blasted(Sightline sightline, double bottom, int bossSector)
    {
        var top = bottom + RocketSize;
        var feet = _heights.FloorLow[bossSector];
        var passed = false;
        foreach (var crossing in sightline.Crossings)
        {
            if (!passed && crossing.Fraction >= 1)
            {
                passed = true;
                if (bottom < feet + sightline.Height && top > feet)
                {
                    return true;
                }
            }

            if (crossing.Back >= 0 && Gap(crossing) is var (openBottom, openTop) && bottom >= openBottom && top <= openTop)
            {
                continue;
            }

            var away = Math.Abs(1 - crossing.Fraction) * sightline.Distance;
            return away - sightline.Radius < BlastRange && (passed || Seen(sightline, crossing.Fraction, (bottom + top) / 2, bossSector));
        }

        return false;
    }

    private (int Bottom, int Top) Gap(Crossing crossing) =>
        (Math.Max(_heights.FloorHigh[crossing.Front], _heights.FloorHigh[crossing.Back]),
         Math.Min(_heights.Ceiling[crossing.Front], _heights.Ceiling[crossing.Back]));

    // The boss's size as the mod's actor or Doom's table gives it: looked up once per sight line, not at every check.
    private (int Radius, int Height) Size(int thing)
    {
        var type = _model.Level.Things[thing].Type;
        return _model.Level.Actors.Shapes.TryGetValue(type, out var shape) ? (shape.Radius, shape.Height)
            : ThingTypes.Find(type) is { } doom ? (doom.Radius, doom.Height)
            : (DefaultRadius, DefaultHeight);
    }

    // The lines between the cell and each boss within range, and a blast's reach past it, nearest first.
    private Sightline[] Trace(int cell)
    {
        var result = new List<Sightline>();
        double x = _grid.X(cell), y = _grid.Y(cell);
        foreach (var boss in _bosses)
        {
            var thing = _model.Level.Things[boss];
            double dx = thing.X - x, dy = thing.Y - y;
            var distance = Math.Sqrt((dx * dx) + (dy * dy));
            if (distance <= BossRules.ViewRange && distance > 0)
            {
                var (radius, height) = Size(boss);
                var beyond = 1 + ((BlastRange + radius) / distance);
                result.Add(new Sightline(boss, distance, radius, height, Crossings(x, y, x + (dx * beyond), y + (dy * beyond), distance)));
            }
        }

        return [.. result];
    }

    // Every line the segment crosses, with where (as a fraction of the distance to the boss) and the sectors either side
    // (Back -1 for a one-sided wall).
    private Crossing[] Crossings(double x1, double y1, double x2, double y2, double distance)
    {
        var geometry = _model.Geometry;
        var level = _model.Level;
        _cells.Clear();
        _lines.Clear();
        geometry.Grid.CellsOf(x1, y1, x2, y2, _cells);
        var length = Math.Sqrt(((x2 - x1) * (x2 - x1)) + ((y2 - y1) * (y2 - y1)));
        var crossings = new List<Crossing>();
        foreach (var gridCell in _cells)
        {
            foreach (var line in geometry.Grid.LinesInCell(gridCell % geometry.Grid.Columns, gridCell / geometry.Grid.Columns))
            {
                var (ax, ay, bx, by) = geometry.Segment(line);
                if (!_lines.Add(line) || !NavGrid.SegmentsCross(x1, y1, x2, y2, ax, ay, bx, by))
                {
                    continue;
                }

                ref readonly var def = ref level.Linedefs.ItemRef(line);
                var fraction = Fraction(x1, y1, x2, y2, ax, ay, bx, by) * length / distance;
                crossings.Add(def.BackSide < 0 || def.FrontSide < 0
                    ? new Crossing(fraction, -1, -1)
                    : new Crossing(fraction, level.Sidedefs[def.FrontSide].Sector, level.Sidedefs[def.BackSide].Sector));
            }
        }

        crossings.Sort((a, b) => a.Fraction.CompareTo(b.Fraction));
        return [.. crossings];
    }

    // Where along the segment (0 at its start, 1 at its end) it crosses the line.
    private static double Fraction(double x1, double y1, double x2, double y2, double ax, double ay, double bx, double by)
    {
        double dx = x2 - x1, dy = y2 - y1, ex = bx - ax, ey = by - ay;
        var denominator = (dx * ey) - (dy * ex);
        return Math.Max(1e-6, (((ax - x1) * ey) - ((ay - y1) * ex)) / denominator);
    }

    private readonly record struct Crossing(double Fraction, int Front, int Back);

    private sealed record Sightline(int Boss, double Distance, int Radius, int Height, Crossing[] Crossings);
}

/// <summary>How a boss that ends the level can be killed from a spot (<see cref="BossSight"/>), the surest last.</summary>
internal enum BossShot
{
    /// <summary>It cannot.</summary>
    None,

    /// <summary>Within 1024 units with no one-sided wall between; doors and ledges not looked at.</summary>
    PastWalls,

    /// <summary>A rocket fired level (from a floor the spot rides, maybe) hits it or bursts near enough.</summary>
    RocketBlast,

    /// <summary>In sight, as P_CheckSight has it.</summary>
    InSight,
}
