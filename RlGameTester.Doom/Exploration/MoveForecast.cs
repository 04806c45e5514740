namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Whether setting a line off would move anything under the current heights. A line whose move is already done (a
/// second switch of a lift that already runs both ways, a door already open) is no progress: E3M5's lift in the
/// nukage has ten switches around it, and going to each in turn cost the health the ride up then needed. And whether
/// it would make room: lower a floor or raise a ceiling, which a move that mostly closes can do (a floor "raised" to a
/// lowest neighbour ceiling below it drops there at once, as T_MovePlane does: Batman Doom Reborn's MAP11 opens a
/// secret passage so). Answers are kept until the heights change.
/// </summary>
internal sealed class MoveForecast
{
    private readonly LevelModel _model;
    private readonly LevelState _state;
    private readonly List<(int Sector, int Low, int High, int Ceiling, int Special)> _changes = [];
    private readonly int[] _version;
    private readonly bool[] _moves;
    private readonly bool[] _opens;

    public MoveForecast(LevelModel model, LevelState state)
    {
        _model = model;
        _state = state;
        _version = new int[model.Level.Linedefs.Length];
        Array.Fill(_version, -1);
        _moves = new bool[model.Level.Linedefs.Length];
        _opens = new bool[model.Level.Linedefs.Length];
    }

    public bool Moves(LineAction action)
    {
        Update(action);
        return _moves[action.Line];
    }

    public bool Opens(LineAction action)
    {
        Update(action);
        return _opens[action.Line];
    }

    private void Update(LineAction action)
    {
        var line = action.Line;
        if (_version[line] != _state.HeightsVersion)
        {
            _version[line] = _state.HeightsVersion;
            (_moves[line], _opens[line]) = Forecast(action);
        }
    }

    private (bool Moves, bool Opens) Forecast(LineAction action)
    {
        if (action.Move is not { } move)
        {
            return (false, false);
        }

        var heights = _state.Heights;
        _changes.Clear();
        foreach (var sector in action.Sectors)
        {
            heights.Plan(move, sector, _model.FrontSector(action.Line), _changes);
        }

        bool moves = false, opens = false;
        foreach (var change in _changes)
        {
            var sector = change.Sector;
            moves |= heights.Travel(change) > 0 || change.Special != heights.Special[sector];
            opens |= change.Low < heights.FloorLow[sector] || change.Ceiling > heights.Ceiling[sector];
        }

        return (moves, opens);
    }
}
