using System.Buffers.Binary;
using System.Collections.Frozen;

namespace RlGameTester.Doom.Acs;

/// <summary>
/// A level's BEHAVIOR lump as GZDoom's FBehavior loads it: ACS0 (a directory of scripts after the code), ACSE and ACSe
/// (chunks: SPTR scripts, named ones with negative numbers; FUNC functions), also in their compatible form (an ACS0 header whose directory is
/// preceded by the chunks' offset and an ACSE or ACSe tag). ACSe's code is compressed (one-byte opcodes and operands).
/// A lump it cannot read is kept with <see cref="Problem"/> saying why, and no scripts: nothing built on a misread
/// script could be trusted.
/// </summary>
public sealed class AcsModule
{
    private readonly FrozenDictionary<int, AcsScript> _byNumber;
    private readonly int[] _entries;

    private AcsModule(ReadOnlyMemory<byte> code, bool compressed, int codeEnd, IReadOnlyList<AcsScript> scripts, IReadOnlyList<int> functions, string? problem,
        IReadOnlyList<string>? strings = null)
    {
        Strings = strings ?? [];
        Code = code;
        Compressed = compressed;
        CodeEnd = codeEnd;
        Scripts = scripts;
        Functions = functions;
        Problem = problem;
        _byNumber = scripts.GroupBy(s => s.Number).ToFrozenDictionary(g => g.Key, g => g.First());
        _entries = [.. scripts.Select(s => s.Address).Concat(functions).Append(codeEnd).Distinct().Order()];
    }

    /// <summary>No BEHAVIOR lump (a Doom-format level), or an empty one.</summary>
    public static AcsModule Empty { get; } = new(ReadOnlyMemory<byte>.Empty, false, 0, [], [], null);

    public IReadOnlyList<AcsScript> Scripts { get; }

    /// <summary>The code addresses of the module's functions, by index (CALL's operand).</summary>
    public IReadOnlyList<int> Functions { get; }

    /// <summary>
    /// The module's string table (ACS0's after its directory, ACSE's STRL chunk, ACSe's encrypted STRE): what a script's
    /// string constants name, class names to spawn among them. A table that cannot be read is left empty: a string it
    /// would give is then unknown, as a string computed at run time is.
    /// </summary>
    public IReadOnlyList<string> Strings { get; }

    /// <summary>The string a constant names (its low 16 bits: PCD_TAGSTRING puts a library's number above them), or null.</summary>
    public string? StringAt(int? index) => index is { } i && (i & 0xFFFF) < Strings.Count ? Strings[i & 0xFFFF] : null;

    /// <summary>Why the lump could not be read, or null.</summary>
    public string? Problem { get; }

    internal ReadOnlyMemory<byte> Code { get; }

    internal bool Compressed { get; }

    /// <summary>Where the code ends: the directory (ACS0) or the first chunk.</summary>
    internal int CodeEnd { get; }

    public AcsScript? Find(int number) => _byNumber.GetValueOrDefault(number);

    /// <summary>The end of the code that starts at an address: the next script's or function's, or the code's end.</summary>
    internal int EndOf(int address)
    {
        var i = Array.BinarySearch(_entries, address + 1);
        return i >= 0 ? _entries[i] : ~i < _entries.Length ? _entries[~i] : CodeEnd;
    }

    public static AcsModule Read(ReadOnlyMemory<byte> lump)
    {
        var bytes = lump.Span;
        if (bytes.Length == 0)
        {
            return Empty;
        }

        if (bytes.Length < 8)
        {
            return Unreadable(lump, $"it is {bytes.Length} bytes long, shorter than the 8-byte header");
        }

        var tag = bytes[..4];
        var directory = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        if (directory < 8 || directory > bytes.Length)
        {
            return Unreadable(lump, $"its directory offset {directory} lies outside its {bytes.Length} bytes");
        }

        if (tag.SequenceEqual("ACS\0"u8))
        {
            // The compatible form: chunks whose offset and tag stand just before the ACS0 directory.
            if (directory >= 24 && bytes[(directory - 4)..directory] is var pretag && (pretag.SequenceEqual("ACSE"u8) || pretag.SequenceEqual("ACSe"u8)))
            {
                var chunks = BinaryPrimitives.ReadInt32LittleEndian(bytes[(directory - 8)..]);
                if (chunks < 8 || chunks > directory - 8)
                {
                    return Unreadable(lump, $"its chunks' offset {chunks} lies outside its {bytes.Length} bytes");
                }

                // Code, then the chunks up to their offset and tag, then the ACS0 directory ports before ZDoom read.
                return ReadChunks(lump, chunks, directory - 8, compressed: pretag[3] == (byte)'e', codeEnd: chunks);
            }

            return ReadOld(lump, directory);
        }

        if (tag.SequenceEqual("ACSE"u8) || tag.SequenceEqual("ACSe"u8))
        {
            return ReadChunks(lump, directory, bytes.Length, compressed: tag[3] == (byte)'e', codeEnd: directory);
        }

        return Unreadable(lump, "its header is neither ACS0's nor ACSE's");
    }

