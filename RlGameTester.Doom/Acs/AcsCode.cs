namespace RlGameTester.Doom.Acs;

/// <summary>
/// ACS p-code as ACC numbers it (its pcode.h) and the ports decode it: an opcode a word (ACS0, ACSE) or one byte, two
/// from 240 up (ACSe's compressed code), then its operands. Operand kinds: 'w' a word, 'a' an address (a word), 'b' a
/// byte in ACSe and a word otherwise, 'h' a short in ACSe and a word otherwise, 'B' always a byte; PUSHBYTES and
/// CASEGOTOSORTED carry their own counts. Only what a static reading needs: no execution.
/// </summary>
internal static class AcsCode
{
    public const int Terminate = 1;
    public const int Suspend = 2;
    public const int PushNumber = 3;
    public const int Lspec1 = 4;
    public const int Lspec5 = 8;
    public const int Lspec1Direct = 9;
    public const int Lspec5Direct = 13;
    public const int Equal = 19;
    public const int GreaterOrEqual = 24;
    public const int AssignScriptVar = 25;
    public const int AssignMapVar = 26;
    public const int AssignWorldVar = 27;
    public const int PushScriptVar = 28;
    public const int PushMapVar = 29;
    public const int PushWorldVar = 30;
    public const int Goto = 52;
    public const int IfGoto = 53;
    public const int Drop = 54;
    public const int Delay = 55;
    public const int DelayDirect = 56;
    public const int ThingCount = 59;
    public const int ThingCountDirect = 60;
    public const int TagWait = 61;
    public const int TagWaitDirect = 62;
    public const int PolyWait = 63;
    public const int PolyWaitDirect = 64;
    public const int Restart = 69;
    public const int AndLogical = 70;
    public const int OrLogical = 71;
    public const int NegateLogical = 75;
    public const int IfNotGoto = 79;
    public const int ScriptWait = 81;
    public const int ScriptWaitDirect = 82;
    public const int CaseGoto = 84;
    public const int SetLineBlocking = 98;
    public const int SetLineSpecial = 99;
    public const int Spawn = 149;
    public const int SpawnDirect = 150;
    public const int SpawnSpot = 151;
    public const int SpawnSpotDirect = 152;
    public const int PushByte = 167;
    public const int DelayDirectB = 173;
    public const int Lspec1DirectB = 168;
    public const int Lspec5DirectB = 172;
    public const int PushBytes = 175;
    public const int Push2Bytes = 176;
    public const int Push5Bytes = 179;
    public const int AssignGlobalVar = 181;
    public const int PushGlobalVar = 182;
    public const int Call = 203;
    public const int CallDiscard = 204;
    public const int ReturnVoid = 205;
    public const int ReturnVal = 206;
    public const int TagString = 225;
    public const int CaseGotoSorted = 256;
    public const int Lspec5Result = 263;
    public const int ThingCountName = 288;
    public const int SpawnSpotFacing = 289;
    public const int ThingCountSector = 344;
    public const int CallFunc = 351;
    public const int Lspec5Ex = 381;
    public const int Lspec5ExResult = 382;
    public const int Count = 385;

    private static readonly string[] Operands = BuildOperands();

    // Opcodes that change nothing in the level a body's way depends on: arithmetic, variables, jumps, waits, prints,
    // sounds, music, HUD, queries. Anything else a script does (spawning, inventory, moving actors, line flags) is not
    // bounded by a static reading unless AcsReading reads it.
    private static readonly bool[] Harmless = BuildHarmless();

    public static bool IsHarmless(int opcode) => opcode is >= 0 and < Count && Harmless[opcode];

    /// <summary>
    /// Decodes the instruction at <paramref name="pc"/> into its opcode and operands (CASEGOTOSORTED: the count, then value
    /// and address pairs); false when it runs past <paramref name="end"/> or is no opcode ACC writes.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> code, int pc, int end, bool compressed, List<int> operands, out int opcode, out int next)
    {
        operands.Clear();
        opcode = -1;
        next = pc;
        if (!TryByteOrWord(code, ref next, end, compressed, out opcode))
        {
            return false;
        }

        if (compressed && opcode >= 240)
        {
            if (next >= end)
            {
                return false;
            }

            opcode = 240 + ((opcode - 240) << 8) + code[next++];
        }

        if (opcode is < 0 or >= Count)
        {
            return false;
        }

        if (opcode == PushBytes)
        {
            if (next >= end)
            {
                return false;
            }

            var count = code[next++];
            if (next + count > end)
            {
                return false;
            }

            for (var i = 0; i < count; i++)
            {
                operands.Add(code[next++]);
            }

            return true;
        }

        if (opcode == CaseGotoSorted)
        {
            next = (next + 3) & ~3;
            if (!TryWord(code, ref next, end, out var cases) || cases < 0 || cases > (end - next) / 8)
            {
                return false;
            }

            operands.Add(cases);
            for (var i = 0; i < cases * 2; i++)
            {
                TryWord(code, ref next, end, out var value);
                operands.Add(value);
            }

            return true;
        }

        foreach (var kind in Operands[opcode])
        {
            int value;
            var ok = kind switch
            {
                'w' or 'a' => TryWord(code, ref next, end, out value),
                'b' => TryByteOrWord(code, ref next, end, compressed, out value),
                'h' => compressed ? TryShort(code, ref next, end, out value) : TryWord(code, ref next, end, out value),
                _ => TryByte(code, ref next, end, out value),
            };
            if (!ok)
            {
                return false;
            }

            operands.Add(value);
        }

        return true;
    }

