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
}
