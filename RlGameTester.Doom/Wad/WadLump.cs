namespace RlGameTester.Doom.Wad;

/// <summary>One directory entry of a WAD with a view of its bytes (no copy).</summary>
public sealed class WadLump
{
    internal WadLump(int index, string name, int offset, int size, ReadOnlyMemory<byte> data, WadNamespace ns)
    {
        Index = index;
        Name = name;
        Offset = offset;
        Size = size;
        Data = data;
        Namespace = ns;
    }

    /// <summary>Position in the WAD directory (0-based).</summary>
    public int Index { get; }

    /// <summary>Upper-cased name, at most 8 characters.</summary>
    public string Name { get; }

    public int Offset { get; }

    public int Size { get; }

    public ReadOnlyMemory<byte> Data { get; }

    public WadNamespace Namespace { get; }

    public override string ToString() => $"{Name} (#{Index}, {Size} bytes at {Offset})";
}
