using RlGameTester.Doom.Exploration;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// The body's centre at every tic, from the Position events, and the teleports that break the path: a teleport at tic T
/// ends the move of tic T+1 at the event's point (where the line was crossed), after which the body is at the destination.
/// </summary>
internal sealed class PathSamples
{
    private readonly double[] _xs;
    private readonly double[] _ys;
    private readonly bool[] _present;
    private readonly Dictionary<int, ExplorerEvent> _teleports = [];

    public PathSamples(IReadOnlyList<ExplorerEvent> events)
    {
        var last = -1;
        foreach (var e in events)
        {
            last = Math.Max(last, e.Tick);
        }

        var length = Math.Max(0, last + 1);
        _xs = new double[length];
        _ys = new double[length];
        _present = new bool[length];
        foreach (var e in events)
        {
            if (e.Tick < 0)
            {
                continue;
            }

            if (e.Kind == ExplorerEventKind.Position && !_present[e.Tick])
            {
                _xs[e.Tick] = e.X;
                _ys[e.Tick] = e.Y;
                _present[e.Tick] = true;
            }
            else if (e.Kind == ExplorerEventKind.Teleport)
            {
                _teleports.TryAdd(e.Tick, e);
            }
        }

        // A walk-over exit ends the run on the move that crosses it: the exit event's point is where that move ends.
        if (events.Count > 0 && events[^1] is { Kind: ExplorerEventKind.ExitReached } exit && exit.Tick == last && _present[last]
            && (exit.X != _xs[last] || exit.Y != _ys[last]))
        {
            Array.Resize(ref _xs, length + 1);
            Array.Resize(ref _ys, length + 1);
            Array.Resize(ref _present, length + 1);
            _xs[length] = exit.X;
            _ys[length] = exit.Y;
            _present[length] = true;
            FinalMove = length;
        }
    }

    /// <summary>The tic of the closing move to a walk-over exit's point, when the run ends with one; else null.</summary>
    public int? FinalMove { get; }

    public bool Has(int tick) => tick >= 0 && tick < _present.Length && _present[tick];

    /// <summary>The centre at the tic, or at the last tic before it with a position (null before the first).</summary>
    public (double X, double Y)? At(int tick)
    {
        for (var t = Math.Min(tick, _present.Length - 1); t >= 0; t--)
        {
            if (_present[t])
            {
                return (_xs[t], _ys[t]);
            }
        }

        return null;
    }

    /// <summary>The teleport that ends the move after this tic, if any.</summary>
    public ExplorerEvent? TeleportAt(int tick) => _teleports.GetValueOrDefault(tick);

    /// <summary>
    /// The straight move that ends at the tic: from the previous position to this one, or to the teleport's crossing
    /// point when the body teleported during it. Null at the first position or without positions.
    /// </summary>
    public (double Ax, double Ay, double Bx, double By)? MoveEndingAt(int tick)
    {
        if (!Has(tick))
        {
            return null;
        }

        var previous = tick - 1;
        while (previous >= 0 && !_present[previous])
        {
            previous--;
        }

        if (previous < 0)
        {
            return null;
        }

        var teleport = TeleportAt(previous);
        return teleport is null
            ? (_xs[previous], _ys[previous], _xs[tick], _ys[tick])
            : (_xs[previous], _ys[previous], teleport.X, teleport.Y);
    }
}
