using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// Which lines stop the body as the run's lines have left them: a line set off that calls Line_SetBlocking, or whose
/// script calls it or SetLineBlocking (read by <see cref="ScriptedLines.BlockingChanges"/>), sets or clears the flags of
/// every line with the id from then on: a gate a switch opens is walked through after the switch, not before.
/// </summary>
internal sealed class LineBlocking
{
    private readonly Level _level;
    private readonly LinedefFlags[] _flags;
    private readonly Dictionary<int, List<int>> _linesById;

    public LineBlocking(Level level)
    {
        _level = level;
        _flags = [.. level.Linedefs.Select(l => l.Flags)];
        _linesById = LevelIndex.LinesById(level);
    }

    /// <summary>Whether the line stops the body now: one-sided, or blocking by its flags as the run has left them.</summary>
    public bool BlocksPlayer(int index)
    {
        var line = _level.Linedefs[index];
        return line.FrontSide < 0 || line.BackSide < 0 || Linedef.BlocksPlayerWith(_flags[index]);
    }

    /// <summary>The line was set off: its blocking changes are made.</summary>
    public void SetOff(int index)
    {
        foreach (var change in ScriptedLines.BlockingChanges(_level, _level.Linedefs[index]))
        {
            foreach (var line in _linesById.GetValueOrDefault(change.LineId) ?? [])
            {
                _flags[line] = change.Apply(_flags[line]);
            }
        }
    }
}
