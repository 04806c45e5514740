using System.Globalization;
using System.Text.RegularExpressions;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Validation;

/// <summary>Line activations, teleports, assumed boss actions and exits.</summary>
internal sealed partial class ValidationRun
{
    // Walk-over lines are checked on the moves around the event's tic: the event may be stamped at the tic before the
    // move that crosses, or a tic or two after it.
    private const int WalkWindowBefore = 1;
    private const int WalkWindowAfter = 2;

    // Closer than this to a line, a centre is on it.
    private const double OnLine = 1e-6;

    private void Activate(ExplorerEvent e)
    {
        if (e.Line is not { } index)
        {
            BossAction(e);
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

        var legal = Triggered(e.Tick, index, rule, x, y, apply: true);
        if (legal)
        {
            _ledger.AddLegal(e.Tick, index);
        }

        if (rule.Effect is not (LineEffect.Teleport or LineEffect.Exit or LineEffect.SecretExit))
        {
            foreach (var change in _mover.ForLine(index, rule))
            {
                _planeChanges.Apply(e.Tick, change, _lastTick);
            }
        }
    }

    /// <summary>Checks how a line was set off (and uses up a one-shot special); true when Doom allows it.</summary>
    private bool Triggered(int tick, int index, LineRule rule, double x, double y, bool apply)
    {
        var legal = true;
        if (!_ledger.IsActive(index))
        {
            _violations.Add(tick, TrajectoryRules.LineAlreadyUsed, x, y,
                $"line {index} ({rule.Name}) was set off again, but Doom cleared its one-shot special the first time", ElementKind.Line, index);
            legal = false;
        }

        var failure = rule.Trigger switch
        {
            PlayerTrigger.Use => _reach.Use(x, y, index),
            PlayerTrigger.Gun => _reach.Shoot(x, y, index),
            PlayerTrigger.Push => _reach.Push(x, y, index),
            _ => Crossed(tick, index, frontToBack: false),
        };
        if (failure is not null)
        {
            _violations.Add(tick, x, y, failure);
            legal = false;
        }

        if (rule.Keys is { } needed && !needed.IsSatisfiedBy(_inventory.Keys))
        {
            _violations.Add(tick, TrajectoryRules.KeyMissing, x, y,
                $"line {index} ({rule.Name}) needs the {needed.Description}; keys held: {(_inventory.Keys == DoomKeys.None ? "none" : _inventory.Keys.ToString())}", ElementKind.Line, index);
            legal = false;
        }

        if (apply)
        {
            _ledger.SetOff(index, rule);
        }

        return legal;
    }

    /// <summary>
    /// P_TryMove's crossing test: the centre changes side of the line (P_PointOnLineSide) on a move whose new box touches
    /// the line (the spechit list), on one of the moves around the tic.
    /// </summary>
    private ReachFailure? Crossed(int tick, int index, bool frontToBack)
    {
        var (x1, y1, x2, y2) = _geometry.Segment(index);
        var nearest = double.PositiveInfinity;
        for (var t = tick - WalkWindowBefore; t <= tick + WalkWindowAfter; t++)
        {
            if (_path.MoveEndingAt(t) is not var (ax, ay, bx, by))
            {
                continue;
            }

            nearest = Math.Min(nearest, Math.Min(MapMath.DistanceToSegment(ax, ay, x1, y1, x2, y2), MapMath.DistanceToSegment(bx, by, x1, y1, x2, y2)));
            // Sides by signed distance, a centre exactly on the line being on either (a body a hair off it is).
            var from = Side(MapMath.SignedDistance(ax, ay, x1, y1, x2, y2));
            var to = Side(MapMath.SignedDistance(bx, by, x1, y1, x2, y2));
            if (from * to > 0 || (from == 0 && to == 0) || (frontToBack && (from < 0 || to > 0)))
            {
                continue;
            }

            // Moves longer than 15 units on an axis are made in two halves (P_XYMovement), so the half-way box counts too.
            double mx = (ax + bx) / 2, my = (ay + by) / 2;
            if (MapMath.BoxCrossesLine(bx, by, PlayerBody.ReachingRadius, x1, y1, x2, y2)
                || MapMath.BoxCrossesLine(mx, my, PlayerBody.ReachingRadius, x1, y1, x2, y2))
            {
                return null;
            }
        }

        var rule = frontToBack ? TrajectoryRules.TeleportNotCrossed : TrajectoryRules.WalkNotCrossed;
        var what = frontToBack ? "from its front to its back" : "with the box touching it";

        // Positions are where the body is at the end of each tic; Doom crosses lines during a tic's move. A line within
        // one tic's run of the claim is crossed between the samples (the teleport's arrival is checked on its own).
        var between = nearest <= PlayerBody.MaxRunSpeed;
        return new ReachFailure(rule, Invariant(
            $"the centre did not cross line {index} {what} in tics {tick - WalkWindowBefore} to {tick + WalkWindowAfter} (nearest {nearest:0.#} units)"), ElementKind.Line, index)
        {
            WithinGrid = between,
        };
    }

    private static int Side(double signedDistance) => signedDistance > OnLine ? 1 : signedDistance < -OnLine ? -1 : 0;

    private void Teleport(ExplorerEvent e)
    {
        var (x, y) = _path.At(e.Tick) ?? (e.X, e.Y);
        if (e.Line is not { } index || index < 0 || index >= _level.Linedefs.Length
            || _ledger.Rule(index) is not { Effect: LineEffect.Teleport, MonstersOnly: false } rule)
        {
            _violations.Add(e.Tick, TrajectoryRules.TeleportDestination, x, y, $"line {e.Line?.ToString(CultureInfo.InvariantCulture) ?? "(none)"} is no teleport a player can use",
                ElementKind.Line, e.Line);
            return;
        }

        _ledger.AddClaimed(e.Tick, index);
        if (rule.Trigger == PlayerTrigger.Walk)
        {
            CheckTeleportCrossing(e.Tick, index, x, y);
        }
        else
        {
            Triggered(e.Tick, index, rule, x, y, apply: false);
        }

        if (rule.Trigger == PlayerTrigger.Walk && !_ledger.IsActive(index))
        {
            _violations.Add(e.Tick, TrajectoryRules.LineAlreadyUsed, x, y,
                $"line {index} ({rule.Name}) was set off again, but Doom cleared its one-shot special the first time", ElementKind.Line, index);
        }

        _ledger.SetOff(index, rule);
        var destinations = _teleports.For(index);
        if (destinations.Count == 0)
        {
            _violations.Add(e.Tick, TrajectoryRules.TeleportDestination, x, y,
                $"line {index} has no teleport destination on this skill; EV_Teleport does nothing", ElementKind.Line, index);
            return;
        }

        var next = _path.Has(e.Tick + 1) ? _path.At(e.Tick + 1) : null;
        foreach (var thing in destinations)
        {
            var destination = _level.Things[thing];
            var claimedOk = e.ToX is { } toX && e.ToY is { } toY && MapMath.Distance(toX, toY, destination.X, destination.Y) <= Slack.Place;
            var arrival = next is { } n ? MapMath.Distance(n.X, n.Y, destination.X, destination.Y) : double.PositiveInfinity;
            if (claimedOk && arrival <= Slack.GridSnap)
            {
                if (arrival > Slack.Place)
                {
                    _assumptions.Add(Invariant($"teleport arrivals are the explorer's grid cell nearest the destination (up to {Slack.GridSnap - Slack.Place:0.##} units off)"));
                }

                return;
            }
        }

        var first = _level.Things[destinations[0]];
        var arrived = next is { } p ? Invariant($"({p.X:0.##}, {p.Y:0.##})") : "nowhere (no next position)";
        _violations.Add(e.Tick, TrajectoryRules.TeleportDestination, x, y, Invariant(
            $"line {index} sends the body to thing {destinations[0]} at ({first.X:0}, {first.Y:0}); the run claims ({e.ToX:0.##}, {e.ToY:0.##}) and is next at {arrived}"),
            ElementKind.Thing, destinations[0]);
    }

    private void CheckTeleportCrossing(int tick, int index, double x, double y)
    {
        if (Crossed(tick, index, frontToBack: true) is { } failure)
        {
            _violations.Add(tick, x, y, failure);
        }
    }

    // A LineActivated event without a line: the explorer assumes a boss death (A_BossDeath, A_KeenDie).
    private void BossAction(ExplorerEvent e)
    {
        var (x, y) = _path.At(e.Tick) ?? (e.X, e.Y);
        var detail = e.Detail ?? string.Empty;
        var tagMatch = Regex.Match(detail, @"tagged (\d+)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        int? tag = tagMatch.Success ? int.Parse(tagMatch.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        var actions = BossDeathActions.For(_level.Name)
            .Where(a => a.Tag is not null && (tag is null || a.Tag == tag) && BossPresent(a.MonsterType))
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
                _planeChanges.Apply(e.Tick, change, _lastTick);
            }
        }
    }

