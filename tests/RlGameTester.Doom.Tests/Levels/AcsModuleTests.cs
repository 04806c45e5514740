using System.Buffers.Binary;
using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Wad;
using RlGameTester.TestSupport;

namespace RlGameTester.Doom.Tests.Levels;

/// <summary>
/// BEHAVIOR lumps assembled here byte by byte, as ACC writes them: ACS0 (word opcodes and operands, a directory after the
/// code) and ACSe in its compatible form (byte opcodes, an SPTR chunk, its offset and tag before an ACS0 directory).
/// The same script reads the same in both; the ViZDoom scenarios' compiled scripts are read as their sources say.
/// </summary>
public sealed class AcsModuleTests
{
    // Plat_DownWaitUpStay(arg0, 24, 90): a lift whose tag the line starting the script passes.
    private static readonly int[] LiftScript = [28, 0, 3, 24, 3, 90, 6, 62, 1];

    [Fact]
    public void AnAcs0ScriptReadsAsTheLiftItCallsWithTheArgumentItIsStartedWith()
    {
        var module = AcsModule.Read(Behavior.Acs0(3, AcsScriptKind.Closed, 1, LiftScript));

        Assert.Null(module.Problem);
        var script = Assert.Single(module.Scripts);
        Assert.Equal((3, AcsScriptKind.Closed, 1), (script.Number, script.Kind, script.ArgCount));
        var call = Assert.Single(AcsReading.Of(module, script, [5]).Calls);
        Assert.Equal(62, call.Special);
        Assert.Equal([5, 24, 90], call.Args);
        Assert.False(call.Delayed);
    }

    [Fact]
    public void AnAcseScriptInTheCompatibleFormReadsTheSame()
    {
        // pushscriptvar 0, pushbyte 24, pushbyte 90, lspec3 62, terminate: one byte per opcode and operand.
        var module = AcsModule.Read(Behavior.AcseCompatible(3, AcsScriptKind.Closed, 1, [28, 0, 167, 24, 167, 90, 6, 62, 1]));

        Assert.Null(module.Problem);
        var call = Assert.Single(AcsReading.Of(module, module.Find(3)!, [5]).Calls);
        Assert.Equal((62, 5, 24, 90), (call.Special, call.Arg(0), call.Arg(1), call.Arg(2)));
    }

    [Fact]
    public void AnArgumentNobodyPassesIsUnknownAndACallAfterADelayIsDelayed()
    {
        // delaydirect 35 first, then the lift.
        var module = AcsModule.Read(Behavior.Acs0(3, AcsScriptKind.Closed, 1, [56, 35, .. LiftScript]));

        var call = Assert.Single(AcsReading.Of(module, module.Find(3)!, [null]).Calls);
        Assert.Null(call.Arg(0));
        Assert.True(call.Delayed);
        Assert.False(call.ArgsKnown);
    }

    [Fact]
    public void AScriptThatGivesInventoryOrSpawnsIsUnboundedAndSetLineBlockingIsRead()
    {
        // pushnumber 9, pushnumber 0, setlineblocking; pushnumber 1, giveinventory; terminate.
        var module = AcsModule.Read(Behavior.Acs0(1, AcsScriptKind.Open, 0, [3, 9, 3, 0, 98, 3, 1, 143, 1]));

        var script = Assert.Single(module.Scripts);
        Assert.True(script.RunsAtStart);
        var reading = AcsReading.Of(module, script, []);
        // SetLineBlocking(9, BLOCK_NOTHING) is read as Line_SetBlocking(9, 0, blocking | everything | railing).
        var call = Assert.Single(reading.Calls);
        Assert.Equal((55, 9, 0, 97), (call.Special, call.Arg(0), call.Arg(1), call.Arg(2)));
        Assert.Contains(reading.Unbounded, u => u.Contains("p-code 143", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new byte[] { (byte)'A', (byte)'C', (byte)'S', 0, 200, 0, 0, 0 }, "outside")]
    [InlineData(new byte[] { (byte)'X', (byte)'Y', (byte)'Z', 0, 8, 0, 0, 0, 0, 0, 0, 0 }, "neither")]
    [InlineData(new byte[] { (byte)'A', (byte)'C', (byte)'S' }, "shorter")]
    public void ABehaviorNoPortCouldReadBecomesAFindingAndTheLevelStillLoads(byte[] behavior, string why)
    {
        var module = AcsModule.Read(behavior);
        Assert.Contains(why, module.Problem, StringComparison.Ordinal);
        Assert.Empty(module.Scripts);

        var level = LevelReader.Read(WadFile.Read(Behavior.Wad(LevelFormatTests.SquareRoomTextmap, behavior)), "MAP01");
        var problem = Assert.Single(level.ReadProblems, p => p.Check == CheckNames.AcsUnreadable);
        Assert.Equal(FindingSeverity.Minor, problem.Severity);
        Assert.NotNull(level.Scripts.Problem);
    }

    [Fact]
    public void TheViZDoomScenariosScriptsReadAsTheirSourcesSay()
    {
        // defend_the_center.acs: OPEN spawns the monsters, ENTER clears the inventory and gives the pistol and ammo.
        var level = LevelReader.Read(WadFile.Read(Support.Fixtures.ScenarioBytes("defend_the_center")), "MAP01");

        Assert.Equal([AcsScriptKind.Open, AcsScriptKind.Enter, AcsScriptKind.Closed], level.Scripts.Scripts.Select(s => s.Kind));
        var enter = AcsReading.Of(level.Scripts, level.Scripts.Find(2)!, []);
        Assert.Contains(enter.Unbounded, u => u.Contains("p-code 142", StringComparison.Ordinal));
        Assert.Contains(enter.Unbounded, u => u.Contains("p-code 143", StringComparison.Ordinal));
        var open = AcsReading.Of(level.Scripts, level.Scripts.Find(1)!, []);
        // Its Spawn (p-code 149) takes the class from a variable the monster function is called with: unnamed.
        Assert.Contains(open.Unbounded, u => u.Contains("spawns a class the reading cannot name at 61", StringComparison.Ordinal));
        Assert.Empty(open.Spawns);
        Assert.Equal(["MarineChainsaw", "Demon", "Pistol", "ClipBox"], level.Scripts.Strings);
    }
}

/// <summary>BEHAVIOR lumps assembled by hand, and a UDMF WAD carrying one.</summary>
internal static class Behavior
{
    /// <summary>ACS0: header, the code (each number a little-endian word), the directory of one script, no strings.</summary>
    public static byte[] Acs0(int number, AcsScriptKind kind, int args, int[] code) => Acs0([(number, kind, args, code)]);

