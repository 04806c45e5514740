using System.Globalization;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;
using static System.FormattableString;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// The run's Teleport events: a line a player can teleport by, set off as its rule says, and the body sent where
/// EV_Teleport sends it (the destination the event claims, and the next position there).
/// </summary>
internal sealed class TeleportCheck
{
    private readonly Level _level;
    private readonly PathSamples _path;
    private readonly LineLedger _ledger;
    private readonly LineTriggerCheck _triggers;
    private readonly TeleportDestinations _destinations;
    private readonly AssumptionLog _assumptions;
    private readonly ViolationLog _violations;

    public TeleportCheck(Level level, LevelGeometry geometry, int skill, PathSamples path, LineLedger ledger, LineTriggerCheck triggers, AssumptionLog assumptions, ViolationLog violations)
    {
        _level = level;
        _path = path;
        _ledger = ledger;
        _triggers = triggers;
        _destinations = new TeleportDestinations(geometry, skill);
        _assumptions = assumptions;
        _violations = violations;
    }

    public void Teleport(ExplorerEvent e)
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
            if (_triggers.Crossed(e.Tick, index, frontToBack: true) is { } failure)
            {
                _violations.Add(e.Tick, x, y, failure);
            }
        }
        else
        {
            _triggers.Triggered(e.Tick, index, rule, x, y, setOff: false);
        }

        if (rule.Trigger == PlayerTrigger.Walk && !_ledger.IsActive(index))
        {
            _violations.Add(e.Tick, TrajectoryRules.LineAlreadyUsed, x, y,
                $"line {index} ({rule.Name}) was set off again, but Doom cleared its one-shot special the first time", ElementKind.Line, index);
        }

        _ledger.SetOff(index, rule);
        var destinations = _destinations.For(index);
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
            // P_Teleport puts the body on the destination's spot exactly.
            if (claimedOk && arrival <= Slack.Place)
            {
                return;
            }
        }

        var first = _level.Things[destinations[0]];
        var arrived = next is { } p ? Invariant($"({p.X:0.##}, {p.Y:0.##})") : "nowhere (no next position)";
        _violations.Add(e.Tick, TrajectoryRules.TeleportDestination, x, y, Invariant(
            $"line {index} sends the body to thing {destinations[0]} at ({first.X:0}, {first.Y:0}); the run claims ({e.ToX:0.##}, {e.ToY:0.##}) and is next at {arrived}"),
            ElementKind.Thing, destinations[0]);
    }
}
