using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Moves sectors as specials do, at once: new heights and specials, the grid's floors and ceilings, the steps; a door
/// shut again (a trap) can be opened again by its repeatable switches and door lines.
/// </summary>
internal sealed class SectorMover
{
    private readonly LevelModel _model;
    private readonly LevelState _state;
    private readonly StepGraph _steps;
    private readonly List<(int Sector, int Low, int High, int Ceiling, int Special)> _changes = [];

    public SectorMover(LevelModel model, LevelState state, StepGraph steps)
    {
        _model = model;
        _state = state;
        _steps = steps;
    }

    /// <summary>Moves the sectors; returns the largest distance a plane travelled, or -1 when nothing moved.</summary>
    public int Apply(SectorMove move, IReadOnlyList<int> sectors, int? frontSector)
    {
        var heights = _state.Heights;
        _changes.Clear();

        // Doom computes every target from the heights before any plane moves.
        foreach (var sector in sectors)
        {
            heights.Plan(move, sector, frontSector, _changes);
        }

        var travel = -1;
        foreach (var change in _changes)
        {
            travel = Math.Max(travel, Move(change));
        }

        return travel;
    }

    /// <summary>Opens a door shut for a while back to <paramref name="ceiling"/>; returns how far it travelled, or -1.</summary>
    public int Reopen(int sector, int ceiling)
    {
        var heights = _state.Heights;
        return Move((sector, heights.FloorLow[sector], heights.FloorHigh[sector], ceiling, heights.Special[sector]));
    }

    /// <summary>Puts a lift's floor at one height, <paramref name="rest"/>; returns how far it travelled, or -1.</summary>
    public int Settle(int sector, int rest)
    {
        var heights = _state.Heights;
        return Move((sector, rest, rest, heights.Ceiling[sector], heights.Special[sector]), rearm: false);
    }

    // A plane that closes re-arms the sector's repeatable switches and doors (a trap door shut again), unless the caller
    // decides that itself (a lift let go at rest: LiftTimes).
    private int Move((int Sector, int Low, int High, int Ceiling, int Special) change, bool rearm = true)
    {
        var heights = _state.Heights;
        var s = change.Sector;
        var delta = heights.Travel(change);
        if (delta == 0 && change.Special == heights.Special[s])
        {
            return -1;
        }

        var closing = rearm && (change.Ceiling < heights.Ceiling[s] || change.Low > heights.FloorLow[s]);
        heights.Apply(change);
        _state.HeightsChanged();
        _state.UpdateSectorDamage(s);
        if (closing)
        {
            foreach (var other in _model.ActionsOnSector(s))
            {
                if (other.Repeatable && other.Trigger is LineTrigger.Door or LineTrigger.Switch)
                {
                    _state.Activated[other.Line] = false;
                    _state.Rearmed[other.Line] = true;
                }
            }
        }

        _model.Grid.RecomputeSector(s, heights);
        _steps.SectorMoved(s);
        return delta;
    }
}
