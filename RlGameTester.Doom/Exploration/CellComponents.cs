namespace RlGameTester.Doom.Exploration;

/// <summary>Connected areas of marked cells, and the sector and spot that describe one.</summary>
internal static class CellComponents
{
    /// <summary>Connected areas (8 neighbours), merged when most of them lies in the same sector: one per sector.</summary>
    public static List<List<int>> BySector(NavGrid grid, bool[] mask)
    {
        var bySector = new Dictionary<int, List<int>>();
        var order = new List<int>();
        foreach (var component in Find(grid, mask))
        {
            var sector = Describe(grid, component).Sector;
            if (bySector.TryGetValue(sector, out var merged))
            {
                merged.AddRange(component);
            }
            else
            {
                bySector.Add(sector, component);
                order.Add(sector);
            }
        }

        return order.ConvertAll(sector => bySector[sector]);
    }

    /// <summary>The sector most of a component lies in, and the component's cell nearest to its centroid.</summary>
    public static (int Sector, double X, double Y) Describe(NavGrid grid, List<int> component)
    {
        var counts = new Dictionary<int, int>();
        double sx = 0, sy = 0;
        foreach (var c in component)
        {
            counts[grid.CenterSector[c]] = counts.GetValueOrDefault(grid.CenterSector[c]) + 1;
            sx += grid.X(c);
            sy += grid.Y(c);
        }

        var sector = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
        sx /= component.Count;
        sy /= component.Count;
        var nearest = component.MinBy(c => Math.Abs(grid.X(c) - sx) + Math.Abs(grid.Y(c) - sy));
        return (sector, grid.X(nearest), grid.Y(nearest));
    }

    private static List<List<int>> Find(NavGrid grid, bool[] mask)
    {
        var seen = new bool[grid.Count];
        var result = new List<List<int>>();
        var queue = new Queue<int>();
        for (var c = 0; c < grid.Count; c++)
        {
            if (!mask[c] || seen[c])
            {
                continue;
            }

            var component = new List<int>();
            seen[c] = true;
            queue.Enqueue(c);
            while (queue.Count > 0)
            {
                var x = queue.Dequeue();
                component.Add(x);
                for (var d = 0; d < 8; d++)
                {
                    var n = x + grid.Offsets[d];
                    if (mask[n] && !seen[n])
                    {
                        seen[n] = true;
                        queue.Enqueue(n);
                    }
                }
            }

            result.Add(component);
        }

        return result;
    }
}
