using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// The validator's record of the level's lines over the run: each line's rule, whether its special is still there (Doom
/// clears a one-shot special when it is set off), the tics at which the run says it set each line off, and which of
/// those claims the checks allowed (an exit claim rests on its activation).
/// </summary>
internal sealed class LineLedger
{
    // A crossing counts as claimed by an event within this many tics of it, either way: the explorer's events may be
    // stamped a few tics off the move that crosses (the walk-over checks allow a tic before to two after).
    private const int ClaimWindow = 3;

    private readonly LineRule?[] _rules;
    private readonly bool[] _specialActive;

    // The tics at which the run says each line was set off (activations, teleports, exits), to find crossings it left out.
    private readonly Dictionary<int, List<int>> _claims = [];

    private readonly HashSet<(int Tick, int Line)> _claimedActivations = [];
    private readonly HashSet<(int Tick, int Line)> _legalActivations = [];

    public LineLedger(Level level, IReadOnlyList<ExplorerEvent> events)
    {
        _specialActive = new bool[level.Linedefs.Length];
        _rules = new LineRule?[level.Linedefs.Length];
        for (var i = 0; i < _specialActive.Length; i++)
        {
            _specialActive[i] = level.Linedefs[i].Special != 0;
            _rules[i] = LineRule.Of(level, level.Linedefs[i]);
        }

        foreach (var e in events)
        {
            if (e.Line is { } claimed && e.Kind is ExplorerEventKind.LineActivated or ExplorerEventKind.Teleport or ExplorerEventKind.ExitReached)
            {
                if (!_claims.TryGetValue(claimed, out var ticks))
                {
                    ticks = [];
                    _claims.Add(claimed, ticks);
                }

                ticks.Add(e.Tick);
            }
        }
    }

    /// <summary>The rule of the line's special, or null when it has none Doom knows.</summary>
    public LineRule? Rule(int line) => _rules[line];

    /// <summary>Whether the line still has its special (it has one, and no one-shot use cleared it).</summary>
    public bool IsActive(int line) => _specialActive[line];

    /// <summary>The line was set off: Doom clears the special of a line that does not repeat.</summary>
    public void SetOff(int line, LineRule rule)
    {
        if (!rule.Repeatable)
        {
            _specialActive[line] = false;
        }
    }

    /// <summary>Whether the run claims the line set off within <see cref="ClaimWindow"/> tics of the tic.</summary>
    public bool ClaimedNear(int line, int tick)
    {
        if (!_claims.TryGetValue(line, out var ticks))
        {
            return false;
        }

        foreach (var t in ticks)
        {
            if (t >= tick - ClaimWindow && t <= tick + ClaimWindow)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The run claims the line set off at the tic (checked or not).</summary>
    public void AddClaimed(int tick, int line) => _claimedActivations.Add((tick, line));

    public bool WasClaimed(int tick, int line) => _claimedActivations.Contains((tick, line));

    /// <summary>The line was set off at the tic as Doom allows.</summary>
    public void AddLegal(int tick, int line) => _legalActivations.Add((tick, line));

    public bool WasLegal(int tick, int line) => _legalActivations.Contains((tick, line));
}
