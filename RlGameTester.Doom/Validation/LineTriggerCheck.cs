using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Specials;
using static System.FormattableString;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// Whether Doom lets the body set a line off the way its rule says (use reach and trace, gun sight, the walk-over
/// crossing of P_TryMove, keys, a one-shot special not used up), and which walk-over lines a move crosses that the run
/// does not claim.
/// </summary>
internal sealed class LineTriggerCheck
{
    // Walk-over lines are checked on the moves around the event's tic: the event may be stamped at the tic before the
    // move that crosses, or a tic or two after it.
    private const int WalkWindowBefore = 1;
    private const int WalkWindowAfter = 2;

    // Closer than this to a line, a centre is on it.
    private const double OnLine = 1e-6;

    private readonly LevelGeometry _geometry;
    private readonly PathSamples _path;
    private readonly LineQuery _lines;
    private readonly LineReach _reach;
    private readonly LineLedger _ledger;
    private readonly PlayerInventory _inventory;
    private readonly ViolationLog _violations;

    public LineTriggerCheck(LevelGeometry geometry, PathSamples path, LineQuery lines, LineReach reach, LineLedger ledger, PlayerInventory inventory, ViolationLog violations)
    {
        _geometry = geometry;
        _path = path;
        _lines = lines;
        _reach = reach;
        _ledger = ledger;
        _inventory = inventory;
        _violations = violations;
    }

    /// <summary>
    /// Checks how a line was set off, and with <paramref name="setOff"/> uses up a one-shot special; true when Doom
    /// allows it. With <paramref name="byDoll"/> a voodoo doll crossed it: where and how is assumed, the rest checked.
    /// </summary>
    public bool Triggered(int tick, int index, LineRule rule, double x, double y, bool setOff, bool byDoll = false)
    {
        var legal = true;
        if (!_ledger.IsActive(index))
        {
            _violations.Add(tick, TrajectoryRules.LineAlreadyUsed, x, y,
                $"line {index} ({rule.Name}) was set off again, but Doom cleared its one-shot special the first time", ElementKind.Line, index);
            legal = false;
        }

        var failure = byDoll ? null : rule.Trigger switch
        {
            PlayerTrigger.Use => _reach.Use(x, y, index),
            PlayerTrigger.Gun => _reach.Shoot(x, y, index),
            PlayerTrigger.Push => _reach.Push(x, y, index),
            _ => Crossed(tick, index, frontToBack: rule.FrontSideOnly, TrajectoryRules.WalkNotCrossed),
        };
        if (failure is not null && rule.Shootable && _reach.Shoot(x, y, index) is null)
        {
            // Not set off the line's first way, but by a shot it also answers to.
            failure = null;
        }

        if (failure is not null)
        {
            _violations.Add(tick, x, y, failure);
            legal = false;
        }

        var keys = _inventory.Keys;
        if (rule.Keys is { } needed && !needed.IsSatisfiedBy(keys))
        {
            _violations.Add(tick, TrajectoryRules.KeyMissing, x, y,
                $"line {index} ({rule.Name}) needs the {needed.Description}; keys held: {(keys == DoomKeys.None ? "none" : keys.ToString())}", ElementKind.Line, index);
            legal = false;
        }

        if (setOff)
        {
            _ledger.SetOff(index, rule);
        }

        return legal;
    }

    /// <summary>
    /// P_TryMove's crossing test: the centre changes side of the line (P_PointOnLineSide) on a move whose new box touches
    /// the line (the spechit list), on one of the moves around the tic; with <paramref name="frontToBack"/>, from its front
    /// (a teleport, a firstsideonly line). <paramref name="failedRule"/> names the rule a failure breaks (by default a
    /// teleport's or a walk-over line's by the direction).
    /// </summary>
    public ReachFailure? Crossed(int tick, int index, bool frontToBack, string? failedRule = null)
    {
        var (x1, y1, x2, y2) = _geometry.Segment(index);
        var nearest = double.PositiveInfinity;
        var wrongWay = false;
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
            if (from * to > 0 || (from == 0 && to == 0))
            {
                continue;
            }

            if (frontToBack && (from < 0 || to > 0))
            {
                // A move from the back towards the front (the other moves were skipped above).
                wrongWay = true;
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

        var rule = failedRule ?? (frontToBack ? TrajectoryRules.TeleportNotCrossed : TrajectoryRules.WalkNotCrossed);
        var what = frontToBack ? "from its front to its back" : "with the box touching it";

        // Positions are where the body is at the end of each tic; Doom crosses lines during a tic's move. A line within
        // one tic's run of the claim is crossed between the samples (the teleport's arrival is checked on its own), but
        // not one the body crossed only the other way: that is no sampling's doing.
        var between = nearest <= PlayerBody.MaxRunSpeed && !wrongWay;
        return new ReachFailure(rule, Invariant(
            $"the centre did not cross line {index} {what} in tics {tick - WalkWindowBefore} to {tick + WalkWindowAfter} (nearest {nearest:0.#} units)"), ElementKind.Line, index)
        {
            WithinGrid = between,
        };
    }

    /// <summary>
    /// P_TryMove's crossing test for every walk-over special the new box touches on the move from (ax, ay) at
    /// <paramref name="fromTick"/> to (bx, by) at <paramref name="tick"/>: Doom sets off each one the centre crossed, so a
    /// crossing the run does not claim is a line Doom would have set off and the run did not.
    /// </summary>
    public void CheckWalkLines(int fromTick, int tick, double ax, double ay, double bx, double by)
    {
        foreach (var index in _lines.NearBox(bx, by, PlayerBody.Radius))
        {
            if (!_ledger.IsActive(index) || _ledger.Rule(index) is not { Trigger: PlayerTrigger.Walk, MonstersOnly: false } rule)
            {
                continue;
            }

            var (x1, y1, x2, y2) = _geometry.Segment(index);
            var from = MapMath.SignedDistance(ax, ay, x1, y1, x2, y2);
            var to = MapMath.SignedDistance(bx, by, x1, y1, x2, y2);
            var crossed = rule.Effect == LineEffect.Teleport ? from > OnLine && to < -OnLine : from * to < 0 && Math.Abs(from) > OnLine && Math.Abs(to) > OnLine;
            if (!crossed || !MapMath.BoxCrossesLine(bx, by, PlayerBody.BlockingRadius, x1, y1, x2, y2) || _ledger.ClaimedNear(index, tick))
            {
                continue;
            }

            _violations.Add(tick, TrajectoryRules.WalkLineMissed, bx, by,
                $"the centre crossed line {index} ({rule.Name}) between tics {fromTick} and {tick}, which Doom sets off, but the run does not say so", ElementKind.Line, index);
        }
    }

    private static int Side(double signedDistance) => signedDistance > OnLine ? 1 : signedDistance < -OnLine ? -1 : 0;
}
