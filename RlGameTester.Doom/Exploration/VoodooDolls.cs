namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Voodoo dolls: every player 1 start but the last spawns a body of the player's that no one steers (Doom's
/// P_SpawnPlayer gives the player the last one). On a conveyor a doll is carried along, and as a player's body it sets
/// off the walk-over lines it crosses, exits too. Levels use them as machinery: a doll waits on a belt behind a door or
/// a raised floor that the player's switch opens, then rides over a line that does the rest.
/// The explorer carries dolls along the grid at once whenever the sector heights change (as it moves sectors at once),
/// step by step in the 8-way direction nearest their floor's carry, until a wall, a step or too low a ceiling stops them
/// or they come to a floor that does not carry. A doll that reaches a teleport line stops there.
/// </summary>
internal sealed class VoodooDolls
{
    // Steps one doll may take in one go: a belt that loops back on itself would carry it for ever.
    private const int MaxSteps = 4096;

    private readonly LevelModel _model;
    private readonly NavGrid _grid;
    private readonly LevelState _state;
    private readonly CarriedMomentum _carry;
    private readonly List<(int Thing, int Cell)> _dolls = [];

    // Where each doll has been since the heights last changed: coming back there, it is going round a loop.
    private readonly HashSet<(int Doll, int Cell)> _seen = [];
    private int _heightsVersion = -1;

    public VoodooDolls(LevelModel model, LevelState state)
    {
        _model = model;
        _grid = model.Grid;
        _state = state;
        _carry = new CarriedMomentum(model.Carrying, model.Grid, state.Heights);
        if (!model.Carrying.Any || !model.Level.UsesDoomSpecials)
        {
            return;
        }

        var starts = Enumerable.Range(0, model.Level.Things.Length).Where(t => model.Level.Things[t].Type == 1).ToList();
        foreach (var thing in starts.SkipLast(1))
        {
            var cell = model.ArrivalCell(model.Level.Things[thing].X, model.Level.Things[thing].Y);
            if (cell >= 0)
            {
                _dolls.Add((thing, cell));
            }
        }
    }

    /// <summary>
    /// Carries the dolls on until one crosses a walk-over line with something to do (a move, a crusher or an exit) that
    /// is not spent; returns that line's action and the doll, or null once every doll is at rest. Call again after the
    /// action has been carried out: the doll goes on from the line.
    /// </summary>
    public (LineAction Action, int Thing)? Next()
    {
        if (_state.HeightsVersion != _heightsVersion)
        {
            _heightsVersion = _state.HeightsVersion;
            _seen.Clear();
        }

        for (var i = 0; i < _dolls.Count; i++)
        {
            var (thing, cell) = _dolls[i];
            for (var steps = 0; steps < MaxSteps; steps++)
            {
                var direction = Direction(cell);
                if (direction < 0 || !_seen.Add((i, cell)))
                {
                    break;
                }

                var to = cell + _grid.Offsets[direction];
                if (!_grid.CanMoveEither(cell, to) || CrossesTeleport(cell, direction))
                {
                    break;
                }

                var crossed = _model.Crossings(cell, direction);
                cell = to;
                _dolls[i] = (thing, cell);
                foreach (var (line, _) in crossed ?? [])
                {
                    var action = _model.Actions[line]!;
                    if (Acts(action) && (action.Repeatable || !_state.Activated[line]))
                    {
                        return (action, thing);
                    }
                }
            }
        }

        return null;
    }

    private static bool Acts(LineAction action) => action.Exit || action.Crusher || (action.Move is not null && action.Sectors.Length > 0);

    private bool CrossesTeleport(int cell, int direction)
    {
        foreach (var (line, _) in _model.Crossings(cell, direction) ?? [])
        {
            if (_model.Actions[line]!.Teleport)
            {
                return true;
            }
        }

        return false;
    }

    // The 8-way direction nearest the carry of the floor under the doll, or -1 where it is not carried.
    private int Direction(int cell)
    {
        var (x, y) = _carry.At(cell);
        if (x == 0 && y == 0)
        {
            return -1;
        }

        var angle = Math.Atan2(y, x);
        return ((int)Math.Round(angle / (Math.PI / 4)) + 8) % 8;
    }
}
