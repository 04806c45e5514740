using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Levels;

/// <summary>
/// Checks the references every reader must guarantee before a <see cref="Level"/> exists, repairing those the ports
/// repair (and recording it) and refusing those no port can load.
/// </summary>
internal static class LevelValidator
{
    /// <param name="level">The level's name, for messages.</param>
    /// <param name="lineSource">The lump the linedefs came from.</param>
    /// <param name="sideSource">The lump the sidedefs came from.</param>
    /// <param name="lines">The linedefs; out-of-range sidedef references are set to none.</param>
    /// <param name="sides">The sidedefs; with <paramref name="sectorFallback"/>, out-of-range sectors become sector 0.</param>
    /// <param name="vertexCount">How many vertices there are.</param>
    /// <param name="sectorCount">How many sectors there are.</param>
    /// <param name="sectorFallback">
    /// Binary levels: GZDoom and PrBoom+/dsda-doom put a sidedef with a bad sector in sector 0. In UDMF neither does
    /// (dsda-doom refuses the map, GZDoom reads outside its sector array), so there it stays a refusal.
    /// </param>
    /// <param name="problems">Where repairs are recorded.</param>
    public static void Validate(
        string level,
        string lineSource,
        string sideSource,
        Linedef[] lines,
        Sidedef[] sides,
        int vertexCount,
        int sectorCount,
        bool sectorFallback,
        ReadProblemCollector problems)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            CheckVertex(level, lineSource, i, "start", line.Start, vertexCount);
            CheckVertex(level, lineSource, i, "end", line.End, vertexCount);
            if (!IsSide(line.FrontSide, sides.Length))
            {
                Drop(i, "front", line.FrontSide, sides.Length, problems);
                lines[i] = line = line with { FrontSide = -1 };
            }

            if (!IsSide(line.BackSide, sides.Length))
            {
                Drop(i, "back", line.BackSide, sides.Length, problems);
                lines[i] = line with { BackSide = -1 };
            }
        }

        for (var i = 0; i < sides.Length; i++)
        {
            var sector = sides[i].Sector;
            if (sector >= 0 && sector < sectorCount)
            {
                continue;
            }

            if (!sectorFallback || sectorCount == 0)
            {
                throw new WadFormatException(
                    $"Level {level}: sidedef {i} ({sideSource}) belongs to sector {sector}, " +
                    $"but the level has only {sectorCount} sectors (SECTORS).");
            }

            problems.Add(
                CheckNames.BadSidedefSector,
                FindingSeverity.Minor,
                ElementKind.Side,
                i,
                "sector",
                $"Sidedef {i} belongs to sector {sector}, but the level has only {sectorCount} sectors: GZDoom and " +
                "PrBoom+/dsda-doom put it in sector 0, and so does this reading (vanilla Doom reads past its sector array).");
            sides[i] = sides[i] with { Sector = 0 };
        }
    }

    private static bool IsSide(int side, int count) => side == -1 || (side >= 0 && side < count);

    // GZDoom substitutes sidedef 0 in binary levels and drops the reference in UDMF; PrBoom+/dsda-doom drop it.
    private static void Drop(int line, string which, int side, int count, ReadProblemCollector problems) =>
        problems.Add(
            CheckNames.BadLinedefSidedef,
            FindingSeverity.Minor,
            ElementKind.Line,
            line,
            which,
            $"Linedef {line} uses sidedef {side} as its {which} side, but the level has only {count} sidedefs: " +
            "PrBoom+/dsda-doom drop the reference (GZDoom substitutes sidedef 0 in binary levels), and so does this " +
            "reading (vanilla Doom reads past its sidedef array).");

    private static void CheckVertex(string level, string source, int line, string end, int vertex, int count)
    {
        if (vertex < 0 || vertex >= count)
        {
            throw new WadFormatException(
                $"Level {level}: linedef {line} ({source}) uses vertex {vertex} as its {end}, " +
                $"but the level has only {count} vertices.");
        }
    }
}
