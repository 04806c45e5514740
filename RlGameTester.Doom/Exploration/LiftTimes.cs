using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Where each called lift is in its cycle. A Doom lift (EV_DoPlat: downWaitUpStay and its kin) leaves its rest height when
/// called, waits at its far end and comes back; a call while it is on its way does nothing (the sector still has its
/// thinker). The heights keep a lift the run has called at both ends, so the searches plan with it as a way both up and
/// down; a step that needs it somewhere is walked only at a tic it is there, and a lift back at rest is called again
/// from where the body stands when one of its repeatable lines is in reach there, as a player presses the switch again.
/// Otherwise the lift goes back to one height (<see cref="Settle"/>), so the searches see it as it is.
/// </summary>
internal sealed class LiftTimes
{
    // Off-by-one room on either side of a window: the validator counts the cycle from the call's tic, as Doom does.
    private const int Margin = 1;

    // A lift let go this often has its lines left alone: each call that does not bring it in time is a trip.
    private const int MaxSettles = 6;

    private readonly LevelModel _model;
    private readonly LevelState _state;
    private readonly LineTraces _traces;
    private readonly Dictionary<int, Cycle> _cycles = [];
    private readonly Dictionary<int, int> _settles = [];
    private readonly List<int> _idle = [];
    private readonly List<int> _needCall = [];
    private readonly List<int> _estimateStranded = [];

    public LiftTimes(LevelModel model, LevelState state, LineTraces traces, Body body)
    {
        _model = model;
        _state = state;
        _traces = traces;
        state.Heights.RestNow = sector => _cycles.TryGetValue(sector, out var cycle) && body.Clock >= cycle.End ? cycle.Rest : null;
        state.Heights.RestOf = sector => _cycles.TryGetValue(sector, out var cycle) ? cycle.Rest : null;
    }

    /// <summary>Counts the lifts let go at rest (<see cref="Settle"/>).</summary>
    public int LetGo { get; private set; }

    /// <summary>The clock from which every called lift under the cell is back at rest (unless called again), from <paramref name="clock"/> on.</summary>
    public double RestFrom(int cell, double clock)
    {
        var at = clock;
        foreach (var sector in _model.Grid.SectorsTouched(cell))
        {
            if (_cycles.TryGetValue(sector, out var cycle) && !_state.Heights.IsAtOneHeight(sector))
            {
                at = Math.Max(at, cycle.End + Margin);
            }
        }

        return at;
    }

    /// <summary>Whether the run has called a lift.</summary>
    public bool AnyCalled => _cycles.Count > 0;

    /// <summary>Whether the sector is a lift on its way, which takes no new move until it is back (and a tic more).</summary>
    public bool Busy(int sector, double clock) => _cycles.TryGetValue(sector, out var cycle) && clock < cycle.End + Margin;

    /// <summary>
    /// The clock from which none of the action's sectors is a lift on its way: a one-shot line set off while one is loses
    /// its move there for good, and a lift's own switch does nothing then, so the agent waits for it (a player who knows
    /// the level would; freedoom2 MAP04's crawlspace is left by its switch once the lift is back up).
    /// </summary>
    public double FreeAt(LineAction action, double clock)
    {
        var free = clock;
        if (action.Move is not { } move || (action.Repeatable && !move.IsTimedLift))
        {
            return free;
        }

        foreach (var sector in action.Sectors)
        {
            if (Busy(sector, clock))
            {
                free = Math.Max(free, _cycles[sector].End + Margin);
            }
        }

        return free;
    }

