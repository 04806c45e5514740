using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Levels;

/// <summary>A level found in a WAD's directory: its marker and the lumps that follow it.</summary>
public sealed class LevelEntry
{
    internal LevelEntry(
        string name,
        int markerIndex,
        LevelFormat format,
        IReadOnlyList<WadLump> lumps,
        bool isClosed,
        IReadOnlyList<WadProblem> wadProblems)
    {
        Name = name;
        MarkerIndex = markerIndex;
        Format = format;
        Lumps = lumps;
        IsClosed = isClosed;
        WadProblems = wadProblems;
    }

    public string Name { get; }

    /// <summary>Directory index of the marker lump.</summary>
    public int MarkerIndex { get; }

    public LevelFormat Format { get; }

    /// <summary>The level's lumps after the marker (for UDMF: TEXTMAP up to, not including, ENDMAP).</summary>
    public IReadOnlyList<WadLump> Lumps { get; }

    /// <summary>False for a UDMF level whose ENDMAP is missing.</summary>
    internal bool IsClosed { get; }

    /// <summary>The WAD's directory defects that concern this level's lumps or the whole directory.</summary>
    internal IReadOnlyList<WadProblem> WadProblems { get; }

    public WadLump? FindLump(string name)
    {
        foreach (var lump in Lumps)
        {
            if (string.Equals(lump.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return lump;
            }
        }

        return null;
    }
}
