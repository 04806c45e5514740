using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// One pass over a run's events in order, replaying the body through the validator's own model of the level: positions
/// drive the movement checks, line events change the sector heights, pickups give keys, and every claim is checked
/// against Doom's rules at the moment it is made. The checks keep their own state; this only hands each event on.
/// </summary>
internal sealed class ValidationRun
{
    private readonly IReadOnlyList<ExplorerEvent> _events;
    private readonly PathSamples _path;
    private readonly AssumptionLog _assumptions = new();
    private readonly ViolationLog _violations = new();
    private readonly MoveCheck _moves;
    private readonly PlayerInventory _inventory;
    private readonly ActivationCheck _activations;
    private readonly TeleportCheck _teleports;
    private readonly ExitCheck _exits;
    private readonly BarrelCheck _barrels;

    private int _lastEventTick = int.MinValue;

    public ValidationRun(Level level, LevelGeometry geometry, IReadOnlyList<ExplorerEvent> events, int skill)
    {
        skill = Math.Clamp(skill, 1, 5);
        _events = events;
        _path = new PathSamples(events);
        var body = new BodyHeight();
        var planes = new SectorPlanes(level, geometry);
        var mover = new PlaneMover(level, planes, _assumptions);
        var lines = new LineQuery(geometry);
        var blocking = new LineBlocking(level, _assumptions);
        var solids = new SolidThings(level, geometry, planes, skill, _assumptions);
        var probe = new PositionProbe(geometry, lines, blocking, solids, planes);
        var ledger = new LineLedger(level, events);
        var planeChanges = new PlaneChanges(planes, _path, probe, body, _assumptions);
        var reach = new LineReach(geometry, lines, planes, ledger.IsActive);
        _inventory = new PlayerInventory(level, skill, _path, probe, planes, body, _assumptions, _violations);
        var triggers = new LineTriggerCheck(geometry, _path, lines, reach, ledger, _inventory, _violations);
        _moves = new MoveCheck(level, geometry, _path, planes, lines, blocking, probe, body, planeChanges, triggers, _assumptions, _violations);
        _activations = new ActivationCheck(level, skill, _path, ledger, triggers, mover, planeChanges, blocking, _assumptions, _violations);
        _teleports = new TeleportCheck(level, geometry, skill, _path, ledger, triggers, _assumptions, _violations);
        _exits = new ExitCheck(level, geometry, skill, _path, planes, body, _inventory, ledger, triggers, _assumptions, _violations, lines);
        _barrels = new BarrelCheck(level, skill, reach, solids, _violations);
    }

    public TrajectoryVerdict Run()
    {
        foreach (var e in _events)
        {
            if (e.Tick < _lastEventTick)
            {
                _violations.Add(e.Tick, TrajectoryRules.EventOrder, e.X, e.Y,
                    $"a {e.Kind} event at tic {e.Tick} comes after an event at tic {_lastEventTick}");
            }

            _lastEventTick = Math.Max(_lastEventTick, e.Tick);
            switch (e.Kind)
            {
                case ExplorerEventKind.Position:
                    _barrels.Advance(e.Tick);
                    _moves.Move(e.Tick);
                    break;
                case ExplorerEventKind.Jump:
                    _moves.Jump(e.Tick);
                    break;
                case ExplorerEventKind.BarrelShot:
                    _barrels.Shoot(e);
                    break;
                case ExplorerEventKind.LineActivated:
                    _activations.Activate(e, _moves.LastTick);
                    break;
                case ExplorerEventKind.Teleport:
                    _teleports.Teleport(e);
                    break;
                case ExplorerEventKind.KeyPickup or ExplorerEventKind.ItemPickup:
                    _inventory.Pickup(e);
                    _activations.Pickup(e, _moves.LastTick);
                    break;
                case ExplorerEventKind.HealthChange or ExplorerEventKind.Death when e.NewHealth is { } newHealth:
                    _inventory.Health = newHealth;
                    break;
                case ExplorerEventKind.ExitReached:
                    _exits.Exit(e);
                    break;
            }
        }

        if (_path.FinalMove is { } final)
        {
            _moves.Move(final);
        }

        return new TrajectoryVerdict { Violations = _violations.Items, Assumptions = _assumptions.Items };
    }
}