    /// <summary>Whether setting the line off now would start a lift: a timed lift's line with one of its lifts at rest.</summary>
    public bool WouldCall(LineAction action, double clock)
    {
        if (action.Move is not { IsTimedLift: true })
        {
            return false;
        }

        foreach (var sector in action.Sectors)
        {
            if (!Busy(sector, clock))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Calls the action's lifts at the tic: <paramref name="apply"/> moves the sectors at rest (a lift on its way is passed
    /// by, as EV_DoPlat passes it) and returns how far a plane travelled; each of them starts its cycle.
    /// </summary>
    public int Call(LineAction action, int tick, Func<IReadOnlyList<int>, int> apply)
    {
        var move = action.Move!;
        _idle.Clear();
        var rests = new List<int>();
        foreach (var sector in action.Sectors)
        {
            if (!Busy(sector, tick))
            {
                _idle.Add(sector);
                rests.Add(_cycles.TryGetValue(sector, out var old) && !_state.Heights.IsAtOneHeight(sector) ? old.Rest : _state.Heights.FloorHigh[sector]);
            }
        }

        var idle = _idle.ToArray();
        var travel = apply(idle);
        for (var i = 0; i < idle.Length; i++)
        {
            var sector = idle[i];
            var rest = rests[i];
            var heights = _state.Heights;
            var far = heights.FloorLow[sector] == rest ? heights.FloorHigh[sector] : heights.FloorLow[sector];
            var distance = Math.Abs(rest - far);
            var down = move.TravelTics(distance);
            _cycles[sector] = new Cycle(tick, tick + down, tick + down + move.ReturnAfter, tick + move.CycleTics(distance), rest, far);
        }

        return travel;
    }

    /// <summary>
    /// How the body takes the step from <paramref name="from"/> to <paramref name="to"/> as far as lifts go: in which of
    /// the heights' two configurations, at what clock, and whether it first presses a line to call a lift. Null when
    /// no lift can be where the step needs it; <paramref name="stranded"/> then names the called lifts it needed.
    /// </summary>
    public LiftStep? Plan(int from, int to, int config, double clock, Body body, List<int> stranded)
    {
        stranded.Clear();
        var grid = _model.Grid;
        if (grid.Floor0[from] == grid.Floor1[from] && grid.Floor0[to] == grid.Floor1[to])
        {
            // No lift decides the floor under either cell (most steps): the step is as the configuration has it.
            return grid.CanMove(from, to, config) ? new LiftStep(config, clock, null) : null;
        }

        LiftStep? best = null;
        foreach (var k in (ReadOnlySpan<int>)[config, 1 - config])
        {
            if (!_model.Grid.CanMove(from, to, k) || Timing(from, to, k, config, clock, body, stranded) is not { } step)
            {
                continue;
            }

            if (best is null || step.Due < best.Value.Due)
            {
                best = step;
            }
        }

        if (best is not null)
        {
            stranded.Clear();
        }

        return best;
    }

    /// <summary>
    /// For the searches: the tics a step that changes the lifts' configuration waits at <paramref name="clock"/>, or
    /// <see cref="Walker.LiftRideTics"/> when no lift can be there in time (the walk then finds out).
    /// </summary>
    public double Wait(int from, int to, double clock, Body body)
    {
        // The search asks only about steps one configuration allows: it counts as a change from the other.
        var other = _model.Grid.CanMove(from, to, 0) ? 1 : 0;
        return Plan(from, to, other, clock, body, _estimateStranded) is { } step ? step.Due - clock : Walker.LiftRideTics;
    }

    /// <summary>
    /// Puts back at rest, for the searches, each lift whose cycle is over and which no repeatable line calls again (a W1
    /// or S1 lift rides once): planned as a way both ways, it would lead the agent where it no longer goes. True when one
    /// moved.
    /// </summary>
    public bool SettleSpent(double clock, SectorMover mover)
    {
        var moved = false;
        foreach (var (sector, cycle) in _cycles)
        {
            if (clock >= cycle.End && !_state.Heights.IsAtOneHeight(sector) && !RepeatableCalls(sector).Any())
            {
                moved |= mover.Settle(sector, cycle.Rest) >= 0;
            }
        }

        return moved;
    }

    // The repeatable lines that call the sector's lift.
    private IEnumerable<LineAction> RepeatableCalls(int sector) =>
        _model.ActionsOnSector(sector).Where(action => action.Repeatable && action.Move is { IsTimedLift: true });

    /// <summary>
    /// Gives up on a called lift that cannot be brought where a step needs it: the heights keep it at rest, and its
    /// repeatable lines are worth setting off again (a few times: a call that never brings it in time is a trip each).
    /// </summary>
    public void Settle(int sector, SectorMover mover)
    {
        if (!_cycles.TryGetValue(sector, out var cycle) || _state.Heights.IsAtOneHeight(sector))
        {
            return;
        }

        mover.Settle(sector, cycle.Rest);
        LetGo++;
        var settles = _settles.GetValueOrDefault(sector) + 1;
        _settles[sector] = settles;
        if (settles > MaxSettles)
        {
            return;
        }

        foreach (var action in RepeatableCalls(sector))
        {
            _state.Activated[action.Line] = false;
            _state.Rearmed[action.Line] = false;
        }
    }

    // The step in one configuration: the clock at which every called lift under it is where the configuration has it,
    // and the line to press first when one is back at rest and must come again. Lifts the run has not called (platforms
    // that run for ever) may be anywhere in their cycle: a change of configuration waits Walker.LiftWait for them.
    private LiftStep? Timing(int from, int to, int k, int config, double clock, Body body, List<int> stranded)
    {
        var due = clock;
        var untracked = false;
        _needCall.Clear();
        foreach (var cell in (ReadOnlySpan<int>)[from, to])
        {
            foreach (var sector in _model.Grid.SectorsTouched(cell))
            {
                if (_state.Heights.IsAtOneHeight(sector) || _needCall.Contains(sector))
                {
                    continue;
                }

                if (!_cycles.TryGetValue(sector, out var cycle))
                {
                    untracked = true;
                    continue;
                }

                var height = k == 0 ? _state.Heights.FloorLow[sector] : _state.Heights.FloorHigh[sector];
                if (cycle.When(height, clock) is { } at)
                {
                    due = Math.Max(due, at);
                }
                else
                {
                    _needCall.Add(sector);
                }
            }
        }

        if (untracked && k != config)
        {
            due = Math.Max(due, clock + Walker.LiftWait(body, clock, down: k == 0));
        }

        if (_needCall.Count == 0)
        {
            return new LiftStep(k, due, null);
        }

        if (FindCall(from, body) is not { } call)
        {
            stranded.AddRange(_needCall);
            return null;
        }

        // The press waits for every lift it calls to be back at rest, then a tic; each is down after its travel.
        var press = Math.Ceiling(due);
        foreach (var sector in _needCall)
        {
            press = Math.Max(press, _cycles[sector].End + Margin);
        }

        var arrival = press + 1;
        foreach (var sector in _needCall)
        {
            var cycle = _cycles[sector];
            arrival = Math.Max(arrival, press + 1 + (cycle.Away - cycle.Start) + Margin);
        }

        return new LiftStep(k, arrival, call, press);
    }

    // A repeatable line calling every lift that must come, usable from the cell.
    private LineAction? FindCall(int cell, Body body)
    {
        foreach (var line in _model.UseLines[cell])
        {
            if (_model.Actions[line] is not { Repeatable: true, Move.IsTimedLift: true } action ||
                (action.Keys is { } keys && !keys.IsSatisfiedBy(body.Keys)) || !_needCall.TrueForAll(action.Sectors.Contains) ||
                !_traces.CanUse(cell, line))
            {
                continue;
            }

            return action;
        }

        return null;
    }

    private readonly record struct Cycle(int Start, int Away, int Back, int End, int Rest, int Far)
    {
        // When the floor can be at the height, from the clock on: the far end while the lift waits there, the rest before
        // it moves and once it is back; null when only a new call brings it to the far end.
        public double? When(int height, double clock)
        {
            if (height == Far && height != Rest)
            {
                return clock > Back - Margin ? null : Math.Max(clock, Away + Margin);
            }

            return clock <= Start + Margin || clock >= End + Margin ? clock : End + Margin;
        }
    }
}

/// <summary>A step as lifts allow it: the configuration, the clock to take it at, and a line to press first (at <paramref name="Press"/>).</summary>
internal readonly record struct LiftStep(int Config, double Due, LineAction? Call, double Press = 0);
