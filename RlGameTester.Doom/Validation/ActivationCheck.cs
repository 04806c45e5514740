using System.Globalization;
using System.Text.RegularExpressions;
using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// The run's LineActivated events: a line the player set off (checked against its rule, then its plane changes made),
/// a walk-over line a voodoo doll crossed (the event names the doll; its crossing is assumed), or, without a line, a boss
/// death the explorer assumes (A_BossDeath, A_KeenDie) or the death of a thing whose own special moves sectors
/// (<see cref="ThingSpecials"/>; the event names the thing).
/// </summary>
internal sealed class ActivationCheck
{
    private readonly Level _level;
    private readonly int _skill;
    private readonly PathSamples _path;
    private readonly LineLedger _ledger;
    private readonly LineTriggerCheck _triggers;
    private readonly PlaneMover _mover;
    private readonly PlaneChanges _planeChanges;
    private readonly LineBlocking _blocking;
    private readonly AssumptionLog _assumptions;
    private readonly ViolationLog _violations;

    public ActivationCheck(Level level, int skill, PathSamples path, LineLedger ledger, LineTriggerCheck triggers, PlaneMover mover,
        PlaneChanges planeChanges, LineBlocking blocking, AssumptionLog assumptions, ViolationLog violations)
    {
        _blocking = blocking;
        _level = level;
        _skill = skill;
        _path = path;
        _ledger = ledger;
        _triggers = triggers;
        _mover = mover;
        _planeChanges = planeChanges;
        _assumptions = assumptions;
        _violations = violations;
    }

    /// <summary>Checks the event; <paramref name="bodyTick"/> is the tic the body was last placed at, for the plane changes.</summary>
    public void Activate(ExplorerEvent e, int bodyTick)
    {
        if (e.Line is not { } index)
        {
            if (e.Thing is { } thing)
            {
                DeathSpecial(e, thing, bodyTick);
            }
            else
            {
                BossAction(e, bodyTick);
            }

            return;
        }

        var (x, y) = _path.At(e.Tick) ?? (e.X, e.Y);
        if (index < 0 || index >= _level.Linedefs.Length)
        {
            _violations.Add(e.Tick, TrajectoryRules.NotPlayerTriggerable, x, y, $"line {index} does not exist");
            return;
        }

        _ledger.AddClaimed(e.Tick, index);
        var line = _level.Linedefs[index];
        var rule = _ledger.Rule(index);
        if (rule is null || rule.Trigger == PlayerTrigger.None || rule.MonstersOnly)
        {
            var why = rule is null ? $"special {line.Special} is none Doom knows"
                : rule.MonstersOnly ? $"{rule.Name} is set off by monsters only; a player crossing it does nothing"
                : $"{rule.Name} has no player trigger";
            _violations.Add(e.Tick, TrajectoryRules.NotPlayerTriggerable, x, y, $"line {index} was claimed set off, but {why}", ElementKind.Line, index);
            return;
        }

        var byDoll = e.Thing is not null;
        if (byDoll && !IsDollCrossing(e, index, rule, x, y))
        {
            return;
        }

        if (_triggers.Triggered(e.Tick, index, rule, x, y, setOff: true, byDoll))
        {
            _ledger.AddLegal(e.Tick, index);
        }

        if (rule.Effect is not (LineEffect.Teleport or LineEffect.Exit or LineEffect.SecretExit))
        {
            // A script read as its move once its monsters are dead: made now, assumed (gates: LineBlocking, when passed).
            if (ScriptedLines.MoveAssumption(_level, line) is { } assumed)
            {
                _assumptions.Add($"{assumed}, set off by line {index}");
            }

            foreach (var change in _mover.ForLine(index, rule))
            {
                _planeChanges.Apply(e.Tick, change, bodyTick);
            }

            _blocking.SetOff(index);
        }
    }

    // A voodoo doll is an earlier player 1 start (P_SpawnPlayer gives the player the last); it is the player's body, so it
    // sets off what the player does by walking over a line. That a conveyor carried it over the line is assumed.
    private bool IsDollCrossing(ExplorerEvent e, int index, LineRule rule, double x, double y)
    {
        var doll = e.Thing!.Value;
        var isDoll = doll >= 0 && doll < _level.Things.Length && _level.Things[doll].Type == 1 && doll != ThingPresence.PlayerStart(_level);
        if (!isDoll || rule.Trigger != PlayerTrigger.Walk)
        {
            _violations.Add(e.Tick, TrajectoryRules.NotPlayerTriggerable, x, y,
                $"line {index} was claimed set off by thing {doll}, but {(isDoll ? $"{rule.Name} is not set off by walking over it" : "that thing is no voodoo doll")}", ElementKind.Line, index);
            return false;
        }

        _assumptions.Add($"voodoo doll crossing assumed: {e.Detail}");
        return true;
    }

    /// <summary>An item picked up runs its own special (<see cref="ThingSpecials.OnPickup"/>): its plane changes are made.</summary>
    public void Pickup(ExplorerEvent e, int bodyTick)
    {
        if (e.Thing is { } index && index >= 0 && index < _level.Things.Length && ThingSpecials.OnPickup(_level, _level.Things[index]) is var (special, args))
        {
            foreach (var change in _mover.ForThingSpecial(special, args, $"pickup of thing {index} (special {special})"))
            {
                _planeChanges.Apply(e.Tick, change, bodyTick);
            }
        }
    }

    // A LineActivated event without a line that names a thing: the explorer assumes the thing died and ran its special.
    private void DeathSpecial(ExplorerEvent e, int index, int bodyTick)
    {
        var (x, y) = _path.At(e.Tick) ?? (e.X, e.Y);
        if (index < 0 || index >= _level.Things.Length || !ThingPresence.Exists(_level.Things[index], _skill) ||
            ThingSpecials.OnDeath(_level, _level.Things[index]) is not { } death)
        {
            _violations.Add(e.Tick, TrajectoryRules.BossActionUnknown, x, y,
                $"thing {index} is no thing on this skill whose death runs a special that moves sectors (\"{e.Detail}\")", ElementKind.Thing, index);
            return;
        }

        _assumptions.Add($"death assumed: {e.Detail}");
        foreach (var change in _mover.ForThingSpecial(death.Special, death.Args, $"death of thing {index} (special {death.Special})"))
        {
            _planeChanges.Apply(e.Tick, change, bodyTick);
        }
    }

    // A LineActivated event without a line: the explorer assumes a boss death (A_BossDeath, A_KeenDie).
    private void BossAction(ExplorerEvent e, int bodyTick)
    {
        var (x, y) = _path.At(e.Tick) ?? (e.X, e.Y);
        var detail = e.Detail ?? string.Empty;
        var tagMatch = Regex.Match(detail, @"tagged (\d+)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        int? tag = tagMatch.Success ? int.Parse(tagMatch.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        var actions = BossDeathActions.For(_level)
            .Where(a => a.Tag is not null && (tag is null || a.Tag == tag) && ThingPresence.AnyOfType(_level, a.MonsterType, _skill))
            .ToList();
        if (actions.Count == 0)
        {
            _violations.Add(e.Tick, TrajectoryRules.BossActionUnknown, x, y,
                $"no boss on {_level.Name} at this skill acts on {(tag is null ? "any tag" : $"tag {tag}")} (\"{detail}\")");
            return;
        }

        foreach (var action in actions)
        {
            _assumptions.Add($"boss death assumed: {detail}");
            foreach (var change in _mover.ForBoss(action, $"boss death of type {action.MonsterType}, tag {action.Tag}"))
            {
                _planeChanges.Apply(e.Tick, change, bodyTick);
            }
        }
    }
}
