namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Whether setting a line off would move anything under the current heights. A line whose move is already done (a
/// second switch of a lift that already runs both ways, a door already open) is no progress: E3M5's lift in the
/// nukage has ten switches around it, and going to each in turn cost the health the ride up then needed.
/// Answers are kept until the heights change.
/// </summary>
internal sealed class MoveForecast
{
    private readonly LevelModel _model;
    private readonly LevelState _state;
    private readonly List<(int Sector, int Low, int High, int Ceiling, int Special)> _changes = [];
    private readonly int[] _version;
    private readonly bool[] _moves;

    public MoveForecast(LevelModel model, LevelState state)
    {
        _model = model;
        _state = state;
        _version = new int[model.Level.Linedefs.Length];
        Array.Fill(_version, -1);
        _moves = new bool[model.Level.Linedefs.Length];
    }

    public bool Moves(LineAction action)
    {
        var line = action.Line;
        if (_version[line] != _state.HeightsVersion)
        {
            _version[line] = _state.HeightsVersion;
            _moves[line] = Forecast(action);
        }

        return _moves[line];
    }

    private bool Forecast(LineAction action)
    {
        if (action.Move is not { } move)
        {
            return false;
        }

        var heights = _state.Heights;
        _changes.Clear();
        foreach (var sector in action.Sectors)
        {
            heights.Plan(move, sector, _model.FrontSector(action.Line), _changes);
        }

        foreach (var change in _changes)
        {
            if (heights.Travel(change) > 0 || change.Special != heights.Special[change.Sector])
            {
                return true;
            }
        }

        return false;
    }
}
