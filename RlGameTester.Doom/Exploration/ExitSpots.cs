namespace RlGameTester.Doom.Exploration;

/// <summary>Where the level can be finished from: exit lines to use, shoot or cross, exit sectors, spots in view of a boss that ends it.</summary>
internal sealed class ExitSpots
{
    private readonly LevelModel _model;
    private readonly NavGrid _grid;
    private readonly LevelState _state;
    private readonly BossRules _bosses;
    private readonly LineTraces _traces;
    private readonly BossSight _sight;

    // Cells with an exit line to use, shoot or cross: the only ones whose lines are worth looking at (a reach asks
    // every cell it visits until it meets an exit).
    private readonly bool[] _exitLineCells;

    public ExitSpots(LevelModel model, LevelState state, BossRules bosses, LineTraces traces)
    {
        _traces = traces;
        _model = model;
        _grid = model.Grid;
        _state = state;
        _bosses = bosses;
        _sight = new BossSight(model, state, bosses);
        _exitLineCells = new bool[_grid.Count];
        for (var c = 0; c < _grid.Count; c++)
        {
            _exitLineCells[c] = HasExitLine(c);
        }
    }

    /// <summary>Whether the level has any exit at all (line, sector, or a boss whose death ends it).</summary>
    public bool AnyExit()
    {
        if (_bosses.ExitCells is not null)
        {
            return true;
        }

        foreach (var action in _model.Actions)
        {
            if (action is { Exit: true })
            {
                return true;
            }
        }

        for (var s = 0; s < _model.Level.Sectors.Length; s++)
        {
            if (_state.Describe(_model.Level.Sectors[s].Special).EndsLevel)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an exit of the kind (null: any) can be reached from the cell; relaxed: a walk-over exit counts whether or not its step can be taken now.</summary>
    public bool IsExit(int c, bool? secret, bool relaxed = false) =>
        (secret != true && At(c, false, true, relaxed) is not null) || (secret != false && At(c, true, true, relaxed) is not null);

    /// <summary>The exit target at a cell, normal or secret.</summary>
    public TripTarget? At(int c, bool secret, bool allowExit, bool relaxed = false) =>
        (_exitLineCells[c] ? LineAt(c, secret, allowExit, relaxed) : null) ?? (secret ? null : SectorOrBossAt(c));

    private bool HasExitLine(int c)
    {
        if (AnyExit(_model.UseLines[c]) || AnyExit(_model.GunLines[c]))
        {
            return true;
        }

        for (var d = 0; d < 8; d++)
        {
            if (((_model.CrossMask[c] >> d) & 1) == 0)
            {
                continue;
            }

            foreach (var (line, frontToBack) in _model.Crossings(c, d)!)
            {
                if (_model.Actions[line] is { Exit: true } exit && exit.CrossedToSetOff(frontToBack))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool AnyExit(ReadOnlySpan<int> lines)
    {
        foreach (var line in lines)
        {
            if (_model.Actions[line] is { Exit: true })
            {
                return true;
            }
        }

        return false;
    }

    private TripTarget? LineAt(int c, bool secret, bool allowExit, bool relaxed)
    {
        foreach (var line in _model.UseLines[c])
        {
            if (_model.Actions[line] is { Exit: true } action && action.SecretExit == secret && _traces.CanUse(c, line))
            {
                return new TripTarget(c, TargetKind.Use, line);
            }
        }

        foreach (var line in _model.GunLines[c])
        {
            if (_model.Actions[line] is { Exit: true } action && action.SecretExit == secret && _traces.CanShoot(c, line))
            {
                return new TripTarget(c, TargetKind.Gun, line);
            }
        }

        if (allowExit && _model.CrossMask[c] != 0)
        {
            for (var d = 0; d < 8; d++)
            {
                var crossed = _model.Crossings(c, d);
                if (crossed is null || (!relaxed && !_grid.CanMoveEither(c, c + _grid.Offsets[d])))
                {
                    continue;
                }

                foreach (var (line, frontToBack) in crossed)
                {
                    if (_model.Actions[line] is { Exit: true } action && action.SecretExit == secret && action.CrossedToSetOff(frontToBack))
                    {
                        return new TripTarget(c, TargetKind.Cross, d);
                    }
                }
            }
        }

        return null;
    }

    private TripTarget? SectorOrBossAt(int c)
    {
        var sector = _grid.CenterSector[c];
        if (sector >= 0 && _state.EndsLevel(sector) && _state.IsDamaging(sector) && _state.OnSectorFloor(c, sector))
        {
            return new TripTarget(c, TargetKind.ExitSector, sector);
        }

        return _bosses.ExitCells is { } cells && cells[c] && _sight.InView(c) is var shot and not BossShot.None
            ? new TripTarget(c, TargetKind.Boss, (int)shot)
            : null;
    }
}