    private static bool TryByteOrWord(ReadOnlySpan<byte> code, ref int pc, int end, bool compressed, out int value) =>
        compressed ? TryByte(code, ref pc, end, out value) : TryWord(code, ref pc, end, out value);

    private static bool TryByte(ReadOnlySpan<byte> code, ref int pc, int end, out int value)
    {
        value = 0;
        if (pc < 0 || pc >= end)
        {
            return false;
        }

        value = code[pc++];
        return true;
    }

    private static bool TryShort(ReadOnlySpan<byte> code, ref int pc, int end, out int value)
    {
        value = 0;
        if (pc < 0 || pc + 2 > end)
        {
            return false;
        }

        value = System.Buffers.Binary.BinaryPrimitives.ReadInt16LittleEndian(code[pc..]);
        pc += 2;
        return true;
    }

    private static bool TryWord(ReadOnlySpan<byte> code, ref int pc, int end, out int value)
    {
        value = 0;
        if (pc < 0 || pc + 4 > end)
        {
            return false;
        }

        value = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(code[pc..]);
        pc += 4;
        return true;
    }

    private static string[] BuildOperands()
    {
        var table = new string[Count];
        Array.Fill(table, string.Empty);
        table[PushNumber] = "w";
        for (var i = 0; i < 5; i++)
        {
            table[Lspec1 + i] = "b";
            table[Lspec1Direct + i] = "b" + new string('w', i + 1);
            table[Lspec1DirectB + i] = new string('B', i + 2);
        }

        // Variable and array operations: one operand, the variable's index.
        foreach (var op in (int[])[.. Enumerable.Range(25, 27), .. Enumerable.Range(181, 9), .. Enumerable.Range(207, 9),
                     .. Enumerable.Range(226, 18), .. Enumerable.Range(291, 35), .. Enumerable.Range(364, 14)])
        {
            table[op] = "b";
        }

        foreach (var (op, kinds) in (ReadOnlySpan<(int, string)>)[
                     (Goto, "a"), (IfGoto, "a"), (IfNotGoto, "a"), (DelayDirect, "w"), (58, "ww"), (ThingCountDirect, "ww"), (TagWaitDirect, "w"), (PolyWaitDirect, "w"),
                     (66, "ww"), (68, "ww"), (ScriptWaitDirect, "w"), (CaseGoto, "wa"), (133, "www"), (139, "w"), (141, "w"), (144, "ww"),
                     (146, "ww"), (148, "w"), (150, "wwwwww"), (152, "wwww"), (154, "ww"), (156, "ww"), (166, "w"),
                     (PushByte, "B"), (DelayDirectB, "B"), (174, "BB"), (Push2Bytes, "BB"), (177, "BBB"), (178, "BBBB"),
                     (Push5Bytes, "BBBBB"), (Call, "b"), (CallDiscard, "b"), (Lspec5Result, "b"), (CallFunc, "bh"),
                     (359, "b"), (Lspec5Ex, "w"), (Lspec5ExResult, "w")])
        {
            table[op] = kinds;
        }

        return table;
    }

    private static bool[] BuildHarmless()
    {
        var harmless = new bool[Count];
        foreach (var range in (ReadOnlySpan<(int From, int To)>)[
                     (0, 3), (14, 97), (100, 132), (134, 141), (147, 148), (153, 179), (181, 192), (196, 243),
                     (246, 279), (281, 282), (287, 288), (290, 327), (329, 334), (338, 344), (347, 350), (352, 360),
                     (362, 380), (383, 384)])
        {
            for (var op = range.From; op <= range.To; op++)
            {
                harmless[op] = true;
            }
        }

        // Inside those ranges, what does act on the level or the player: line flags and specials are read by AcsReading;
        // console commands, gravity, inventory, spawning, thing specials, actor state, morphing, function pointers stay unbounded.
        foreach (var op in (ReadOnlySpan<int>)[SetLineBlocking, SetLineSpecial, 133, 134, 138, 139, 140, 141, 142, 143, 144, 145, 146, 149, 150, 151, 152,
                     180, 193, 194, 195, 244, 245, 283, 284, 285, 286, 289, 327, 328, 334, 335, 336, 337, 345, 346, 360])
        {
            harmless[op] = false;
        }

        return harmless;
    }
}
