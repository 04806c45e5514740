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
        UdmfEnd udmfEnd,
        IReadOnlyList<WadProblem> wadProblems)
    {
        Name = name;
        MarkerIndex = markerIndex;
        Format = format;
        Lumps = lumps;
        End = udmfEnd;
        WadProblems = wadProblems;
    }

    /// <summary>How a UDMF level's lumps end.</summary>
    internal enum UdmfEnd
    {
        /// <summary>By its ENDMAP (and always for binary levels).</summary>
        Endmap,

        /// <summary>No ENDMAP before the next level, but one further on, which GZDoom reads on to.</summary>
        EndmapFurtherOn,

        /// <summary>No ENDMAP anywhere after the TEXTMAP.</summary>
        NoEndmap,
    }

    public string Name { get; }

    /// <summary>Directory index of the marker lump.</summary>
    public int MarkerIndex { get; }

    public LevelFormat Format { get; }

    /// <summary>
    /// The level's lumps after the marker (for UDMF: TEXTMAP up to, not including, ENDMAP; without ENDMAP, up to the
    /// next level's marker or the end of the WAD).
    /// </summary>
    public IReadOnlyList<WadLump> Lumps { get; }

    internal UdmfEnd End { get; }

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
