using System.Buffers.Binary;

namespace RlGameTester.Doom.Wad;

/// <summary>
/// A WAD file (IWAD or PWAD) read from memory. Reading validates the header and the whole directory,
/// so every lump handed out afterwards is known to lie inside the file; a defect no port reads past (a truncated
/// header or directory, a lump outside the file) is a <see cref="WadFormatException"/> that says what is wrong and
/// where. Lumps or a directory overlapping the header or the directory are read as the ports read them (the bytes
/// where the directory points) and listed in <see cref="Problems"/>.
/// </summary>
public sealed class WadFile
{
    private const int HeaderSize = 12;
    private const int DirectoryEntrySize = 16;

    // More directory problems than a person would read; the rest are summed up in one.
    private const int MaxProblems = 100;

    private readonly WadLump[] _lumps;
    private readonly Dictionary<string, int> _lastIndexByName;

    private WadFile(WadKind kind, ReadOnlyMemory<byte> bytes, WadLump[] lumps, IReadOnlyList<WadProblem> problems)
    {
        Kind = kind;
        Bytes = bytes;
        Problems = problems;
        _lumps = lumps;
        _lastIndexByName = new Dictionary<string, int>(lumps.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var lump in lumps)
        {
            // Doom searches the directory backwards, so the last lump of a name is the one that counts.
            _lastIndexByName[lump.Name] = lump.Index;
        }
    }

    public WadKind Kind { get; }

    /// <summary>The whole file, as given to <see cref="Read(ReadOnlyMemory{byte})"/>.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    public IReadOnlyList<WadLump> Lumps => _lumps;

    /// <summary>Directory defects the ports read past; a level's own show among its findings.</summary>
    public IReadOnlyList<WadProblem> Problems { get; }