    private bool BossPresent(int type)
    {
        foreach (var thing in _level.Things)
        {
            if (thing.Type == type && ThingPresence.Exists(thing, _skill))
            {
                return true;
            }
        }

        return false;
    }

    private void Exit(ExplorerEvent e)
    {
        var (x, y) = _path.At(e.Tick) ?? (e.X, e.Y);
        if (e.Line is { } index && index >= 0 && index < _level.Linedefs.Length
            && _ledger.Rule(index) is { Effect: LineEffect.Exit or LineEffect.SecretExit } rule)
        {
            ExitByLine(e.Tick, index, rule, x, y);
            return;
        }

        // P_PlayerInSpecialSector: the centre's sector, feet on its floor; special 11 ends the level at 10 health or less.
        var sector = _geometry.SectorAt(x, y);
        if (sector >= 0)
        {
            var special = _planes.Special(sector);
            var info = _level.UsesDoomSpecials ? SectorSpecials.DescribeDoom(special) : SectorSpecials.DescribeZDoom(special);
            var onFloor = _body.Z.Low <= _planes.Floor(sector).High + Slack.Height && _body.Z.High >= _planes.Floor(sector).Low - Slack.Height;
            if (info.EndsLevel && onFloor && _inventory.Health <= 10)
            {
                return;
            }

            if (info.EndsLevel)
            {
                _violations.Add(e.Tick, TrajectoryRules.ExitNotLegal, x, y, Invariant(
                    $"exit sector {sector} ends the level at 10 health or less with the feet on its floor; health is {_inventory.Health}, feet at {_body.Z}, floor {_planes.Floor(sector)}"), ElementKind.Sector, sector);
                return;
            }
        }

        var bosses = BossDeathActions.For(_level.Name).Where(a => a.Effect == BossEffect.ExitLevel && BossPresent(a.MonsterType)).ToList();
        if (bosses.Count > 0)
        {
            _assumptions.Add($"boss death assumed: {e.Detail ?? "a boss whose death ends the level"}");
            return;
        }

        var by = e.Line is { } other ? $"by line {other}, which is no exit," : "without a line";
        _violations.Add(e.Tick, TrajectoryRules.ExitNotLegal, x, y,
            $"the exit was claimed {by} in sector {sector}, which does not end the level, and no boss on {_level.Name} ends it", ElementKind.Sector, sector < 0 ? null : sector);
    }

    private void ExitByLine(int tick, int index, LineRule rule, double x, double y)
    {
        if (_ledger.WasLegal(tick, index))
        {
            return;
        }

        if (!_ledger.WasClaimed(tick, index) && Triggered(tick, index, rule, x, y, apply: false))
        {
            return;
        }

        _violations.Add(tick, TrajectoryRules.ExitNotLegal, x, y,
            $"the exit by line {index} ({rule.Name}) rests on an activation Doom does not allow at tic {tick}", ElementKind.Line, index);
    }
}
