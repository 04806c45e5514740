using System.Globalization;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Levels;

/// <summary>
/// Bounds on the work one WAD may ask of the reader, checked from the directory before any level is parsed, so a
/// small hostile file cannot cost minutes: how many levels, how big each, and no level lump sharing its bytes with
/// another lump (a directory that points thousands of markers at one level's lumps reads one level thousands of
/// times). Within them, reading costs time in proportion to the file's bytes.
/// </summary>
public sealed record LevelLimits
{
    /// <summary>The bounds a server applies unless configured otherwise: far above any released level.</summary>
    public static LevelLimits Default { get; } = new();

    /// <summary>
    /// No bound but the shared-bytes rule: for a file a gate with its own limits already accepted (a stored upload read
    /// again), whatever that gate was set to.
    /// </summary>
    public static LevelLimits Accepted { get; } = new() { MaxLevels = int.MaxValue, MaxElements = int.MaxValue, MaxTextmapBytes = int.MaxValue };

    /// <summary>Levels in one WAD (Doom II has 32; megawads a few dozen).</summary>
    public int MaxLevels { get; init; } = 128;

    /// <summary>Things, linedefs, sidedefs, vertices or sectors in one level, each counted on its own.</summary>
    public int MaxElements { get; init; } = 262_144;

    /// <summary>Bytes of one UDMF level's TEXTMAP.</summary>
    public int MaxTextmapBytes { get; init; } = 32 << 20;

    /// <summary>
    /// Refuses a WAD whose levels pass a bound (<see cref="WadLimitException"/>) or whose level lumps share bytes with
    /// other lumps (<see cref="WadFormatException"/>); <paramref name="setting"/> names what raises a bound, for the message.
    /// </summary>
    public void Check(WadFile wad, IReadOnlyList<LevelEntry> levels, string setting = "LevelLimits")
    {
        ArgumentNullException.ThrowIfNull(wad);
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Count > MaxLevels)
        {
            throw new WadLimitException(Invariant(
                $"The WAD holds more than {MaxLevels} levels, the limit in one file ({setting}:MaxLevels)."));
        }

        foreach (var level in levels)
        {
            CheckSize(level, setting);
        }

        SharedBytes.Check(wad, levels);
    }

    private void CheckSize(LevelEntry level, string setting)
    {
        if (level.Format == LevelFormat.Udmf)
        {
            if (level.FindLump("TEXTMAP") is { } textmap && textmap.Size > MaxTextmapBytes)
            {
                throw new WadLimitException(Invariant(
                    $"Level {level.Name}'s TEXTMAP is {textmap.Size} bytes; the limit is {MaxTextmapBytes} ({setting}:MaxTextmapBytes)."));
            }

            return;
        }

        var hexen = level.Format == LevelFormat.Hexen;
        CheckCount(level, "THINGS", hexen ? BinaryLevelReader.HexenThingSize : BinaryLevelReader.DoomThingSize, "things", setting);
        CheckCount(level, "LINEDEFS", hexen ? BinaryLevelReader.HexenLinedefSize : BinaryLevelReader.DoomLinedefSize, "linedefs", setting);
        CheckCount(level, "SIDEDEFS", BinaryLevelReader.SidedefSize, "sidedefs", setting);
        CheckCount(level, "VERTEXES", BinaryLevelReader.VertexSize, "vertices", setting);
        CheckCount(level, "SECTORS", BinaryLevelReader.SectorSize, "sectors", setting);
    }

    /// <summary>A UDMF level, once parsed: the same bound on each kind of element as a binary level's lumps get.</summary>
    internal void CheckElements(Level level, string setting = "LevelLimits")
    {
        Check(level.Name, "things", level.Things.Length, setting);
        Check(level.Name, "linedefs", level.Linedefs.Length, setting);
        Check(level.Name, "sidedefs", level.Sidedefs.Length, setting);
        Check(level.Name, "vertices", level.Vertices.Length, setting);
        Check(level.Name, "sectors", level.Sectors.Length, setting);
    }

    private void CheckCount(LevelEntry level, string lump, int recordSize, string what, string setting)
    {
        if (level.FindLump(lump) is { } found)
        {
            Check(level.Name, what, found.Size / recordSize, setting);
        }
    }

    private void Check(string level, string what, int count, string setting)
    {
        if (count > MaxElements)
        {
            throw new WadLimitException(Invariant(
                $"Level {level} has {count} {what}; the limit is {MaxElements} of each kind in one level ({setting}:MaxElements)."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