    public static WadFile Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Read(bytes.AsMemory());
    }

    /// <summary>Reads and validates a WAD held in memory. The memory is referenced, not copied.</summary>
    /// <exception cref="WadFormatException">The bytes are not a well-formed WAD.</exception>
    public static WadFile Read(ReadOnlyMemory<byte> bytes)
    {
        var span = bytes.Span;
        long fileLength = span.Length;
        if (span.Length >= 4 && !IsMagic(span))
        {
            throw new WadFormatException(
                $"Not a WAD file: it starts with {DescribeMagic(span[..4])} instead of \"IWAD\" or \"PWAD\".");
        }

        if (span.Length < HeaderSize)
        {
            throw new WadFormatException(
                $"Truncated WAD header: the file is {fileLength} bytes long but the header alone needs {HeaderSize} bytes.");
        }

        var kind = span[0] == (byte)'I' ? WadKind.Iwad : WadKind.Pwad;
        long count = BinaryPrimitives.ReadInt32LittleEndian(span[4..]);
        long directoryOffset = BinaryPrimitives.ReadInt32LittleEndian(span[8..]);

        if (count < 0)
        {
            throw new WadFormatException($"Absurd lump count {count} in the WAD header: it is negative.");
        }

        var directorySize = count * DirectoryEntrySize;
        if (directorySize > fileLength - HeaderSize)
        {
            throw new WadFormatException(
                $"Absurd lump count {count} in the WAD header: its directory would need {directorySize} bytes " +
                $"but the whole file is {fileLength} bytes long.");
        }

        if (directoryOffset < 0 || directoryOffset > fileLength)
        {
            throw new WadFormatException(
                $"The WAD directory is outside the file: the header puts it at offset {directoryOffset} " +
                $"but the file is {fileLength} bytes long.");
        }

        var problems = new List<WadProblem>();
        if (count > 0 && directoryOffset < HeaderSize)
        {
            // Ports seek there and read the header's own bytes as directory entries.
            problems.Add(new WadProblem(
                Checks.CheckNames.WadOverlap,
                null,
                $"The WAD directory overlaps the header: the header puts it at offset {directoryOffset}, inside the " +
                $"first {HeaderSize} bytes, so its first entries are read from the header's bytes."));
        }

        var directoryEnd = directoryOffset + directorySize;
        if (directoryEnd > fileLength)
        {
            throw new WadFormatException(
                $"The WAD directory is outside the file: {count} entries of {DirectoryEntrySize} bytes at offset " +
                $"{directoryOffset} end at {directoryEnd} but the file is {fileLength} bytes long.");
        }

        var entries = new WadLump[count];
        var uncounted = 0;
        var directory = span.Slice((int)directoryOffset, (int)directorySize);
        var names = new NameCache();
        for (var i = 0; i < count; i++)
        {
            var entry = directory.Slice(i * DirectoryEntrySize, DirectoryEntrySize);
            long offset = BinaryPrimitives.ReadInt32LittleEndian(entry);
            long size = BinaryPrimitives.ReadInt32LittleEndian(entry[4..]);
            var name = names.Get(entry.Slice(8, LumpName.Length));
            ValidateLump(i, name, offset, size, fileLength);
            if (Overlap(i, name, offset, size, directoryOffset, directorySize) is { } overlap)
            {
                // A hostile directory could make every entry overlap: past a cap they are only counted.
                if (problems.Count < MaxProblems)
                {
                    problems.Add(new WadProblem(Checks.CheckNames.WadOverlap, i, overlap));
                }
                else
                {
                    uncounted++;
                }
            }

            // Empty lumps (markers) often carry offset 0 or a stale offset; they hold no bytes, so keep none.
            var data = size == 0 ? ReadOnlyMemory<byte>.Empty : bytes.Slice((int)offset, (int)size);
            entries[i] = new WadLump(i, name, size == 0 ? 0 : (int)offset, (int)size, data, WadNamespace.Global);
        }

        if (uncounted > 0)
        {
            problems.Add(new WadProblem(
                Checks.CheckNames.WadOverlap, null, $"{uncounted} more lumps overlap the WAD header or directory; their bytes are read as they are."));
        }

        return new WadFile(kind, bytes, AssignNamespaces(entries), problems);
    }

    /// <summary>The lump Doom would use for a name: the last one in the directory (case-insensitive).</summary>
    public WadLump? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _lastIndexByName.TryGetValue(name, out var index) ? _lumps[index] : null;
    }

    /// <summary>The first lump of a name at or after <paramref name="startIndex"/>, or -1.</summary>
    public int IndexOf(string name, int startIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = Math.Max(0, startIndex); i < _lumps.Length; i++)
        {
            if (string.Equals(_lumps[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The lumps between a namespace's markers, in directory order, markers excluded.</summary>
    public IReadOnlyList<WadLump> GetNamespace(WadNamespace ns)
    {
        var result = new List<WadLump>();
        foreach (var lump in _lumps)
        {
            if (lump.Namespace == ns)
            {
                result.Add(lump);
            }
        }

        return result;
    }

    private static void ValidateLump(int index, string name, long offset, long size, long fileLength)
    {
        var label = $"Lump {Quote(name)} (directory entry {index})";
        if (size < 0)
        {
            throw new WadFormatException($"{label} has a negative size ({size}).");
        }

        if (size == 0)
        {
            return;
        }

        if (offset < 0 || offset + size > fileLength)
        {
            throw new WadFormatException(
                $"{label} lies outside the file: offset {offset}, size {size}, but the file is {fileLength} bytes long.");
        }
    }

    // No port checks these: the lump's bytes are what lies there, header or directory included.
    private static string? Overlap(int index, string name, long offset, long size, long directoryOffset, long directorySize)
    {
        if (size == 0)
        {
            return null;
        }

        if (offset < HeaderSize)
        {
            return $"Lump {Quote(name)} (directory entry {index}) overlaps the WAD header: offset {offset}, size {size}; its bytes are read as they are.";
        }

        if (directorySize > 0 && offset < directoryOffset + directorySize && offset + size > directoryOffset)
        {
            return $"Lump {Quote(name)} (directory entry {index}) overlaps the WAD directory: the lump spans offsets {offset}..{offset + size - 1} and the " +
                   $"directory {directoryOffset}..{directoryOffset + directorySize - 1}; its bytes are read as they are.";
        }

        return null;
    }

    private static WadLump[] AssignNamespaces(WadLump[] entries)
    {
        var current = WadNamespace.Global;
        for (var i = 0; i < entries.Length; i++)
        {
            var lump = entries[i];
            var opened = OpenedNamespace(lump.Name);
            if (opened is { } ns)
            {
                current = ns;
                continue;
            }

            if (ClosedNamespace(lump.Name) == current && current != WadNamespace.Global)
            {
                current = WadNamespace.Global;
                continue;
            }

            // Nested sub-markers such as F1_START or P2_END are empty and belong to no namespace.
            var isMarker = lump.Size == 0 &&
                           (lump.Name.EndsWith("_START", StringComparison.Ordinal) ||
                            lump.Name.EndsWith("_END", StringComparison.Ordinal));
            if (current != WadNamespace.Global && !isMarker)
            {
                entries[i] = new WadLump(lump.Index, lump.Name, lump.Offset, lump.Size, lump.Data, current);
            }
        }

        return entries;
    }

    private static WadNamespace? OpenedNamespace(string name) => name switch
    {
        "F_START" or "FF_START" => WadNamespace.Flats,
        "P_START" or "PP_START" => WadNamespace.Patches,
        "S_START" or "SS_START" => WadNamespace.Sprites,
        "TX_START" => WadNamespace.Textures,
        _ => null,
    };

    private static WadNamespace? ClosedNamespace(string name) => name switch
    {
        "F_END" or "FF_END" => WadNamespace.Flats,
        "P_END" or "PP_END" => WadNamespace.Patches,
        "S_END" or "SS_END" => WadNamespace.Sprites,
        "TX_END" => WadNamespace.Textures,
        _ => null,
    };

    private static bool IsMagic(ReadOnlySpan<byte> span) =>
        (span[0] == (byte)'I' || span[0] == (byte)'P') && span[1] == (byte)'W' && span[2] == (byte)'A' &&
        span[3] == (byte)'D';

    private static string DescribeMagic(ReadOnlySpan<byte> magic)
    {
        var printable = true;
        foreach (var b in magic)
        {
            printable &= b is >= 0x20 and < 0x7F;
        }

        return printable
            ? $"\"{System.Text.Encoding.ASCII.GetString(magic)}\""
            : $"bytes {Convert.ToHexString(magic)}";
    }

    internal static string Quote(string name) => $"\"{name}\"";
}
