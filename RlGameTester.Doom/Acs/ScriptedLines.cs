using RlGameTester.Doom.Actors;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Acs;

/// <summary>
/// A line that starts a script (ACS_Execute, ACS_ExecuteAlways, ACS_LockedExecute, ACS_LockedExecuteDoor) on this map,
/// read as what its script does: one sector move (Super Sonic Doom's lifts are scripts calling Plat_DownWaitUpStay, so
/// that a line can print or play a sound as well) or the end of the level (its MAP05 ends by a walk-over line whose
/// script removes the boss and calls Exit_Normal), and the lines whose blocking it sets or clears (Line_SetBlocking,
/// SetLineBlocking: gates and force fields). The explorer, the proof, the level's metadata and the trajectory validator
/// all read such a line so (as they read the level's slopes and sector heights), each with its own model of what the
/// special does. A call that moves a placed polyobject is read as the door move that opens the polyobject's sector
/// (<see cref="Polyobjects.Played"/>), as the same special on a line is.
/// A script is read so only when, with the line's arguments, its code (and that of the map's scripts it starts, read in
/// their place) calls at most one special that acts on the level besides its blocking changes (or one move, the same but
/// for its tag, on several tags: <see cref="MoreTags"/>), each with constant
/// arguments, after no branch or wait (so it is sure to be made), changes each line id's blocking once at most, gives no line a special and does nothing the reading cannot bound (a
/// library's functions, spawning things, giving inventory); a move must also come before any delay and act on tagged
/// sectors (a tag of 0 would act on the sector behind the line that started the script: left to the ports). Anything
/// else it does (lights, sounds, prints, activating or removing things) changes no way through the level.
/// </summary>
public static class ScriptedLines
{
    // Scripts a script starts are read as part of it, this deep, and this many in all for one line (a script starting
    // several that each start several would otherwise be read a number of times that grows with the depth's power).
    private const int MaxDepth = 4;
    private const int MaxScriptsRead = 16;

    // Besides the specials that change nothing a body's way depends on, a script's activating, deactivating or removing
    // things (its monsters, which are not simulated), sending monsters to a goal (Thing_SetGoal), spawning plain monsters
    // (Thing_Spawn, Thing_SpawnNoFog, Thing_SpawnFacing of a spawn number SpawnedThings reads as harmless) and player
    // properties that only pause or shield the player (SetPlayerProperty's frozen, no target, instant weapon switch,
    // totally frozen) are left aside.
    private static bool Harmless(Level level, AcsCall call) =>
        LinedefSpecials.IsHexenHarmless(call.Special) || call.Special is 130 or 131 or 132 or 133 or 229 ||
        (call.Special == 191 && call.Arg(2) is 0 or 1 or 2 or 4) ||
        SpawnedThings.IsHarmlessSpawn(level, call.Special, call.Arg(1));

    // What a reading of a script does that no reading bounds, or that acts on the level other than by its calls: its
    // unbounded code, lines given specials, things spawned that are not plain monsters (SpawnedThings).
    private static bool Bounded(Level level, AcsReading reading) =>
        reading.Unbounded.Count == 0 && reading.LineSpecials.Count == 0 && reading.Spawns.TrueForAll(c => SpawnedThings.IsHarmless(level, c));

