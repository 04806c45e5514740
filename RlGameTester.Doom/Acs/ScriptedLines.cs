using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Acs;

/// <summary>
/// A line that starts a script (ACS_Execute, ACS_ExecuteAlways, ACS_LockedExecute, ACS_LockedExecuteDoor) on this map,
/// read as what its script does when that is one thing: a sector move (Super Sonic Doom's lifts are scripts calling
/// Plat_DownWaitUpStay, so that a line can print or play a sound as well) or the end of the level (its MAP05 ends by a
/// walk-over line whose script removes the boss and calls Exit_Normal). The explorer, the proof, the level's metadata and
/// the trajectory validator all read such a line as that special (as they read the level's slopes and sector heights),
/// each with its own model of what the special does. A call that moves a placed polyobject is read as the door move
/// that opens the polyobject's sector (<see cref="Polyobjects.Played"/>), as the same special on a line is.
/// A script is read so only when, with the line's arguments, its code calls exactly one special that acts on the level,
/// with constant arguments, after no branch or wait (so it is sure to be made), touches no line's flags or special and
/// does nothing the reading cannot bound (a library's functions, spawning things, giving inventory);
/// a move must also come before any delay and act on tagged sectors (a tag of 0 would act on the sector behind the
/// line that started the script: left to the ports). Anything else it does (lights, sounds, prints, activating or
/// removing things) changes no way through the level.
/// </summary>
public static class ScriptedLines
{
    // Besides the specials that change nothing a body's way depends on, a script's activating, deactivating or removing
    // things (its monsters, which are not simulated) is left aside.
    private static bool Harmless(int special) => LinedefSpecials.IsHexenHarmless(special) || special is 130 or 131 or 132 or 133;

    /// <summary>The line as what its script does (special and arguments replaced), or the line itself.</summary>
    public static Linedef Effective(Level level, in Linedef line)
    {
        ArgumentNullException.ThrowIfNull(level);
        return Act(level, line) is { } call
            ? line with { Special = call.Special, Args = Args(call) }
            : line;
    }

    /// <summary>The script's one call when the line is read as it (<see cref="Effective"/>), else null.</summary>
    public static AcsCall? Act(Level level, in Linedef line)
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
        // What the reading cannot bound (a library's functions, spawning, inventory) might act on the way as well.
        if (reading.LineBlocking.Count > 0 || reading.LineSpecials.Count > 0 || reading.Unbounded.Count > 0)
        {
            return null;
        }

        var acting = reading.Calls.Where(c => !Harmless(c.Special)).ToList();
        if (acting is not [{ ArgsKnown: true, Conditional: false } call])
        {
            return null;
        }

        if (level.PolyobjectTags.Count > 0 && Polyobjects.Played(call.Special, Args(call), level.PolyobjectTags) is { } played)
        {
            // A placed polyobject's door or move opens its sector, as the same special on a line does.
            call = call with { Special = played.Special, Args = [played.Args.Arg0, played.Args.Arg1, played.Args.Arg2, played.Args.Arg3, played.Args.Arg4] };
        }

        var ends = LinedefSpecials.FindHexen(call.Special)?.Effect is LineEffect.Exit or LineEffect.SecretExit;
        var moves = !call.Delayed && call.Arg(0) != 0 && SectorMoves.FindHexen(call.Special, Args(call)) is not null;
        return ends || moves ? call : null;
    }

    private static SpecialArgs Args(AcsCall call) =>
        new(call.Arg(0) ?? 0, call.Arg(1) ?? 0, call.Arg(2) ?? 0, call.Arg(3) ?? 0, call.Arg(4) ?? 0);
}
