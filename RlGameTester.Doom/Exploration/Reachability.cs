namespace RlGameTester.Doom.Exploration;

/// <summary>
/// The reachable sets under the current heights: what the body can get to from a cell (steps, teleports, running
/// jumps), what can come back to it, and what can still get to an exit. Kept up to date as sectors move: grown from
/// the cells whose steps a move opened, searched again after a step was lost.
/// </summary>
internal sealed class Reachability
{
    private readonly NavGrid _grid;
    private readonly StepGraph _steps;
    private readonly ExitSpots _exits;

    // Per-cell marks, reused: a mark is valid only when it equals the current generation.
    private readonly int[] _reachStamp;
    private readonly int[] _returnStamp;
    private readonly int[] _exitReturnStamp;
    private readonly Dictionary<int, List<int>> _arrivals = [];
    private readonly Queue<int> _queue = new();
    private readonly List<int> _growing = [];
    private int _reachGeneration;
    private int _returnGeneration;
    private int _exitReturnGeneration;
    private bool _exitReturnValid;

    public Reachability(NavGrid grid, StepGraph steps, ExitSpots exits)
    {
        _grid = grid;
        _steps = steps;
        _exits = exits;
        _reachStamp = new int[grid.Count];
        _returnStamp = new int[grid.Count];
        _exitReturnStamp = new int[grid.Count];
        EverReachable = new bool[grid.Count];
    }

    /// <summary>Cells the body could stand in at some point of the run.</summary>
    public bool[] EverReachable { get; }

    /// <summary>An exit is in the set last reached.</summary>
    public bool ExitInReach { get; private set; }

    public bool InReach(int c) => _reachStamp[c] == _reachGeneration;

    public bool InReturn(int c) => _returnStamp[c] == _returnGeneration;

    public bool InExitReturn(int c) => _exitReturnStamp[c] == _exitReturnGeneration;

    /// <summary>Everything reachable from the cell now, and everything from which the cell can be reached again.</summary>
    public void Refresh(int from)
    {
        _exitReturnValid = false;
        Reach(from);
        MarkReturn([from]);
    }

    /// <summary>Everything reachable from a cell.</summary>
    public void Reach(int from)
    {
        _reachGeneration++;
        ExitInReach = false;
        _arrivals.Clear();
        _queue.Clear();
        _reachStamp[from] = _reachGeneration;
        _queue.Enqueue(from);
        ContinueReach(null);
    }

    /// <summary>Cells of the reachable set from which one of the seeds can be reached: the new return set.</summary>
    public void MarkReturn(IEnumerable<int> seeds) => ReachBack(seeds, _returnStamp, ++_returnGeneration);

    /// <summary>
    /// After a change that only opened new steps (a door, a lift, a lowered floor): extends the reachable set and the
    /// set that can come back from the cells whose steps changed, instead of searching everything again.
    /// </summary>
    public void Grow(List<int> grown)
    {
        _exitReturnValid = false;
        _growing.Clear();
        _growing.AddRange(grown);
        grown.Clear();
        _queue.Clear();
        foreach (var c in _growing)
        {
            if (InReach(c))
            {
                _queue.Enqueue(c);
            }
        }

        ContinueReach(_growing);
        var seeds = new List<int>();
        foreach (var c in _growing)
        {
            if (!InReach(c) || InReturn(c))
            {
                continue;
            }

            for (var k = 0; k < StepGraph.Moves; k++)
            {
                var next = _steps.Next(c, k, allowExit: false, out _);
                if (next >= 0 && InReturn(next))
                {
                    _returnStamp[c] = _returnGeneration;
                    seeds.Add(c);
                    break;
                }
            }
        }

        ReachBackFrom(seeds, _returnStamp, _returnGeneration);
    }

    /// <summary>Makes <see cref="InExitReturn"/> hold for the cells of the reachable set from which an exit can be reached.</summary>
    public void EnsureExitReturn()
    {
        if (_exitReturnValid)
        {
            return;
        }

        _exitReturnValid = true;
        var seeds = new List<int>();
        for (var c = 0; c < _grid.Count; c++)
        {
            if (InReach(c) && _exits.IsExit(c, secret: null))
            {
                seeds.Add(c);
            }
        }

        ReachBack(seeds, _exitReturnStamp, ++_exitReturnGeneration);
    }

    // Breadth-first over the moves from the cells queued (already marked), marking what they reach.
    private void ContinueReach(List<int>? reached)
    {
        while (_queue.Count > 0)
        {
            var c = _queue.Dequeue();
            EverReachable[c] = true;
            if (!ExitInReach && _exits.IsExit(c, secret: null))
            {
                ExitInReach = true;
            }

            for (var k = 0; k < StepGraph.Moves; k++)
            {
                var d = k & 7;
                var next = _steps.Next(c, k, allowExit: false, out _);
                if (next < 0)
                {
                    continue;
                }

                if (next != c + _grid.Offsets[d])
                {
                    if (!_arrivals.TryGetValue(next, out var sources))
                    {
                        sources = [];
                        _arrivals.Add(next, sources);
                    }

                    if (!sources.Contains(c))
                    {
                        sources.Add(c);
                    }
                }

                if (_reachStamp[next] != _reachGeneration)
                {
                    _reachStamp[next] = _reachGeneration;
                    reached?.Add(next);
                    _queue.Enqueue(next);
                }
            }
        }
    }

    private void ReachBack(IEnumerable<int> seeds, int[] stamp, int generation)
    {
        var marked = new List<int>();
        foreach (var seed in seeds)
        {
            if (stamp[seed] != generation)
            {
                stamp[seed] = generation;
                marked.Add(seed);
            }
        }

        ReachBackFrom(marked, stamp, generation);
    }

    // A search backwards along the steps, teleports and jumps of the reachable set.
    private void ReachBackFrom(List<int> marked, int[] stamp, int generation)
    {
        _queue.Clear();
        foreach (var seed in marked)
        {
            _queue.Enqueue(seed);
        }

        while (_queue.Count > 0)
        {
            var to = _queue.Dequeue();
            for (var d = 0; d < 8; d++)
            {
                var from = to - _grid.Offsets[d];
                if (stamp[from] == generation || !InReach(from) || _steps.Step(from, d, allowExit: false) != to)
                {
                    continue;
                }

                stamp[from] = generation;
                _queue.Enqueue(from);
            }

            if (_arrivals.TryGetValue(to, out var sources))
            {
                foreach (var from in sources)
                {
                    if (stamp[from] != generation)
                    {
                        stamp[from] = generation;
                        _queue.Enqueue(from);
                    }
                }
            }
        }
    }
}
