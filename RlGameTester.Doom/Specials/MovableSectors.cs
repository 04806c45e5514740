using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Specials;

/// <summary>
/// The sectors whose floor or ceiling may move while the level is played, a superset: the sector behind any line with a
/// special that may move or change one (all but teleports, exits, lights and scrollers; an unknown special counts: manual
/// doors and lifts act on the sector behind), every sector carrying a tag that such a special or a boss's death names,
/// the steps a staircase may build on from there (neighbours with the same floor flat, as EV_BuildStairs looks for them)
/// and the two rings a donut moves. In Hexen-format and ZDoom UDMF levels, where scripts and things can move any tagged
/// sector, every tagged sector. Whatever a picture of the level as it starts shows at such a sector may differ from what
/// a player sees later, so a defect seen there is not the level's for certain.
/// </summary>
public static class MovableSectors
{
    public static bool[] Of(Level level)
    {
        ArgumentNullException.ThrowIfNull(level);
        var sectors = level.Sectors;
        var movable = new bool[sectors.Length];
        var neighbours = Neighbours(level);
        var tags = new HashSet<int>();
        var spreading = new List<(int Tag, MoveKind Kind)>();
        foreach (var line in level.Linedefs)
        {
            var info = level.UsesDoomSpecials ? LinedefSpecials.FindDoom(line.Special) : LinedefSpecials.FindHexen(line.Special);
            if (line.Special == 0 || info?.Effect is LineEffect.Teleport or LineEffect.LineTeleport or LineEffect.Exit
                or LineEffect.SecretExit or LineEffect.Light or LineEffect.Scroll)
            {
                continue;
            }

            if (line.BackSide >= 0 && SectorOf(level, line.BackSide) is { } back)
            {
                movable[back] = true;
            }

            if (level.UsesDoomSpecials && line.Tag != 0)
            {
                tags.Add(line.Tag);
                if (info?.Effect is LineEffect.Stairs or LineEffect.Donut)
                {
                    spreading.Add((line.Tag, info.Effect == LineEffect.Stairs ? MoveKind.Stairs : MoveKind.Donut));
                }
            }
        }

        foreach (var action in BossDeathActions.For(level))
        {
            if (action.Tag is { } tag)
            {
                tags.Add(tag);
            }
        }

        for (var s = 0; s < sectors.Length; s++)
        {
            var tag = sectors[s].Tag;
            movable[s] |= tag != 0 && (tags.Contains(tag) || !level.UsesDoomSpecials);
        }

        foreach (var (tag, kind) in spreading)
        {
            for (var s = 0; s < sectors.Length; s++)
            {
                if (sectors[s].HasTag(tag))
                {
                    Spread(level, neighbours, movable, s, kind);
                }
            }
        }

        return movable;
    }

    /// <summary>Stairs: every sector reached through neighbours with the first step's floor flat; donuts: two rings out.</summary>
    private static void Spread(Level level, List<int>[] neighbours, bool[] movable, int start, MoveKind kind)
    {
        var flat = level.Sectors[start].FloorFlat;
        var depth = new Dictionary<int, int> { [start] = 0 };
        var queue = new Queue<int>([start]);
        while (queue.Count > 0)
        {
            var sector = queue.Dequeue();
            foreach (var next in neighbours[sector])
            {
                var fits = kind == MoveKind.Stairs
                    ? string.Equals(level.Sectors[next].FloorFlat, flat, StringComparison.OrdinalIgnoreCase)
                    : depth[sector] < 2;
                if (fits && depth.TryAdd(next, depth[sector] + 1))
                {
                    movable[next] = true;
                    queue.Enqueue(next);
                }
            }
        }
    }

    private static List<int>[] Neighbours(Level level)
    {
        var neighbours = new List<int>[level.Sectors.Length];
        for (var s = 0; s < neighbours.Length; s++)
        {
            neighbours[s] = [];
        }

        foreach (var line in level.Linedefs)
        {
            if (SectorOf(level, line.FrontSide) is { } front && SectorOf(level, line.BackSide) is { } back && front != back)
            {
                neighbours[front].Add(back);
                neighbours[back].Add(front);
            }
        }

        return neighbours;
    }

    private static int? SectorOf(Level level, int side) =>
        side >= 0 && side < level.Sidedefs.Length && level.Sidedefs[side].Sector is var s && s >= 0 && s < level.Sectors.Length ? s : null;
}
