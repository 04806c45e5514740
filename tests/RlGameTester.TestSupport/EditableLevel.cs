using System.Buffers.Binary;
using System.Text;

namespace RlGameTester.TestSupport;

/// <summary>
/// A copy of a binary Doom-format level's lumps that tests change record by record (by byte offsets, with no
/// help from the library under test) and write back as a one-level PWAD.
/// </summary>
public sealed class EditableLevel
{
    private static readonly string[] Order =
        ["THINGS", "LINEDEFS", "SIDEDEFS", "VERTEXES", "SEGS", "SSECTORS", "NODES", "SECTORS", "REJECT", "BLOCKMAP"];

    private readonly Dictionary<string, byte[]> _lumps = [];

    public EditableLevel(byte[] wad, string level)
    {
        Name = level;
        var directory = RawLumps.Directory(wad);
        var marker = directory.FindIndex(e => e.Name == level);
        for (var i = marker + 1; i < directory.Count && Order.Contains(directory[i].Name); i++)
        {
            _lumps[directory[i].Name] = wad.AsSpan(directory[i].Offset, directory[i].Size).ToArray();
        }
    }

    public string Name { get; }

    public byte[] this[string lump]
    {
        get => _lumps[lump];
        set => _lumps[lump] = value;
    }

    public int ThingCount => _lumps["THINGS"].Length / 10;

    public int LineCount => _lumps["LINEDEFS"].Length / 14;

    public (short X, short Y, short Angle, ushort Type, ushort Flags) Thing(int index)
    {
        var r = _lumps["THINGS"].AsSpan(index * 10, 10);
        return (BinaryPrimitives.ReadInt16LittleEndian(r), BinaryPrimitives.ReadInt16LittleEndian(r[2..]),
            BinaryPrimitives.ReadInt16LittleEndian(r[4..]), BinaryPrimitives.ReadUInt16LittleEndian(r[6..]),
            BinaryPrimitives.ReadUInt16LittleEndian(r[8..]));
    }

    public void SetThing(int index, short x, short y, ushort type, ushort flags)
    {
        var r = _lumps["THINGS"].AsSpan(index * 10, 10);
        BinaryPrimitives.WriteInt16LittleEndian(r, x);
        BinaryPrimitives.WriteInt16LittleEndian(r[2..], y);
        BinaryPrimitives.WriteUInt16LittleEndian(r[6..], type);
        BinaryPrimitives.WriteUInt16LittleEndian(r[8..], flags);
    }

    public void RemoveThing(int index)
    {
        var things = _lumps["THINGS"];
        _lumps["THINGS"] = [.. things.AsSpan(0, index * 10), .. things.AsSpan((index + 1) * 10)];
    }

    /// <summary>Linedef fields: start, end, flags, special, tag, front, back (0xFFFF = none).</summary>
    public ushort LineField(int line, int field) =>
        BinaryPrimitives.ReadUInt16LittleEndian(_lumps["LINEDEFS"].AsSpan((line * 14) + (field * 2)));

    public void SetLineField(int line, int field, ushort value) =>
        BinaryPrimitives.WriteUInt16LittleEndian(_lumps["LINEDEFS"].AsSpan((line * 14) + (field * 2)), value);

    public (short X, short Y) Vertex(int index)
    {
        var r = _lumps["VERTEXES"].AsSpan(index * 4, 4);
        return (BinaryPrimitives.ReadInt16LittleEndian(r), BinaryPrimitives.ReadInt16LittleEndian(r[2..]));
    }

    public string SideTexture(int side, int part) =>
        Encoding.ASCII.GetString(_lumps["SIDEDEFS"], (side * 30) + 4 + (part * 8), 8).TrimEnd('\0');

    /// <summary>Sets a sidedef texture: part 0 upper, 1 lower, 2 middle.</summary>
    public void SetSideTexture(int side, int part, string name)
    {
        var field = _lumps["SIDEDEFS"].AsSpan((side * 30) + 4 + (part * 8), 8);
        field.Clear();
        Encoding.ASCII.GetBytes(name).CopyTo(field);
    }

    public ushort SideSector(int side) => BinaryPrimitives.ReadUInt16LittleEndian(_lumps["SIDEDEFS"].AsSpan((side * 30) + 28));

    public void SetSideSector(int side, ushort sector) =>
        BinaryPrimitives.WriteUInt16LittleEndian(_lumps["SIDEDEFS"].AsSpan((side * 30) + 28), sector);

    public byte[] ToWad(string? markerName = null)
    {
        var list = new List<(string, byte[])> { (markerName ?? Name, []) };
        list.AddRange(Order.Where(_lumps.ContainsKey).Select(n => (n, _lumps[n])));
        return WadWriter.Write(list);
    }
}