    /// <summary>
    /// ACS0 with several scripts, their code one after another in the order given, and the strings given after the
    /// directory (a count, offsets from the lump's start, the NUL-terminated strings).
    /// </summary>
    public static byte[] Acs0((int Number, AcsScriptKind Kind, int Args, int[] Code)[] scripts, string[]? strings = null)
    {
        strings ??= [];
        var words = scripts.Sum(s => s.Code.Length);
        var directory = 8 + (words * 4);
        var table = directory + 4 + (12 * scripts.Length);
        var text = strings.Select(System.Text.Encoding.ASCII.GetBytes).ToList();
        var bytes = new byte[table + 4 + (4 * strings.Length) + text.Sum(t => t.Length + 1)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(table), strings.Length);
        var at = table + 4 + (4 * strings.Length);
        for (var i = 0; i < text.Count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(table + 4 + (4 * i)), at);
            text[i].CopyTo(bytes, at);
            at += text[i].Length + 1;
        }

        "ACS\0"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), directory);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(directory), scripts.Length);
        var address = 8;
        for (var i = 0; i < scripts.Length; i++)
        {
            var (number, kind, args, code) = scripts[i];
            var entry = directory + 4 + (12 * i);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(entry), number + ((int)kind * 1000));
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(entry + 4), address);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(entry + 8), args);
            foreach (var word in code)
            {
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(address), word);
                address += 4;
            }
        }

        return bytes;
    }

    /// <summary>
    /// ACSe as ACC writes it for old ports too: header, byte code, an SPTR chunk (number, kind, arguments, address),
    /// the chunks' offset and "ACSe", then an empty ACS0 directory and string table.
    /// </summary>
    public static byte[] AcseCompatible(int number, AcsScriptKind kind, int args, byte[] code)
    {
        var chunks = 8 + code.Length;
        var directory = chunks + 16 + 8;
        var bytes = new byte[directory + 8];
        "ACS\0"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), directory);
        code.CopyTo(bytes, 8);
        "SPTR"u8.CopyTo(bytes.AsSpan(chunks));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(chunks + 4), 8);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(chunks + 8), (short)number);
        bytes[chunks + 10] = (byte)kind;
        bytes[chunks + 11] = (byte)args;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(chunks + 12), 8);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(directory - 8), chunks);
        "ACSe"u8.CopyTo(bytes.AsSpan(directory - 4));
        return bytes;
    }

    /// <summary>
    /// A string chunk as ACC writes it for ACSE (STRL) or ACSe (STRE, each string's bytes scrambled by its offset as
    /// GZDoom's UnencryptStrings undoes): a pad, the count, a pad, offsets from the chunk's data, the strings.
    /// </summary>
    public static byte[] StringChunk(string[] strings, bool encrypted)
    {
        var text = strings.Select(System.Text.Encoding.ASCII.GetBytes).ToList();
        var data = new byte[12 + (4 * strings.Length) + text.Sum(t => t.Length + 1)];
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(4), strings.Length);
        var at = 12 + (4 * strings.Length);
        for (var i = 0; i < text.Count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(12 + (4 * i)), at);
            var key = (byte)(at * 157135);
            for (var j = 0; j <= text[i].Length; j++)
            {
                var plain = j < text[i].Length ? text[i][j] : (byte)0;
                data[at + j] = encrypted ? (byte)(plain ^ (byte)(key + (j >> 1))) : plain;
            }

            at += text[i].Length + 1;
        }

        var chunk = new byte[8 + data.Length];
        (encrypted ? "STRE"u8 : "STRL"u8).CopyTo(chunk);
        BinaryPrimitives.WriteInt32LittleEndian(chunk.AsSpan(4), data.Length);
        data.CopyTo(chunk, 8);
        return chunk;
    }

    /// <summary>ACSE: header (its chunks' offset), the code (ACS0 words), an SPTR chunk of one script, then the chunks given.</summary>
    public static byte[] Acse(int number, AcsScriptKind kind, int args, int[] code, byte[] chunk)
    {
        var start = 8 + (code.Length * 4);
        var bytes = new byte[start + 20 + chunk.Length];
        "ACSE"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), start);
        for (var i = 0; i < code.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8 + (4 * i)), code[i]);
        }

        "SPTR"u8.CopyTo(bytes.AsSpan(start));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(start + 4), 12);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(start + 8), (short)number);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(start + 10), (short)kind);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(start + 12), 8);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(start + 16), args);
        chunk.CopyTo(bytes, start + 20);
        return bytes;
    }

    public static byte[] Wad(string textmap, byte[] behavior) =>
        WadWriter.Write([("MAP01", []), ("TEXTMAP", System.Text.Encoding.UTF8.GetBytes(textmap)), ("BEHAVIOR", behavior), ("ENDMAP", [])]);
}
