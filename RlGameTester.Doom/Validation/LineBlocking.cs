using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// Which lines stop the body as the run's lines have left them: a line set off that calls Line_SetBlocking, or whose
/// script calls it or SetLineBlocking (read by <see cref="ScriptedLines.BlockingChanges"/>), sets or clears the flags of
/// every line with the id from then on: a gate a switch opens is walked through after the switch, not before. The
/// scripts the level starts by itself (<see cref="StartScriptGates"/>) make their changes before the first tic; one that
/// waits on a condition first is assumed past it, as is a line's script that opens its gate once the monsters it counts
/// are dead (<see cref="ScriptedLines.Assumption"/>), and the verdict says so when the body goes where only that lets it.
/// </summary>
internal sealed class LineBlocking
{
    private readonly Level _level;
    private readonly AssumptionLog _assumptions;
    private readonly LinedefFlags[] _flags;

    // The flags as they would be had no assumed wait ended (a start script's, or a line's script's count of things): a
    // line that blocks by these and not by _flags is open on that assumption alone.
    private readonly LinedefFlags[] _unassumed;
    private readonly Dictionary<int, string> _assumedOpenBy = [];
    private readonly Dictionary<int, List<int>> _linesById;

    public LineBlocking(Level level, AssumptionLog assumptions)
    {
        _level = level;
        _assumptions = assumptions;
        _flags = [.. level.Linedefs.Select(l => l.Flags)];
        _linesById = LevelIndex.LinesById(level);
        var gates = StartScriptGates.Of(level);
        foreach (var gate in gates.Where(g => !g.Waits))
        {
            Change(_flags, gate.Change.LineId, gate.Change.Apply);
        }

        _unassumed = [.. _flags];
        foreach (var gate in gates.Where(g => g.Waits))
        {
            Change(_flags, gate.Change.LineId, gate.Change.Apply);
            foreach (var line in LinesWithId(gate.Change.LineId))
            {
                _assumedOpenBy[line] = $"script {gate.Script}, started with the level, got past its wait or condition before the body went through line {line}, which it opens";
            }
        }
    }

    /// <summary>Whether the line stops the body now: one-sided, or blocking by its flags as the run has left them.</summary>
    public bool BlocksPlayer(int index)
    {
        var line = _level.Linedefs[index];
        if (line.FrontSide < 0 || line.BackSide < 0 || Linedef.BlocksPlayerWith(_flags[index]))
        {
            return true;
        }

        if (Linedef.BlocksPlayerWith(_unassumed[index]) && _assumedOpenBy.TryGetValue(index, out var assumption))
        {
            _assumptions.Add(assumption);
        }

        return false;
    }

    /// <summary>
    /// The line was set off: its blocking changes are made; a gate its script opens only once the monsters it counts are
    /// dead is open on that assumption (the verdict says so when the body goes through).
    /// </summary>
    public void SetOff(int index)
    {
        var line = _level.Linedefs[index];
        var assumption = ScriptedLines.Assumption(_level, line);
        foreach (var change in ScriptedLines.BlockingChanges(_level, line))
        {
            Change(_flags, change.LineId, change.Apply);
            if (assumption is null)
            {
                Change(_unassumed, change.LineId, change.Apply);
                continue;
            }

            foreach (var gate in LinesWithId(change.LineId))
            {
                _assumedOpenBy[gate] = $"{assumption}, set off by line {index}; the body went through line {gate}";
            }
        }
    }

    private void Change(LinedefFlags[] flags, int id, Func<LinedefFlags, LinedefFlags> apply)
    {
        foreach (var line in LinesWithId(id))
        {
            flags[line] = apply(flags[line]);
        }
    }

    private List<int> LinesWithId(int id) => _linesById.GetValueOrDefault(id) ?? [];
}
