using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Voodoo dolls: every player 1 start but the last spawns a body of the player's that no one steers (Doom's
/// P_SpawnPlayer gives the player the last one). On a conveyor a doll is carried along, and as a player's body it sets
/// off the walk-over lines it crosses, exits too. Levels use them as machinery: a doll waits on a belt behind a door or
/// a raised floor that the player's switch opens, then rides over a line that does the rest.
/// The explorer carries dolls along the grid at once whenever the sector heights change (as it moves sectors at once),
/// step by step in the 8-way direction nearest their floor's carry, until a wall, a step or too low a ceiling stops them
/// or they come to a floor that does not carry. A doll carried over a teleport line from its front goes on from the
/// destination, as the player would (a one-shot teleport the player spent stops it). A doll's first move
/// starts from its spawn spot, on its centre's floor (P_SpawnMobj), not from its grid cell: closets put dolls on the
/// very line they are to cross.
/// </summary>
internal sealed class VoodooDolls
{
    // Steps one doll may take in one go: a belt that loops back on itself would carry it for ever.
    private const int MaxSteps = 4096;

    private readonly LevelModel _model;
    private readonly NavGrid _grid;
    private readonly LevelState _state;
    private readonly CarriedMomentum _carry;
    private readonly List<Doll> _dolls = [];
    private readonly HashSet<(int Doll, int Line)> _crossedAtSpawn = [];

    // Lines a doll's step crossed after the one handed out: one step may cross several (closets set them 4 units apart).
    private readonly Queue<(LineAction Action, int Thing)> _pending = new();

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
            var (x, y) = (model.Level.Things[thing].X, model.Level.Things[thing].Y);
            var cell = model.ArrivalCell(x, y);
            var sector = model.Geometry.SectorAt(x, y);
            if (cell >= 0 && sector >= 0)
            {
                _dolls.Add(new Doll(thing, cell, x, y, state.Heights.FloorLow[sector]));
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

        while (_pending.TryDequeue(out var waiting))
        {
            if (waiting.Action.Repeatable || !_state.Activated[waiting.Action.Line])
            {
                return waiting;
            }
        }

        for (var i = 0; i < _dolls.Count; i++)
        {
            var doll = _dolls[i];
            if (doll.SpawnFeet is not null && SpawnCrossing(i, doll) is { } first)
            {
                return (first, doll.Thing);
            }

            var cell = doll.Cell;
            for (var steps = 0; steps < MaxSteps; steps++)
            {
                var direction = Direction(cell, doll.SpawnFeet);
                if (direction < 0 || !_seen.Add((i, cell)))
                {
                    break;
                }

                var to = cell + _grid.Offsets[direction];
                if (!_grid.CanMoveEither(cell, to))
                {
                    break;
                }

                if (Teleport(cell, direction) is { } teleport)
                {
                    // EV_Teleport takes a doll as it takes the player: over the line from its front, to the destination.
                    if (teleport.TeleportCell < 0 || (!teleport.Repeatable && _state.Activated[teleport.Line]))
                    {
                        break;
                    }

                    cell = teleport.TeleportCell;
                    doll.Cell = cell;
                    doll.SpawnFeet = null;
                    continue;
                }

                var crossed = _model.Crossings(cell, direction);
                cell = to;
                doll.Cell = cell;
                doll.SpawnFeet = null;
                foreach (var (line, _) in crossed ?? [])
                {
                    var action = _model.Actions[line]!;
                    if (Acts(action) && (action.Repeatable || !_state.Activated[line]) && !_crossedAtSpawn.Contains((i, line)))
                    {
                        _pending.Enqueue((action, doll.Thing));
                    }
                }

                if (_pending.TryDequeue(out var next))
                {
                    return next;
                }
            }
        }

        return null;
    }

    private static bool Acts(LineAction action) => action.Exit || action.Crusher || (action.Move is not null && action.Sectors.Length > 0);

    // The teleport line a step crosses from its front, if any (one crossed from behind does nothing).
    private LineAction? Teleport(int cell, int direction)
    {
        foreach (var (line, frontToBack) in _model.Crossings(cell, direction) ?? [])
        {
            if (_model.Actions[line]!.Teleport && frontToBack)
            {
                return _model.Actions[line];
            }
        }

        return null;
    }

    // A line with something to do between the doll's spawn spot and its cell, or one step past it the way it is
    // carried when that step is free (a doll whose box already touches a stopper stays where it spawned).
    private LineAction? SpawnCrossing(int index, Doll doll)
    {
        var direction = Direction(doll.Cell, doll.SpawnFeet);
        if (direction < 0)
        {
            return null;
        }

        var to = doll.Cell + _grid.Offsets[direction];
        if (!_grid.CanMoveEither(doll.Cell, to))
        {
            to = doll.Cell;
        }

        double x2 = _grid.X(to), y2 = _grid.Y(to);
        foreach (var action in _model.Actions)
        {
            if (action is { Trigger: LineTrigger.Walk } && Acts(action) && (action.Repeatable || !_state.Activated[action.Line])
                && !_crossedAtSpawn.Contains((index, action.Line)))
            {
                var (ax, ay, bx, by) = _model.Geometry.Segment(action.Line);
                if (NavGrid.SegmentsCross(doll.X, doll.Y, x2, y2, ax, ay, bx, by))
                {
                    _crossedAtSpawn.Add((index, action.Line));
                    return action;
                }
            }
        }

        return null;
    }

    // The 8-way direction nearest the carry of the floor under the doll, or -1 where it is not carried.
    private int Direction(int cell, double? feet)
    {
        var (x, y) = _carry.At(cell, feet);
        if (x == 0 && y == 0)
        {
            return -1;
        }

        var angle = Math.Atan2(y, x);
        return ((int)Math.Round(angle / (Math.PI / 4)) + 8) % 8;
    }

    private sealed class Doll(int thing, int cell, double x, double y, double spawnFeet)
    {
        public int Thing { get; } = thing;

        public int Cell { get; set; } = cell;

        /// <summary>Where it spawned.</summary>
        public double X { get; } = x;

        public double Y { get; } = y;

        /// <summary>The floor it spawned on, until its first step (then the highest floor under its box).</summary>
        public double? SpawnFeet { get; set; } = spawnFeet;
    }
}
