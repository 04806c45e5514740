using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Acs;

/// <summary>A line special a script calls, with the arguments a static reading knows (null: computed at run time).</summary>
/// <param name="Delayed">Whether a delay or a wait comes before it in the code: then it does not act when the script starts.</param>
/// <param name="Conditional">Whether a condition or a wait comes before it in the code (a branch, a ThingCount, a wait for
/// sectors or scripts): then it may never act.</param>
/// <param name="Uncertain">Whether one of those conditions is other than a branch on a count of things (a wait for
/// sectors or scripts, a switch, a branch on anything else: a variable, an item the player holds).</param>
public sealed record AcsCall(int Special, IReadOnlyList<int?> Args, int Script, int Address, bool Delayed, bool Conditional, bool Uncertain = false)
{
    /// <summary>
    /// Made once every condition before it holds, and those only count things: an arena's "when its monsters are dead"
    /// (<c>while (ThingCount(T_NONE, 500) > 0) delay(35);</c>), which play may assume met as it assumes a boss's death.
    /// </summary>
    public bool OnCountsOnly => Conditional && !Uncertain;

    public bool ArgsKnown => Args.All(a => a is not null);

    public int? Arg(int index) => index < Args.Count ? Args[index] : 0;

    /// <summary>The arguments as a line carries them (an unknown one as 0).</summary>
    public SpecialArgs LineArgs => new(Arg(0) ?? 0, Arg(1) ?? 0, Arg(2) ?? 0, Arg(3) ?? 0, Arg(4) ?? 0);
}

/// <summary>
/// What a script does as far as reading its code tells, without running it: the line specials it calls (ACS_Execute
/// included, so the scripts it starts can be read in turn; SetLineBlocking as the Line_SetBlocking it amounts to), the
/// specials it gives lines, and what it does that a reading cannot bound (spawning things, giving inventory, moving
/// actors, engine functions). Every path through the code counts, whatever its conditions: a script that may do
/// something is read as doing it.
/// The reading keeps constants only where ACC leaves them, pushed just before their use: the stack is dropped at every
/// jump target and after every instruction it does not model, so an argument it reports is the one the code passes.
/// </summary>
public sealed class AcsReading
{
    private const int MaxInstructions = 100_000;

    private AcsReading()
    {
    }

    public List<AcsCall> Calls { get; } = [];

    /// <summary>SetLineSpecial calls: the line id and the special it gives.</summary>
    public List<(int? LineId, int? Special)> LineSpecials { get; } = [];

    /// <summary>
    /// The classes it spawns by name (Spawn, SpawnSpot, SpawnSpotFacing) where its string table names them; a spawn of a
    /// class the reading cannot name is among <see cref="Unbounded"/>.
    /// </summary>
    public List<string> Spawns { get; } = [];

    /// <summary>What the script does that the reading cannot bound, for a finding ("spawns things at 1234").</summary>
    public List<string> Unbounded { get; } = [];

    // A delay or wait was read: calls after it act later than the script's start.
    private bool _delayed;

    // A branch or a wait was read: calls after it may not be made.
    private bool _conditional;

    // ...and one of them is other than a branch on a count of things.
    private bool _uncertain;

    /// <summary>Reads a script given the arguments it is started with (null where unknown; missing ones are 0).</summary>
    public static AcsReading Of(AcsModule module, AcsScript script, IReadOnlyList<int?> args)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(args);
        var reading = new AcsReading();
        var locals = new int?[Math.Max(script.ArgCount, 0)];
        for (var i = 0; i < locals.Length; i++)
        {
            locals[i] = i < args.Count ? args[i] : 0;
        }

