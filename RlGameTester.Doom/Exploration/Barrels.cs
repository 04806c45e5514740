namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Explosive barrels the body shoots out of its way, as players do: a barrel (20 health, solid) in a corridor is a
/// wall until it is shot. The body shoots only barrels that keep it out of a cell next to one it can reach, from a spot
/// in sight of the barrel and out of the blast of every barrel that goes up with it (P_RadiusAttack: 128 damage, less
/// one for each unit the target's box is away on the farther axis; a barrel hit for 20 explodes too).
/// </summary>
internal sealed class Barrels
{
    public const int Type = 2035;

    private const double Blast = 128;
    private const double BarrelRadius = 10;
    private const int BarrelHealth = 20;

    // The pistol's worst case: 5 a bullet (5, 10 or 15), a shot every 14 tics, so the fourth (at 42) kills it. A
    // barrel stays solid until its death states end (S_BEXP to S_BEXP5: 35 tics), and sets off its neighbours at
    // A_Explode, 15 tics after it died.
    private const int KillTics = 3 * 14;
    private const int DeathTics = 35;
    private const int ChainTics = 15;

    // Out of the blast (128 beyond the body's 16-unit half-width) by a cell's width, for the 8-unit grid.
    private static readonly double SafeDistance = Blast + NavGrid.BodyRadius + 8;

    private readonly LevelModel _model;
    private readonly LevelState _state;
    private readonly List<int> _barrels = [];
    private readonly List<int> _wanted = [];
    private readonly Dictionary<(int Cell, int Barrel), (int Version, bool Clear)> _sight = [];
    private readonly List<int> _scratch = [];
    private readonly Dictionary<int, (int Version, List<(int Barrel, int GoneAfter)> Explosions)> _explosions = [];

    public Barrels(LevelModel model, LevelState state)
    {
        _model = model;
        _state = state;
        for (var t = 0; t < model.Level.Things.Length; t++)
        {
            if (model.ThingPresent[t] && model.Level.Things[t].Type == Type)
            {
                _barrels.Add(t);
            }
        }
    }

    /// <summary>Finds the barrels in the way: a cell one keeps the body out of is next to a cell it can reach.</summary>
    public bool FindWanted(Reachability reach)
    {
        _wanted.Clear();
        var grid = _model.Grid;
        foreach (var barrel in _barrels)
        {
            if (_model.ThingPresent[barrel] && BlocksNextTo(barrel, reach, grid))
            {
                _wanted.Add(barrel);
            }
        }

        return _wanted.Count > 0;
    }

    /// <summary>
    /// A barrel in the way that the body can shoot from the cell without being caught in the blast, or null. Never from
    /// a damaging floor: the wait for the barrels to go would cost health the trip there did not count.
    /// </summary>
    public int? ShotAt(int cell)
    {
        var grid = _model.Grid;
        if (_wanted.Count == 0 || _state.IsDamaging(grid.CenterSector[cell]))
        {
            return null;
        }

        double x = grid.X(cell), y = grid.Y(cell);
        foreach (var barrel in _wanted)
        {
            var thing = _model.Level.Things[barrel];
            double dx = thing.X - x, dy = thing.Y - y;
            if ((dx * dx) + (dy * dy) <= LevelModel.GunRange * LevelModel.GunRange && Math.Max(Math.Abs(dx), Math.Abs(dy)) >= SafeDistance &&
                InSight(cell, x, y, barrel) && Explosions(barrel).TrueForAll(e => Chebyshev(e.Barrel, x, y) >= SafeDistance))
            {
                return barrel;
            }
        }

        return null;
    }

    /// <summary>
    /// The barrels that go up when <paramref name="barrel"/> is shot, each with the tic (after the shot) it stops
    /// being solid: a barrel explodes when a blast in sight of it deals it 20 or more.
    /// </summary>
    public List<(int Barrel, int GoneAfter)> Explosions(int barrel)
    {
        if (_explosions.TryGetValue(barrel, out var known) && known.Version == _state.HeightsVersion)
        {
            return known.Explosions;
        }

        var result = new List<(int, int)> { (barrel, KillTics + DeathTics) };
        var dies = new Dictionary<int, int> { [barrel] = KillTics };
        for (var i = 0; i < result.Count; i++)
        {
            var (from, _) = result[i];
            var source = _model.Level.Things[from];
            foreach (var other in _barrels)
            {
                if (dies.ContainsKey(other) || !_model.ThingPresent[other])
                {
                    continue;
                }

                var distance = Math.Max(0, Chebyshev(other, source.X, source.Y) - BarrelRadius);
                var target = _model.Level.Things[other];
                if (Blast - distance >= BarrelHealth && ClearBetween(source.X, source.Y, target.X, target.Y))
                {
                    dies[other] = dies[from] + ChainTics;
                    result.Add((other, dies[other] + DeathTics));
                }
            }
        }

        _explosions[barrel] = (_state.HeightsVersion, result);
        return result;
    }

    /// <summary>The barrels have gone up: out of the level, and out of the grid.</summary>
    public List<int> Remove(List<(int Barrel, int GoneAfter)> explosions)
    {
        var freed = new List<int>();
        foreach (var (barrel, _) in explosions)
        {
            _model.ThingPresent[barrel] = false;
        }

        foreach (var (barrel, _) in explosions)
        {
            freed.AddRange(_model.Grid.RemoveThing(barrel, t => _model.ThingPresent[t]));
        }

        _explosions.Clear();
        return freed;
    }

    private double Chebyshev(int barrel, double x, double y)
    {
        var thing = _model.Level.Things[barrel];
        return Math.Max(Math.Abs(thing.X - x), Math.Abs(thing.Y - y));
    }

    private static bool BlocksNextTo(int barrel, Reachability reach, NavGrid grid)
    {
        foreach (var c in grid.CellsUnder(barrel))
        {
            if (grid.Blocked[c] != NavGrid.ThingBlocked || grid.BlockingElement[c] != barrel)
            {
                continue;
            }

            for (var d = 0; d < 8; d++)
            {
                if (reach.InReach(c + grid.Offsets[d]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // A hitscan from the body's cell to the barrel's centre (PTR_ShootTraverse stops at one-sided lines and closed
    // openings; P_AimLineAttack aims at the first shootable thing on the way, and a barrel in front of it goes up too).
    private bool InSight(int cell, double x, double y, int barrel)
    {
        var key = (cell, barrel);
        if (_sight.TryGetValue(key, out var known) && known.Version == _state.HeightsVersion)
        {
            return known.Clear;
        }

        var thing = _model.Level.Things[barrel];
        var clear = ClearBetween(x, y, thing.X, thing.Y);
        _sight[key] = (_state.HeightsVersion, clear);
        return clear;
    }

    private bool ClearBetween(double x1, double y1, double x2, double y2)
    {
        var level = _model.Level;
        var heights = _state.Heights;
        return TraceLines.Clear(_model.Geometry, x1, y1, x2, y2, -1, _scratch, line => TraceLines.Shut(level, line, heights.Ceiling, heights.FloorHigh));
    }
}
