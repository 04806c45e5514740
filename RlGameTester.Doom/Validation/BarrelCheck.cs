using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Levels;
using static System.FormattableString;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// Claims that the body shot an explosive barrel: it must be a barrel of the skill still standing, in gun range and in
/// sight, and the body must stand out of the blast of every barrel that goes up with it (the run claims no damage from
/// them). Which barrels go up, and when each stops being solid, is worked out here from Doom's own numbers, and they
/// leave the solid things then.
/// </summary>
internal sealed class BarrelCheck
{
    private const int BarrelType = 2035;

    // P_RadiusAttack: 128 damage, less one for each unit the target's box is away on the farther axis (from its centre
    // less its radius), only to things in sight of the blast; a barrel has 20 health and radius 10.
    private const double Blast = 128;
    private const double BarrelRadius = 10;
    private const int BarrelHealth = 20;

    // The latest a shot barrel dies: four pistol bullets of 5 (the least), 14 tics apart from the first. A barrel stays
    // solid through its death states (S_BEXP to S_BEXP5, 35 tics) and blasts its neighbours 15 tics after it died.
    private const int LastShotTics = 3 * 14;
    private const int DeathTics = 35;
    private const int ExplodeTics = 15;

    private readonly Level _level;
    private readonly int _skill;
    private readonly LineReach _reach;
    private readonly SolidThings _solids;
    private readonly ViolationLog _violations;
    private readonly bool[] _gone;
    private readonly List<(int Tick, int Thing)> _due = [];

    public BarrelCheck(Level level, int skill, LineReach reach, SolidThings solids, ViolationLog violations)
    {
        _level = level;
        _skill = skill;
        _reach = reach;
        _solids = solids;
        _violations = violations;
        _gone = new bool[level.Things.Length];
    }

    /// <summary>Checks a shot and schedules the barrels it sets off to go.</summary>
    public void Shoot(Exploration.ExplorerEvent e)
    {
        var barrel = e.Thing ?? -1;
        if (barrel < 0 || barrel >= _level.Things.Length || _level.Things[barrel].Type != BarrelType ||
            !ThingPresence.Exists(_level.Things[barrel], _skill) || _gone[barrel])
        {
            _violations.Add(e.Tick, TrajectoryRules.BarrelNotThere, e.X, e.Y,
                $"thing {barrel} was shot as an explosive barrel, but no barrel of the skill stands there", ElementKind.Thing, barrel);
            return;
        }

        var target = _level.Things[barrel];
        if (_reach.ShootAt(e.X, e.Y, target.X, target.Y, $"barrel {barrel}") is { } failure)
        {
            _violations.Add(e.Tick, e.X, e.Y, failure with { ElementKind = ElementKind.Thing, ElementIndex = barrel });
            return;
        }

        foreach (var (thing, dies) in GoesUp(barrel, e.Tick + LastShotTics))
        {
            _gone[thing] = true;
            _due.Add((dies + DeathTics, thing));
            var source = _level.Things[thing];
            var distance = Math.Max(0, Math.Max(Math.Abs(source.X - e.X), Math.Abs(source.Y - e.Y)) - PlayerBody.Radius);
            if (distance < Blast && _reach.ShootAt(source.X, source.Y, e.X, e.Y, $"barrel {thing}'s blast") is null)
            {
                _violations.Add(e.Tick, TrajectoryRules.BarrelBlast, e.X, e.Y, Invariant(
                    $"the body stands {distance:0.#} units from barrel {thing}'s blast, which deals it {Blast - distance:0}, and the run claims no damage"), ElementKind.Thing, thing);
            }
        }
    }

    /// <summary>The barrels whose death states have run out by this tic stop blocking the body.</summary>
    public void Advance(int tick)
    {
        for (var i = _due.Count - 1; i >= 0; i--)
        {
            if (_due[i].Tick <= tick)
            {
                _solids.Remove(_due[i].Thing);
                _due.RemoveAt(i);
            }
        }
    }

    // The shot barrel and every barrel a blast sets off after it, each with the tic it dies.
    private List<(int Thing, int Dies)> GoesUp(int barrel, int dies)
    {
        var result = new List<(int, int)> { (barrel, dies) };
        for (var i = 0; i < result.Count; i++)
        {
            var (source, died) = result[i];
            var from = _level.Things[source];
            for (var t = 0; t < _level.Things.Length; t++)
            {
                var other = _level.Things[t];
                if (other.Type != BarrelType || _gone[t] || !ThingPresence.Exists(other, _skill) || result.Exists(r => r.Item1 == t))
                {
                    continue;
                }

                var distance = Math.Max(0, Math.Max(Math.Abs(other.X - from.X), Math.Abs(other.Y - from.Y)) - BarrelRadius);
                if (Blast - distance >= BarrelHealth && _reach.ShootAt(from.X, from.Y, other.X, other.Y, $"barrel {t}") is null)
                {
                    result.Add((t, died + ExplodeTics));
                }
            }
        }

        return result;
    }
}
