using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Levels;

/// <summary>Checks the references every reader must guarantee before a <see cref="Level"/> exists.</summary>
internal static class LevelValidator
{
    public static void Validate(
        string level,
        string lineSource,
        string sideSource,
        Linedef[] lines,
        Sidedef[] sides,
        int vertexCount,
        int sectorCount)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            CheckVertex(level, lineSource, i, "start", line.Start, vertexCount);
            CheckVertex(level, lineSource, i, "end", line.End, vertexCount);
            CheckSide(level, lineSource, i, "front", line.FrontSide, sides.Length);
            CheckSide(level, lineSource, i, "back", line.BackSide, sides.Length);
        }

        for (var i = 0; i < sides.Length; i++)
        {
            var sector = sides[i].Sector;
            if (sector < 0 || sector >= sectorCount)
            {
                throw new WadFormatException(
                    $"Level {level}: sidedef {i} ({sideSource}) belongs to sector {sector}, " +
                    $"but the level has only {sectorCount} sectors (SECTORS).");
            }
        }
    }

    private static void CheckVertex(string level, string source, int line, string end, int vertex, int count)
    {
        if (vertex < 0 || vertex >= count)
        {
            throw new WadFormatException(
                $"Level {level}: linedef {line} ({source}) uses vertex {vertex} as its {end}, " +
                $"but the level has only {count} vertices.");
        }
    }

    private static void CheckSide(string level, string source, int line, string which, int side, int count)
    {
        if (side != -1 && (side < 0 || side >= count))
        {
            throw new WadFormatException(
                $"Level {level}: linedef {line} ({source}) uses sidedef {side} as its {which} side, " +
                $"but the level has only {count} sidedefs.");
        }
    }
}