        reading.Sweep(module, script.Number, script.Address, locals, new HashSet<int>());
        return reading;
    }

    private void Sweep(AcsModule module, int scriptNumber, int start, int?[] arguments, HashSet<int> functionsRead)
    {
        var code = module.Code.Span;
        var end = module.EndOf(start);
        var operands = new List<int>();

        // First pass: jump targets, and how often each script variable is written (a variable written twice is unknown).
        var targets = new HashSet<int>();
        var writes = new Dictionary<int, int>();
        var count = 0;
        for (var pc = start; pc < end && count++ < MaxInstructions;)
        {
            if (!AcsCode.TryDecode(code, pc, end, module.Compressed, operands, out var op, out var next))
            {
                Unbounded.Add($"has code at {pc} the reading cannot decode");
                end = pc;
                break;
            }

            if (op is AcsCode.Goto or AcsCode.IfGoto or AcsCode.IfNotGoto)
            {
                targets.Add(operands[0]);
            }
            else if (op == AcsCode.CaseGoto)
            {
                targets.Add(operands[1]);
            }
            else if (op == AcsCode.CaseGotoSorted)
            {
                for (var i = 2; i < operands.Count; i += 2)
                {
                    targets.Add(operands[i]);
                }
            }
            else if (WritesScriptVariable(op))
            {
                writes[operands[0]] = writes.GetValueOrDefault(operands[0]) + 1;
            }

            pc = next;
        }

        var variables = new Dictionary<int, int?>();
        for (var i = 0; i < arguments.Length; i++)
        {
            // An argument the script writes to is no longer what it was started with.
            variables[i] = writes.ContainsKey(i) ? null : arguments[i];
        }

        var stack = new ValueStack();
        count = 0;
        for (var pc = start; pc < end && count++ < MaxInstructions;)
        {
            AcsCode.TryDecode(code, pc, end, module.Compressed, operands, out var op, out var next);
            if (targets.Contains(pc))
            {
                stack.Clear();
            }

            Step(module, scriptNumber, pc, op, operands, stack, variables, writes, functionsRead);
            pc = next;
        }
    }

    private void Step(AcsModule module, int script, int pc, int op, List<int> operands, ValueStack stack, Dictionary<int, int?> variables,
        Dictionary<int, int> writes, HashSet<int> functionsRead)
    {
        int? Pop() => stack.Pop().Value;
        switch (op)
        {
            case AcsCode.PushNumber or AcsCode.PushByte or AcsCode.PushBytes or (>= AcsCode.Push2Bytes and <= AcsCode.Push5Bytes):
                foreach (var value in operands)
                {
                    stack.Push(value);
                }

                return;
            case AcsCode.PushScriptVar:
                {
                    var value = variables.GetValueOrDefault(operands[0]);
                    stack.Push(value, value is null ? ValueSource.Unknown : ValueSource.Constant);
                    return;
                }

            case AcsCode.PushMapVar or AcsCode.PushWorldVar or AcsCode.PushGlobalVar:
                // Map, world and global variables: whatever another script or level left there.
                stack.Push(null, ValueSource.Unknown);
                return;
            case >= AcsCode.Equal and <= AcsCode.GreaterOrEqual:
            case AcsCode.AndLogical or AcsCode.OrLogical or AcsCode.NegateLogical:
                // A comparison or a logical operation: what a branch on it tests is what it was given.
                stack.Push(null, stack.PopSources(op == AcsCode.NegateLogical ? 1 : 2));
                return;
            case AcsCode.AssignScriptVar:
                {
                    var value = Pop();
                    variables[operands[0]] = writes.GetValueOrDefault(operands[0]) == 1 ? value : null;
                    return;
                }

            case AcsCode.AssignMapVar or AcsCode.AssignWorldVar or AcsCode.AssignGlobalVar or AcsCode.Drop:
                Pop();
                return;
            case AcsCode.IfGoto or AcsCode.IfNotGoto:
                _conditional = true;
                _uncertain |= stack.Pop().Source != ValueSource.ThingCount;
                return;
            case AcsCode.Delay:
                Pop();
                _delayed = true;
                return;
            case AcsCode.DelayDirect or AcsCode.DelayDirectB:
                _delayed = true;
                return;
            case AcsCode.TagWait or AcsCode.PolyWait or AcsCode.ScriptWait:
                // A sector or polyobject may never stop (a perpetual platform), a script never end.
                Pop();
                _delayed = _conditional = _uncertain = true;
                return;
            case AcsCode.TagWaitDirect or AcsCode.PolyWaitDirect or AcsCode.ScriptWaitDirect:
                _delayed = _conditional = _uncertain = true;
                return;
            case AcsCode.ThingCount or AcsCode.ThingCountName or AcsCode.ThingCountSector:
                stack.PopValues(op == AcsCode.ThingCountSector ? 3 : 2);
                stack.Push(null, ValueSource.ThingCount);
                _conditional = true;
                return;
            case AcsCode.ThingCountDirect:
                stack.Push(null, ValueSource.ThingCount);
                _conditional = true;
                return;
            case AcsCode.CaseGoto or AcsCode.CaseGotoSorted:
                _conditional = _uncertain = true;
                return;
            case AcsCode.Goto or 0:
                return;
            case >= AcsCode.Lspec1 and <= AcsCode.Lspec5:
                Record(script, pc, operands[0], stack.PopValues(op - AcsCode.Lspec1 + 1));
                return;
            case >= AcsCode.Lspec1Direct and <= AcsCode.Lspec5Direct:
            case >= AcsCode.Lspec1DirectB and <= AcsCode.Lspec5DirectB:
                Record(script, pc, operands[0], [.. operands.Skip(1).Select(v => (int?)v)]);
                return;
            case AcsCode.Lspec5Result or AcsCode.Lspec5ExResult:
                Record(script, pc, operands[0], stack.PopValues(5));
                stack.Push(null, ValueSource.Unknown);
                return;
            case AcsCode.Lspec5Ex:
                Record(script, pc, operands[0], stack.PopValues(5));
                return;
            case AcsCode.SetLineBlocking:
                {
                    // Read as the Line_SetBlocking call it amounts to, so that one reading serves both.
                    var blocking = Pop();
                    var change = blocking is { } b ? LineBlockingChange.OfAcs(b) : ((int Set, int Clear)?)null;
                    Record(script, pc, LineBlockingChange.Special, [Pop(), change?.Set, change?.Clear]);
                    stack.Clear();
                    return;
                }

            case AcsCode.SetLineSpecial:
                {
                    var args = stack.PopValues(7);
                    LineSpecials.Add((args[0], args[1]));
                    stack.Clear();
                    return;
                }

            case AcsCode.Call or AcsCode.CallDiscard:
                {
                    // A function of this module is read as part of the script, its arguments unknown; once per script.
                    var index = operands[0];
                    var address = index < module.Functions.Count ? module.Functions[index] : -1;
                    if (address < 0)
                    {
                        Unbounded.Add($"calls function {index}, which this lump does not hold");
                    }
                    else if (functionsRead.Add(address))
                    {
                        Sweep(module, script, address, [], functionsRead);
                    }

                    stack.Clear();
                    return;
                }

            case AcsCode.Spawn or AcsCode.SpawnSpot or AcsCode.SpawnSpotFacing:
                // (class, x, y, z, tid, angle), (class, spot, tid, angle), (class, spot, tid): the count spawned is pushed.
                Spawned(module, pc, stack.PopValues(op == AcsCode.Spawn ? 6 : op == AcsCode.SpawnSpot ? 4 : 3)[0]);
                stack.Clear();
                stack.Push(null, ValueSource.Unknown);
                return;
            case AcsCode.SpawnDirect or AcsCode.SpawnSpotDirect:
                Spawned(module, pc, operands[0]);
                stack.Clear();
                stack.Push(null, ValueSource.Unknown);
                return;
            case AcsCode.TagString:
                // Tags the string constant on top with its library's number (above the index the string table reads).
                return;
            case AcsCode.CallFunc:
                Unbounded.Add($"calls the engine's function {operands[1]}");
                stack.Clear();
                return;
        }

        if (!AcsCode.IsHarmless(op))
        {
            Unbounded.Add($"runs p-code {op} at {pc}");
        }

        // Anything else: its stack effect is not modelled, so no constant is trusted past it (and a branch on what it
        // leaves tests something unknown).
        stack.Clear();
    }

    private void Spawned(AcsModule module, int pc, int? classString)
    {
        if (module.StringAt(classString) is { Length: > 0 } className)
        {
            Spawns.Add(className);
        }
        else
        {
            Unbounded.Add($"spawns a class the reading cannot name at {pc}");
        }
    }

    private void Record(int script, int pc, int special, int?[] args) => Calls.Add(new AcsCall(special, args, script, pc, _delayed, _conditional, _uncertain));

    // ASSIGN/ADD/SUB/MUL/DIV/MOD/INC/DEC, AND/EOR/OR/LS/RS of a script variable.
    private static bool WritesScriptVariable(int op) =>
        op is AcsCode.AssignScriptVar or 31 or 34 or 37 or 40 or 43 or 46 or 49 or 291 or 298 or 305 or 312 or 319;
}