    private static AcsModule ReadOld(ReadOnlyMemory<byte> lump, int directory)
    {
        var bytes = lump.Span;
        if (directory + 4 > bytes.Length)
        {
            return Unreadable(lump, "its script directory is cut off");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[directory..]);
        if (count < 0 || count > (bytes.Length - directory - 4) / 12)
        {
            return Unreadable(lump, $"its directory lists {count} scripts, more than its bytes hold");
        }

        var scripts = new List<AcsScript>(count);
        for (var i = 0; i < count; i++)
        {
            var entry = bytes[(directory + 4 + (12 * i))..];
            int number = BinaryPrimitives.ReadInt32LittleEndian(entry), address = BinaryPrimitives.ReadInt32LittleEndian(entry[4..]);
            var args = BinaryPrimitives.ReadInt32LittleEndian(entry[8..]);
            if (address < 8 || address >= directory)
            {
                return Unreadable(lump, $"script {number % 1000} starts at {address}, outside the code");
            }

            scripts.Add(new AcsScript(number % 1000, (AcsScriptKind)(number / 1000), args, address));
        }

        return new AcsModule(lump, compressed: false, directory, scripts, [], null, ReadStrings(bytes, directory + 4 + (12 * count), 0, 0, encrypted: false));
    }

    // A string table: its count at the first word (after a pad word in STRL and STRE), then offsets from the table's base
    // (the lump's start for ACS0, the chunk's data for STRL and STRE), each to a NUL-terminated string; STRE's strings are
    // scrambled by their offset (GZDoom's FBehavior::UnencryptStrings). Empty where the table does not fit the lump.
    private static List<string> ReadStrings(ReadOnlySpan<byte> bytes, int table, int padding, int offsetBase, bool encrypted)
    {
        var strings = new List<string>();
        var countAt = table + padding;
        if (countAt < 0 || countAt + 4 > bytes.Length)
        {
            return strings;
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[countAt..]);
        var first = countAt + 4 + padding;
        if (count < 0 || count > (bytes.Length - first) / 4)
        {
            return strings;
        }

        for (var i = 0; i < count; i++)
        {
            var offset = BinaryPrimitives.ReadInt32LittleEndian(bytes[(first + (4 * i))..]);
            var at = offsetBase + offset;
            if (offset < 0 || at >= bytes.Length)
            {
                return [];
            }

            var text = new System.Text.StringBuilder();
            var key = (byte)(offset * 157135);
            for (var j = 0; at + j < bytes.Length; j++)
            {
                var c = encrypted ? (byte)(bytes[at + j] ^ (byte)(key + (j >> 1))) : bytes[at + j];
                if (c == 0)
                {
                    break;
                }

                text.Append((char)c);
            }

            strings.Add(text.ToString());
        }

        return strings;
    }

    private static AcsModule ReadChunks(ReadOnlyMemory<byte> lump, int start, int end, bool compressed, int codeEnd)
    {
        var bytes = lump.Span;
        var scripts = new List<AcsScript>();
        var functions = new List<int>();
        List<string>? strings = null;
        for (var at = start; at + 8 <= end;)
        {
            var id = bytes.Slice(at, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes[(at + 4)..]);
            if (size < 0 || at + 8 + size > end)
            {
                return Unreadable(lump, $"its chunk at {at} claims {size} bytes, past the chunks' end");
            }

            var data = bytes.Slice(at + 8, size);
            if (id.SequenceEqual("SPTR"u8))
            {
                // ACSE's entries are 12 bytes (number, type as shorts; address, argument count), ACSe's 8 (number as a short,
                // type and argument count as bytes, address).
                var width = compressed ? 8 : 12;
                for (var i = 0; i + width <= data.Length; i += width)
                {
                    var entry = data[i..];
                    var number = (int)BinaryPrimitives.ReadInt16LittleEndian(entry);
                    var (kind, args, address) = compressed
                        ? (entry[2], entry[3], BinaryPrimitives.ReadInt32LittleEndian(entry[4..]))
                        : (BinaryPrimitives.ReadInt16LittleEndian(entry[2..]), BinaryPrimitives.ReadInt32LittleEndian(entry[8..]), BinaryPrimitives.ReadInt32LittleEndian(entry[4..]));
                    if (address < 0 || address >= codeEnd)
                    {
                        return Unreadable(lump, $"script {number} starts at {address}, outside the code");
                    }

                    scripts.Add(new AcsScript(number, (AcsScriptKind)kind, args, address));
                }
            }
            else if ((id.SequenceEqual("STRL"u8) || id.SequenceEqual("STRE"u8)) && strings is null)
            {
                strings = ReadStrings(bytes[..(at + 8 + size)], at + 8, padding: 4, offsetBase: at + 8, encrypted: id[3] == (byte)'E');
            }
            else if (id.SequenceEqual("FUNC"u8))
            {
                for (var i = 0; i + 8 <= data.Length; i += 8)
                {
                    var address = BinaryPrimitives.ReadInt32LittleEndian(data[(i + 4)..]);
                    // An imported function (address 0) lives in a library this lump does not hold.
                    functions.Add(address > 0 && address < codeEnd ? address : -1);
                }
            }

            at += 8 + size;
        }

        return new AcsModule(lump, compressed, codeEnd, scripts, functions, null, strings);
    }

    private static AcsModule Unreadable(ReadOnlyMemory<byte> lump, string why) =>
        new(lump, false, 0, [], [], $"BEHAVIOR cannot be read: {why}");
}
