namespace RlGameTester.Doom.Levels;

/// <summary>Lookups built from a level's lumps that the checks and the explorer share.</summary>
internal static class LevelIndex
{
    /// <summary>The sectors of each non-zero tag, in sector order.</summary>
    public static Dictionary<int, List<int>> SectorsByTag(Level level)
    {
        var map = new Dictionary<int, List<int>>();
        for (var s = 0; s < level.Sectors.Length; s++)
        {
            foreach (var tag in level.Sectors[s].Tags)
            {
                if (!map.TryGetValue(tag, out var list))
                {
                    list = [];
                    map.Add(tag, list);
                }

                list.Add(s);
            }
        }

        return map;
    }

    /// <summary>The lines of each line id (every id a line has: <see cref="Linedef.Ids"/>), in line order.</summary>
    public static Dictionary<int, List<int>> LinesById(Level level)
    {
        var map = new Dictionary<int, List<int>>();
        for (var i = 0; i < level.Linedefs.Length; i++)
        {
            foreach (var id in level.Linedefs[i].Ids)
            {
                if (!map.TryGetValue(id, out var list))
                {
                    list = [];
                    map.Add(id, list);
                }

                list.Add(i);
            }
        }

        return map;
    }
}
