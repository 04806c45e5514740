using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Boom's carrying scrollers (252 carry, 253 scroll and carry): each tic they push every body standing on their tagged
/// sectors' floors by the line's vector / 32 times CARRYFACTOR (3/32). Against ground friction (29/32 kept a tic) the
/// push adds up to exactly the line's vector / 32 a tic: the speed a body is carried at, <see cref="Steady"/>. A body
/// touching two carrying sectors is pushed by both (Boom walks each sector's list of touching things).
/// </summary>
internal sealed class CarryingFloors
{
    /// <summary>The share of its momentum a body on the ground keeps each tic (Doom's friction, 0xE800 / 0x10000).</summary>
    public const double Friction = 0xE800 / 65536.0;

    private readonly double[] _x;
    private readonly double[] _y;

    // Per sector: its carry plus its fastest neighbour's.
    private readonly double[] _pair;

    public CarryingFloors(Level level, Dictionary<int, List<int>> sectorsByTag)
    {
        _x = new double[level.Sectors.Length];
        _y = new double[level.Sectors.Length];
        _pair = new double[level.Sectors.Length];
        if (!level.UsesDoomSpecials)
        {
            return;
        }

        for (var line = 0; line < level.Linedefs.Length; line++)
        {
            ref readonly var def = ref level.Linedefs.ItemRef(line);
            if (def.Special is not (252 or 253) || def.Tag == 0 || !sectorsByTag.TryGetValue(def.Tag, out var sectors))
            {
                continue;
            }

            var from = level.Vertices[def.Start];
            var to = level.Vertices[def.End];
            foreach (var sector in sectors)
            {
                // Several scrollers on one sector all push.
                _x[sector] += (to.X - from.X) / 32;
                _y[sector] += (to.Y - from.Y) / 32;
                Any = true;
            }
        }

        Fastest = FastestNear(level);
    }

    /// <summary>Some sector carries bodies.</summary>
    public bool Any { get; }

    /// <summary>The speed (map units a tic) a body standing on the sector's floor is carried at, once its momentum has built up.</summary>
    public (double X, double Y) Steady(int sector) => (_x[sector], _y[sector]);

    public bool Carries(int sector) => _x[sector] != 0 || _y[sector] != 0;

    /// <summary>
    /// The most any body may be carried in the level, map units a tic: a sector's carry plus all its neighbours' (a box
    /// on the lines between carrying sectors is pushed by each of them). A bound that errs high, for running jumps.
    /// </summary>
    public double Fastest { get; }

    /// <summary>
    /// The fastest a body is carried on the sector, or on the line between it and a neighbour (as on a belt made of many
    /// sectors), where a box is pushed by both. Where this is slower than a run, a player walks anywhere on it.
    /// </summary>
    public double FastestPair(int sector) => _pair[sector];

    private double Speed(int sector) => Math.Sqrt((_x[sector] * _x[sector]) + (_y[sector] * _y[sector]));

    private double FastestNear(Level level)
    {
        if (!Any)
        {
            return 0;
        }

        var near = new double[_x.Length];
        var counted = new HashSet<(int, int)>();
        for (var s = 0; s < near.Length; s++)
        {
            near[s] = _pair[s] = Speed(s);
        }

        foreach (var line in level.Linedefs)
        {
            if (line.FrontSide < 0 || line.BackSide < 0)
            {
                continue;
            }

            int a = level.Sidedefs[line.FrontSide].Sector, b = level.Sidedefs[line.BackSide].Sector;
            if (a != b && counted.Add((Math.Min(a, b), Math.Max(a, b))))
            {
                near[a] += Speed(b);
                near[b] += Speed(a);
                _pair[a] = Math.Max(_pair[a], Speed(a) + Speed(b));
                _pair[b] = Math.Max(_pair[b], Speed(a) + Speed(b));
            }
        }

        return near.Max();
    }
}
