using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Acs;

/// <summary>
/// A line that starts a script (ACS_Execute, ACS_ExecuteAlways, ACS_LockedExecute, ACS_LockedExecuteDoor) on this map,
/// read as the one sector move its script makes: Super Sonic Doom's lifts are scripts calling Plat_DownWaitUpStay, so
/// that a line can print or play a sound as well. The explorer, the proof and the trajectory validator all read such a
/// line as the move (as they read the level's slopes and sector heights), each with its own model of what the move does.
/// A script is read so only when, with the line's arguments, its code calls exactly one special that acts on the
/// level, a sector move of tagged sectors whose arguments are constants, before any delay or wait, and touches no line's flags or
/// special; anything else it does (lights, sounds, prints, activating things) changes no way through the level.
/// </summary>
public static class ScriptedLines
{
    // Besides the specials that change nothing a body's way depends on, a script's activating or deactivating things
    // (its monsters, which are not simulated) is left aside.
    private static bool Harmless(int special) => LinedefSpecials.IsHexenHarmless(special) || special is 130 or 131;

    /// <summary>The line as the move its script makes (special and arguments replaced), or the line itself.</summary>
    public static Linedef Effective(Level level, in Linedef line)
    {
        ArgumentNullException.ThrowIfNull(level);
        return Move(level, line) is { } call
            ? line with { Special = call.Special, Args = new SpecialArgs(call.Arg(0)!.Value, call.Arg(1)!.Value, call.Arg(2)!.Value, call.Arg(3)!.Value, call.Arg(4)!.Value) }
            : line;
    }

    /// <summary>The script's one call when the line is read as it (<see cref="Effective"/>), else null.</summary>
    public static AcsCall? Move(Level level, in Linedef line)
    {
        ArgumentNullException.ThrowIfNull(level);
        if (level.UsesDoomSpecials || line.Special is not (80 or 83 or 85 or 226) || line.Args.Arg1 != 0 ||
            level.Scripts.Find(line.Args.Arg0) is not { } script)
        {
            return null;
        }

        // ACS_Execute(script, map, arg1, arg2, arg3); the locked ones carry the lock where the third argument would be.
        int?[] args = line.Special is 83 or 85 ? [line.Args.Arg2, line.Args.Arg3, 0] : [line.Args.Arg2, line.Args.Arg3, line.Args.Arg4];
        var reading = AcsReading.Of(level.Scripts, script, args);
        if (reading.LineBlocking.Count > 0 || reading.LineSpecials.Count > 0)
        {
            return null;
        }

        var acting = reading.Calls.Where(c => !Harmless(c.Special)).ToList();
        // A tag of 0 would act on the sector behind the line that started the script: left to the ports.
        return acting is [{ ArgsKnown: true, Delayed: false } call] && call.Arg(0) != 0 && SectorMoves.FindHexen(call.Special, Args(call)) is not null ? call : null;
    }

    private static SpecialArgs Args(AcsCall call) =>
        new(call.Arg(0) ?? 0, call.Arg(1) ?? 0, call.Arg(2) ?? 0, call.Arg(3) ?? 0, call.Arg(4) ?? 0);
}
