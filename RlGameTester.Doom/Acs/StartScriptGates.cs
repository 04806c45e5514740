using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Acs;

/// <summary>
/// A blocking change a script the engine starts by itself makes (OPEN when the level begins, ENTER when the player comes
/// in): made at once (<see cref="Waits"/> false), or after a delay or a count of things, which play assumes met (an
/// arena's gate opened once its monsters are dead: Project Zolee MAP02's <c>while (ThingCount(T_NONE, 500) > 0) delay(35);</c>
/// before <c>Line_SetBlocking(33, 0, BLOCKF_PLAYERS)</c>).
/// </summary>
public sealed record StartScriptGate(int Script, LineBlockingChange Change, bool Waits)
{
    /// <summary>What play assumes of a gate that waits, for the finish's assumptions.</summary>
    public string Assumption =>
        $"assumed: script {Script}, started with the level, gets past its wait or condition and opens the lines with id {Change.LineId}";
}

/// <summary>
/// What the scripts that run at the start do to lines' blocking (<see cref="StartScriptGate"/>), read as
/// <see cref="ScriptedLines"/> reads a line's script: its code and the map's scripts it starts, every path. A script is
/// read only when every blocking change it makes has constant arguments and it changes each line id once; a change
/// made after a wait or condition is read only when it opens (a gate shut at some unknown time could not be played) and
/// when its conditions only count things (<see cref="AcsCall.OnCountsOnly"/>: a branch on a variable, an item or a
/// switch statement may never be taken), and a line id more than one such script changes is left out. Nothing else the scripts do is read here; a script that does
/// what the reading cannot bound (a library's functions, spawning) is left out whole. The proof keeps every line a script
/// may clear among what it cannot decide (<c>line blocking</c>), so these gates only let play and its validation through.
/// </summary>
public static class StartScriptGates
{
    /// <summary>The level's start scripts' gates; none for a Doom-format level or an unreadable BEHAVIOR lump.</summary>
    public static IReadOnlyList<StartScriptGate> Of(Level level)
    {
        ArgumentNullException.ThrowIfNull(level);
        if (level.UsesDoomSpecials || level.Scripts.Problem is not null)
        {
            return [];
        }

        var gates = new List<StartScriptGate>();
        foreach (var script in level.Scripts.Scripts.Where(s => s.RunsAtStart))
        {
            if (ScriptedLines.CallsOf(level, script, []) is not { } calls)
            {
                continue;
            }

            var own = new List<StartScriptGate>();
            foreach (var call in calls.Where(c => c.Special == LineBlockingChange.Special))
            {
                var waits = call.Delayed || call.Conditional;
                if (!call.ArgsKnown || LineBlockingChange.Of(call.LineArgs) is not { } change || own.Exists(g => g.Change.LineId == change.LineId) ||
                    (waits && change.Set != LinedefFlags.None) || (call.Conditional && !call.OnCountsOnly))
                {
                    own = null;
                    break;
                }

                own.Add(new StartScriptGate(script.Number, change, waits));
            }

            gates.AddRange(own ?? []);
        }

        var shared = gates.GroupBy(g => g.Change.LineId).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return [.. gates.Where(g => !shared.Contains(g.Change.LineId))];
    }
}
