using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;
using static System.FormattableString;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// The run's ExitReached event: an exit line set off as Doom allows, an exit sector with the feet on its floor at 10
/// health or less, or a boss whose death ends the level.
/// </summary>
internal sealed class ExitCheck
{
    private const double MissileRange = 2048;

    private readonly Level _level;
    private readonly LevelGeometry _geometry;
    private readonly int _skill;
    private readonly PathSamples _path;
    private readonly SectorPlanes _planes;
    private readonly BodyHeight _body;
    private readonly PlayerInventory _inventory;
    private readonly LineLedger _ledger;
    private readonly LineTriggerCheck _triggers;
    private readonly AssumptionLog _assumptions;
    private readonly ViolationLog _violations;
    private readonly LineQuery _lines;

    public ExitCheck(Level level, LevelGeometry geometry, int skill, PathSamples path, SectorPlanes planes, BodyHeight body, PlayerInventory inventory,
        LineLedger ledger, LineTriggerCheck triggers, AssumptionLog assumptions, ViolationLog violations, LineQuery lines)
    {
        _lines = lines;
        _level = level;
        _geometry = geometry;
        _skill = skill;
        _path = path;
        _planes = planes;
        _body = body;
        _inventory = inventory;
        _ledger = ledger;
        _triggers = triggers;
        _assumptions = assumptions;
        _violations = violations;
    }

    public void Exit(ExplorerEvent e)
    {
        var (x, y) = _path.At(e.Tick) ?? (e.X, e.Y);
        if (e.Line is { } index && index >= 0 && index < _level.Linedefs.Length
            && _ledger.Rule(index) is { Effect: LineEffect.Exit or LineEffect.SecretExit } rule)
        {
            ExitByLine(e.Tick, index, rule, x, y);
            if (ScriptedLines.MoveAssumption(_level, _level.Linedefs[index]) is { } assumed)
            {
                _assumptions.Add($"{assumed}, set off by line {index}");
            }

            return;
        }

        // P_PlayerInSpecialSector: the centre's sector, feet on its floor; special 11 ends the level at 10 health or less.
        var sector = _geometry.SectorAt(x, y);
        if (sector >= 0)
        {
            var special = _planes.Special(sector);
            var info = _level.UsesDoomSpecials ? SectorSpecials.DescribeDoom(special) : SectorSpecials.DescribeZDoom(special);
            var floor = _planes.FloorAt(sector, x, y);
            var onFloor = _body.Z.Low <= floor.High + Slack.Height && _body.Z.High >= floor.Low - Slack.Height;
            if (info.EndsLevel && onFloor && _inventory.Health <= 10)
            {
                return;
            }

            if (info.EndsLevel)
            {
                _violations.Add(e.Tick, TrajectoryRules.ExitNotLegal, x, y, Invariant(
                    $"exit sector {sector} ends the level at 10 health or less with the feet on its floor; health is {_inventory.Health}, feet at {_body.Z}, floor {floor}"), ElementKind.Sector, sector);
                return;
            }
        }

        var bosses = BossDeathActions.For(_level).Where(a => a.Effect == BossEffect.ExitLevel && ThingPresence.AnyOfType(_level, a.MonsterType, _skill)).ToList();
        if (bosses.Count > 0)
        {
            // Shot (no line: a crusher's claim names its line): from where one of them stands in a bullet's reach.
            if (e.Line is null && !InReach(bosses, x, y))
            {
                _violations.Add(e.Tick, TrajectoryRules.BossOutOfReach, x, y, Invariant(
                    $"the exit was claimed by shooting a boss whose death ends the level, but none stands within {MissileRange} units of ({x:0.##}, {y:0.##}) past no one-sided wall"));
                return;
            }

            _assumptions.Add($"boss death assumed: {e.Detail ?? "a boss whose death ends the level"}");
            return;
        }

        var by = e.Line is { } other ? $"by line {other}, which is no exit," : "without a line";
        _violations.Add(e.Tick, TrajectoryRules.ExitNotLegal, x, y,
            $"the exit was claimed {by} in sector {sector}, which does not end the level, and no boss on {_level.Name} ends it", ElementKind.Sector, sector < 0 ? null : sector);
    }

    // P_LineAttack's reach (MISSILERANGE): no shot kills from further, and no shot passes a one-sided wall.
    private bool InReach(List<BossDeathAction> bosses, double x, double y)
    {
        foreach (var thing in _level.Things)
        {
            if (!ThingPresence.Exists(thing, _skill) || !bosses.Any(b => b.MonsterType == thing.Type) ||
                MapMath.Distance(x, y, thing.X, thing.Y) > MissileRange)
            {
                continue;
            }

            var walled = false;
            foreach (var line in _lines.AlongPath(x, y, thing.X, thing.Y))
            {
                ref readonly var def = ref _level.Linedefs.ItemRef(line);
                var (x1, y1, x2, y2) = _geometry.Segment(line);
                if ((def.BackSide < 0 || def.FrontSide < 0) && MapMath.PathCrossesSegment(x, y, thing.X, thing.Y, x1, y1, x2, y2))
                {
                    walled = true;
                    break;
                }
            }

            if (!walled)
            {
                return true;
            }
        }

        return false;
    }

    // An exit line's claim rests on its activation at the tic: one the checks allowed, or, when the run claims none, the
    // exit's own, checked now.
    private void ExitByLine(int tick, int index, LineRule rule, double x, double y)
    {
        if (_ledger.WasLegal(tick, index))
        {
            return;
        }

        if (!_ledger.WasClaimed(tick, index) && _triggers.Triggered(tick, index, rule, x, y, setOff: false))
        {
            return;
        }

        _violations.Add(tick, TrajectoryRules.ExitNotLegal, x, y,
            $"the exit by line {index} ({rule.Name}) rests on an activation Doom does not allow at tic {tick}", ElementKind.Line, index);
    }
}
