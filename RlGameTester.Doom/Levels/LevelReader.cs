using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Udmf;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Levels;

/// <summary>
/// Reads levels from a WAD.
/// <para>
/// The rule: what a major port (GZDoom, PrBoom+/dsda-doom, chocolate-doom) loads, the reader loads, the way that port
/// loads it, and lists what it read past in <see cref="Level.ReadProblems"/> (which <c>Checks.LevelChecker</c> reports
/// as findings naming the element). Only what no port can load raises <see cref="WadFormatException"/> naming the
/// level, the lump and the index: a linedef using a vertex that does not exist, a missing required lump, UDMF syntax
/// no port parses. The decisions, case by case, are in the library's README.
/// </para>
/// </summary>
public static class LevelReader
{
    /// <summary>Reads every level of the WAD, in directory order, within the default <see cref="LevelLimits"/>.</summary>
    /// <exception cref="WadFormatException">The WAD holds no level, or one of them is unreadable.</exception>
    /// <exception cref="WadLimitException">The WAD passes one of the limits.</exception>
    public static IReadOnlyList<Level> ReadAll(WadFile wad) => ReadAll(wad, LevelLimits.Default);

    /// <summary>Reads every level of the WAD, in directory order, refusing it before any parsing when it passes a limit.</summary>
    /// <param name="wad">The file.</param>
    /// <param name="limits">The bounds on its levels.</param>
    /// <param name="setting">What raises the bounds where the reader runs, named in a refusal.</param>
    /// <exception cref="WadFormatException">The WAD holds no level, one of them is unreadable, or a level lump shares bytes with another.</exception>
    /// <exception cref="WadLimitException">The WAD passes one of the limits.</exception>
    public static IReadOnlyList<Level> ReadAll(WadFile wad, LevelLimits limits, string setting = "LevelLimits")
    {
        ArgumentNullException.ThrowIfNull(limits);
        var entries = LevelDirectory.Find(wad, limits.MaxLevels);
        if (entries.Count == 0)
        {
            throw new WadFormatException(
                $"The WAD contains no level: no marker lump is followed by THINGS/LINEDEFS/... or TEXTMAP " +
                $"({wad.Lumps.Count} lumps examined).");
        }

        limits.Check(wad, entries, setting);
        var levels = new List<Level>(entries.Count);
        foreach (var entry in entries)
        {
            var level = Read(entry);
            if (entry.Format == LevelFormat.Udmf)
            {
                // A binary level's counts were bounded from its lump sizes; a TEXTMAP's are known once it is parsed.
                limits.CheckElements(level, setting);
            }

            levels.Add(level);
        }

        return levels;
    }

    /// <summary>Reads the level Doom would play for a name (the last one of that name).</summary>
    /// <exception cref="WadFormatException">No level of that name, or it is unreadable.</exception>
    public static Level Read(WadFile wad, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var entries = LevelDirectory.Find(wad);
        LevelEntry? found = null;
        foreach (var entry in entries)
        {
            if (string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                found = entry;
            }
        }

        if (found is null)
        {
            var names = entries.Count == 0 ? "none" : string.Join(", ", entries.Select(e => e.Name));
            throw new WadFormatException($"The WAD has no level named \"{name}\" (levels found: {names}).");
        }

        return Read(found);
    }

    /// <summary>Reads one level found by <see cref="LevelDirectory.Find(WadFile)"/>.</summary>
    public static Level Read(LevelEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var level = entry.Format == LevelFormat.Udmf ? UdmfLevelReader.Read(entry) : BinaryLevelReader.Read(entry);
        return entry.Format == LevelFormat.Doom || entry.FindLump("BEHAVIOR") is not { } behavior ? level : level.WithScripts(AcsModule.Read(behavior.Data));
    }
}