    /// <summary>
    /// Whether the map's scripts, every path of each read, do nothing a body's way depends on: no call but the harmless
    /// ones (lights, sounds, activating things, cameras) and starting scripts, no special given to a line, nothing the
    /// reading cannot bound (PSX Doom CE's scripts only light its sectors). False for a BEHAVIOR lump that could not be
    /// read. Scripts a mod's libraries hold (LOADACS) are not the map's and are not read here.
    /// </summary>
    public static bool AllHarmless(Level level)
    {
        ArgumentNullException.ThrowIfNull(level);
        if (level.Scripts.Problem is not null)
        {
            return false;
        }

        foreach (var script in level.Scripts.Scripts)
        {
            var reading = AcsReading.Of(level.Scripts, script, new int?[Math.Max(script.ArgCount, 0)]);
            if (!Bounded(level, reading) || reading.Calls.Exists(c => !Harmless(level, c) && c.Special is not (80 or 83 or 84 or 85 or 226)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The line as what its script does (special and arguments replaced), or the line itself.</summary>
    public static Linedef Effective(Level level, in Linedef line)
    {
        ArgumentNullException.ThrowIfNull(level);
        return Act(level, line) is { } call
            ? line with { Special = call.Special, Args = call.LineArgs }
            : line;
    }

    /// <summary>
    /// The tags besides the effective special's own (its first argument) that the line's script makes the same move on:
    /// every reader of <see cref="Effective"/> moves their sectors too. Empty for a line not read as its script.
    /// </summary>
    public static IReadOnlyList<int> MoreTags(Level level, in Linedef line)
    {
        ArgumentNullException.ThrowIfNull(level);
        return Read(level, line)?.MoreTags ?? [];
    }

    /// <summary>The script's one move or exit when the line is read as it (<see cref="Effective"/>), else null.</summary>
    public static AcsCall? Act(Level level, in Linedef line)
    {
        ArgumentNullException.ThrowIfNull(level);
        return Read(level, line)?.Act;
    }

    /// <summary>
    /// The blocking changes a line makes when set off: its own Line_SetBlocking, or its script's when the script is read
    /// (see the class summary); none else.
    /// </summary>
    public static IReadOnlyList<LineBlockingChange> BlockingChanges(Level level, in Linedef line)
    {
        ArgumentNullException.ThrowIfNull(level);
        if (level.UsesDoomSpecials)
        {
            return [];
        }

        if (line.Special == LineBlockingChange.Special)
        {
            return LineBlockingChange.Of(line.Args) is { } own ? [own] : [];
        }

        return Read(level, line)?.Blocking ?? [];
    }

    /// <summary>
    /// What play assumes when the line is set off, or null: its script opens a gate, makes its move or ends the level
    /// only once a count of things it waits on holds (an ambush's monsters dead), which play takes as met when the line
    /// is set off, as it takes a boss's death.
    /// </summary>
    public static string? Assumption(Level level, in Linedef line)
    {
        ArgumentNullException.ThrowIfNull(level);
        return Read(level, line)?.Assumption;
    }

    /// <summary>
    /// The assumption (<see cref="Assumption"/>) when the line's own move or exit rests on it, or null: one that only
    /// opens gates is the validator's to state where the body goes through them.
    /// </summary>
    public static string? MoveAssumption(Level level, in Linedef line)
    {
        ArgumentNullException.ThrowIfNull(level);
        return Read(level, line) is { Act.OnCountsOnly: true } reading ? reading.Assumption : null;
    }

    /// <summary>
    /// The one sector move a thing's death script makes (its special ACS_Execute or ACS_ExecuteAlways of a map script),
    /// read as a line's script is, except that the move may come after a branch or a wait: such scripts count the dead
    /// (Dead Simple's "when the last one dies") before they move, and the explorer assumes every such thing dead at
    /// once. Null when the script makes no single sure-to-be-read move (or exits, or changes lines' blocking).
    /// </summary>
    public static AcsCall? DeathMove(Level level, in Thing thing)
    {
        ArgumentNullException.ThrowIfNull(level);
        if (level.UsesDoomSpecials || thing.Special is not (80 or 226) || thing.Args.Arg1 != 0 || level.Scripts.Find(thing.Args.Arg0) is not { } script)
        {
            return null;
        }

        if (CallsOf(level, script, [thing.Args.Arg2, thing.Args.Arg3, thing.Args.Arg4]) is not { } calls)
        {
            return null;
        }

        return calls.Where(c => !Harmless(level, c)).ToList() is [{ ArgsKnown: true } act] && act.Arg(0) != 0 &&
            SectorMoves.FindHexen(act.Special, act.LineArgs) is not null
            ? act
            : null;
    }

    private static Reading? Read(Level level, in Linedef line)
    {
        if (level.UsesDoomSpecials || line.Special is not (80 or 83 or 85 or 226) || line.Args.Arg1 != 0 ||
            level.Scripts.Find(line.Args.Arg0) is not { } script)
        {
            return null;
        }

        // ACS_Execute(script, map, arg1, arg2, arg3); the locked ones carry the lock where the third argument would be.
        int?[] args = line.Special is 83 or 85 ? [line.Args.Arg2, line.Args.Arg3, 0] : [line.Args.Arg2, line.Args.Arg3, line.Args.Arg4];
        if (CallsOf(level, script, args) is not { } calls)
        {
            return null;
        }

        if (BlockingOf(calls) is not var (blocking, assumed))
        {
            return null;
        }

        var acting = calls.Where(c => c.Special != LineBlockingChange.Special && !Harmless(level, c)).ToList();
        if (acting is [])
        {
            return blocking.Count > 0 ? new Reading(null, blocking, [], AssumptionOf(script, assumed, null)) : null;
        }

        // One move, or the same move on several tags (PSX Doom CE's scripts open two doors with two Door_Open calls, as
        // one Doom line moves every sector of its tag): each sure to be made, or each made once a count of things holds
        // (an ambush's door opened when its monsters are dead, assumed as a boss's death is), with the same arguments but
        // the tag.
        if (acting[0] is not { ArgsKnown: true } act || !(act is { Conditional: false } || act.OnCountsOnly) ||
            acting.Exists(c => c is not { ArgsKnown: true } || c.Special != act.Special || c.Delayed != act.Delayed || c.Conditional != act.Conditional ||
                c.Uncertain != act.Uncertain || !c.Args.Skip(1).SequenceEqual(act.Args.Skip(1)) || (acting.Count > 1 && c.Arg(0) == 0)))
        {
            return null;
        }

        // Several tags are read for a sector move only: not for an exit, nor for a polyobject's move.
        var moreTags = acting.Skip(1).Select(c => c.Arg(0)!.Value).Where(t => t != act.Arg(0)).Distinct().ToList();
        var played = level.PolyobjectTags.Count > 0 ? Polyobjects.Played(act.Special, act.LineArgs, level.PolyobjectTags) : null;
        var ends = LinedefSpecials.FindHexen(act.Special)?.Effect is LineEffect.Exit or LineEffect.SecretExit;
        if (moreTags.Count > 0 && (ends || played is not null))
        {
            return null;
        }

        if (played is { } poly)
        {
            // A placed polyobject's door or move opens its sector, as the same special on a line does.
            act = act with { Special = poly.Special, Args = [poly.Args.Arg0, poly.Args.Arg1, poly.Args.Arg2, poly.Args.Arg3, poly.Args.Arg4] };
        }

        // A move after a delay alone is timed by nothing here; after a count of things, it is made when the count holds.
        var moves = (!act.Delayed || act.OnCountsOnly) && act.Arg(0) != 0 && SectorMoves.FindHexen(act.Special, act.LineArgs) is not null;
        return ends || moves ? new Reading(act, blocking, moreTags, AssumptionOf(script, assumed, act.OnCountsOnly ? act : null)) : null;
    }

    // What play assumes of a line read as its script, or null: that the counts of things its gates or its move wait on
    // hold (its monsters are dead) when the line is set off.
    private static string? AssumptionOf(AcsScript script, List<int> gates, AcsCall? move)
    {
        var what = new List<string>();
        if (gates.Count > 0)
        {
            what.Add($"opens the lines with id {string.Join(", ", gates)}");
        }

        if (move is not null)
        {
            var info = LinedefSpecials.FindHexen(move.Special);
            what.Add(info?.Effect is LineEffect.Exit or LineEffect.SecretExit ? "ends the level" : $"makes its move ({info?.Name ?? $"special {move.Special}"})");
        }

        return what.Count == 0 ? null
            : $"assumed: script {script.Number}'s count of things reaches what it waits for (its monsters dead), and it {string.Join(" and ", what)}";
    }

    /// <summary>
    /// The script's calls with those of the map's scripts it starts in their place (see <see cref="Collect"/>), or null
    /// when any of it cannot be bounded.
    /// </summary>
    internal static List<AcsCall>? CallsOf(Level level, AcsScript script, IReadOnlyList<int?> args)
    {
        var calls = new List<AcsCall>();
        var chains = new List<(int Script, bool Delayed)[]>();
        var budget = MaxScriptsRead;
        if (!Collect(level, script, args, calls, chains, [], [script.Number], ref budget))
        {
            return null;
        }

        // ACS_Suspend and ACS_Terminate (harmless themselves) may stop a script, at a time the reading does not know,
        // before it makes a later call or starts the script that makes it: what the script they name (any, when the
        // number is unknown) does after a delay is no longer sure. What it does before its first delay is done at once.
        foreach (var stop in calls.Where(c => c.Special is 81 or 82).ToList())
        {
            for (var i = 0; i < calls.Count; i++)
            {
                if (chains[i].Any(step => step.Delayed && (stop.Arg(0) is not { } number || step.Script == number)))
                {
                    calls[i] = calls[i] with { Conditional = true, Uncertain = true };
                }
            }
        }

        return calls;
    }

    // The script's calls, with those of the map's scripts it starts (ACS_Execute, ACS_ExecuteAlways) in their place, made
    // no earlier and no surer than the start; false when any of it cannot be bounded (a library's functions, spawning,
    // inventory, a line given a special), starts a script it cannot name, or starts more than the reading takes on.
    // Each call's chain: the scripts it is made through, each with whether its step (the call, or the start of the next
    // script) comes after a delay in that script.
    private static bool Collect(Level level, AcsScript script, IReadOnlyList<int?> args, List<AcsCall> calls, List<(int Script, bool Delayed)[]> chains,
        List<(int Script, bool Delayed)> path, HashSet<int> started, ref int budget)
    {
        if (budget-- <= 0)
        {
            return false;
        }

        var module = level.Scripts;
        var reading = AcsReading.Of(module, script, args);
        if (!Bounded(level, reading))
        {
            return false;
        }

        foreach (var call in reading.Calls)
        {
            if (call.Special is not (80 or 226))
            {
                calls.Add(call);
                chains.Add([.. path, (script.Number, call.Delayed)]);
                continue;
            }

            if (started.Count > MaxDepth || call.Arg(1) != 0 || call.Arg(0) is not { } number || module.Find(number) is not { } next ||
                !started.Add(number))
            {
                return false;
            }

            var from = calls.Count;
            path.Add((script.Number, call.Delayed));
            if (!Collect(level, next, [call.Arg(2), call.Arg(3), call.Arg(4)], calls, chains, path, started, ref budget))
            {
                return false;
            }

            path.RemoveAt(path.Count - 1);
            started.Remove(number);
            for (var i = from; i < calls.Count; i++)
            {
                calls[i] = calls[i] with
                {
                    Delayed = calls[i].Delayed || call.Delayed,
                    Conditional = calls[i].Conditional || call.Conditional,
                    Uncertain = calls[i].Uncertain || call.Uncertain,
                };
            }
        }

        return true;
    }

    // The script's one move or exit (null when it only changes lines' blocking), the tags it makes the same move on
    // besides the move's own, and its blocking changes.
    private sealed record Reading(AcsCall? Act, IReadOnlyList<LineBlockingChange> Blocking, IReadOnlyList<int> MoreTags, string? Assumption);

    // The blocking changes of a script's calls, one per line id, with the ids whose opening play assumes (null when they
    // cannot be read). A change to an id known at run time, or two different changes to one id (a gate shut, then
    // opened again), leave the line to the ports. One change made on several paths is made when any of them is taken:
    // sure when one path has no condition; assumed when every path waits on a count of things (its monsters dead) and
    // the change opens (a gate shut at an unknown time could not be played); else not read.
    private static (List<LineBlockingChange> Changes, List<int> Assumed)? BlockingOf(List<AcsCall> calls)
    {
        var changes = new List<LineBlockingChange>();
        var assumed = new List<int>();
        foreach (var paths in calls.Where(c => c.Special == LineBlockingChange.Special).GroupBy(c => c.Arg(0)))
        {
            if (paths.Any(c => !c.ArgsKnown) || paths.Select(c => LineBlockingChange.Of(c.LineArgs)).Distinct().ToList() is not [{ } change])
            {
                return null;
            }

            if (!paths.Any(c => !c.Conditional))
            {
                if (!paths.Any(c => c.OnCountsOnly) || change.Set != LinedefFlags.None)
                {
                    return null;
                }

                assumed.Add(change.LineId);
            }

            changes.Add(change);
        }

        return (changes, assumed);
    }
}
