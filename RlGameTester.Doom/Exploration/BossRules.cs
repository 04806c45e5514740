using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// What the deaths of a level's bosses do, on this skill: sectors a boss death moves (E1M8, E4M6, E4M8, MAP07,
/// Commander Keen), and bosses whose death ends the level (E2M8, E3M8, the Icon of Sin), with the spots from which
/// the agent may shoot such a boss: within 2048 units (the reach of Doom's hitscan, MISSILERANGE in P_LineAttack), past
/// every one-sided wall. <see cref="BossSight"/> says from which of them it can be shot as the heights are.
/// </summary>
internal sealed class BossRules
{
    /// <summary>How far from a boss a player shoots it.</summary>
    public const double ViewRange = 2048;

    private readonly List<(int Tag, BossEffect Effect, int Monster)> _pending = [];
    private readonly List<(int Thing, int Special, SpecialArgs Args, int? Script)> _pendingThings = [];

    public BossRules(LevelModel model)
    {
        foreach (var action in BossDeathActions.For(model.Level))
        {
            if (!TypeOnSkill(model, action.MonsterType))
            {
                continue;
            }

            if (action.Tag is { } tag && model.Level.UsesDoomSpecials)
            {
                _pending.Add((tag, action.Effect, action.MonsterType));
            }
            else if (action.Effect == BossEffect.ExitLevel && CanDie(model, action.MonsterType))
            {
                ExitTypes.Add(action.MonsterType);
                ExitThings.AddRange(Enumerable.Range(0, model.Level.Things.Length).Where(t => model.ThingPresent[t] && model.Level.Things[t].Type == action.MonsterType));
                ExitCells ??= new bool[model.Grid.Count];
                MarkViewCells(model, action.MonsterType, ExitCells);
            }
        }

        // Things of one type with one special die alike: read once (Super Sonic Doom has hundreds that start scripts).
        var scripts = new HashSet<int>();
        var read = new Dictionary<(int Type, int Special, SpecialArgs Args), (int Special, SpecialArgs Args, int? Script)?>();
        for (var t = 0; t < model.Level.Things.Length; t++)
        {
            var thing = model.Level.Things[t];
            if (!model.ThingPresent[t] || thing.Special == 0)
            {
                continue;
            }

            var key = (thing.Type, thing.Special, thing.Args);
            if (!read.TryGetValue(key, out var death))
            {
                read[key] = death = ThingSpecials.OnDeath(model.Level, thing);
            }

            // A script that counts the dead moves once, whichever of its things dies last: one of them stands for all.
            if (death is { } d && (d.Script is not { } script || scripts.Add(script)))
            {
                _pendingThings.Add((t, d.Special, d.Args, d.Script));
            }
        }
    }

    /// <summary>
    /// Things whose death runs a sector move of their own special or script (<see cref="ThingSpecials"/>; one thing for
    /// each script), not yet assumed dead.
    /// </summary>
    public IReadOnlyList<(int Thing, int Special, SpecialArgs Args, int? Script)> PendingThings => _pendingThings;

    /// <summary>Boss-triggered sector moves not yet assumed to have happened.</summary>
    public IReadOnlyList<(int Tag, BossEffect Effect, int Monster)> Pending => _pending;

    /// <summary>Thing types whose death ends the level.</summary>
    public List<int> ExitTypes { get; } = [];

    /// <summary>The things on this skill whose death ends the level.</summary>
    public List<int> ExitThings { get; } = [];

    /// <summary>
    /// Cells from which a boss that ends the level may be in view (no one-sided wall between), or null when there is
    /// none; <see cref="BossSight"/> says whether it is, at the heights of the moment.
    /// </summary>
    public bool[]? ExitCells { get; }

    public void ClearPending()
    {
        _pending.Clear();
        _pendingThings.Clear();
    }

    public static string EffectText(BossEffect effect) => effect switch
    {
        BossEffect.LowerFloor => "lower their floor",
        BossEffect.RaiseFloor => "raise their floor",
        BossEffect.OpenDoor => "open",
        _ => "end the level",
    };

    // A mod's actor that is neither a monster nor shootable never reaches its death state by the player's hand: its
    // A_BrainDie is no way for the agent to end the level (the proof still counts it, as a limit).
    private static bool CanDie(LevelModel model, int type) =>
        !model.Level.Actors.Shapes.TryGetValue(type, out var shape) || shape.IsMonster || shape.Shootable;

    private static bool TypeOnSkill(LevelModel model, int type)
    {
        for (var t = 0; t < model.Level.Things.Length; t++)
        {
            if (model.ThingPresent[t] && model.Level.Things[t].Type == type)
            {
                return true;
            }
        }

        return false;
    }

    private static void MarkViewCells(LevelModel model, int monsterType, bool[] cells)
    {
        var grid = model.Grid;
        var scratch = new List<int>();
        for (var t = 0; t < model.Level.Things.Length; t++)
        {
            var thing = model.Level.Things[t];
            if (!model.ThingPresent[t] || thing.Type != monsterType)
            {
                continue;
            }

            var reach = (int)Math.Ceiling(ViewRange / grid.CellSize);
            var center = grid.CellAt(thing.X, thing.Y);
            int col0 = center % grid.Columns, row0 = center / grid.Columns;

            // Every other cell is enough to find a spot; its neighbours are marked with it.
            for (var r = Math.Max(1, row0 - reach); r <= Math.Min(grid.Rows - 2, row0 + reach); r += 2)
            {
                for (var c = Math.Max(1, col0 - reach); c <= Math.Min(grid.Columns - 2, col0 + reach); c += 2)
                {
                    var cellIndex = (r * grid.Columns) + c;
                    if (grid.Blocked[cellIndex] != NavGrid.Free)
                    {
                        continue;
                    }

                    double x = grid.X(cellIndex), y = grid.Y(cellIndex);
                    if (((x - thing.X) * (x - thing.X)) + ((y - thing.Y) * (y - thing.Y)) > ViewRange * ViewRange ||
                        grid.WallBetween(x, y, thing.X, thing.Y, -1, scratch))
                    {
                        continue;
                    }

                    cells[cellIndex] = true;
                    cells[cellIndex + 1] = true;
                    cells[cellIndex + grid.Columns] = true;
                    cells[cellIndex + grid.Columns + 1] = true;
                }
            }
        }
    }
}
