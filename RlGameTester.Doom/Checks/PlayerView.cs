using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Checks;

/// <summary>
/// Where players can get to and what they can see, over regions (sector pieces). Used to tell a wall in plain
/// view from one inside a sealed control sector or a monster closet no player enters.
/// </summary>
internal sealed class PlayerView
{
    private const int PlayerHeight = 56;
    private const int MaxStepUp = 24;

    private readonly CheckContext _c;
    private readonly List<(int Line, int Region)>[] _neighbours;

    public PlayerView(CheckContext context)
    {
        _c = context;
        _neighbours = BuildNeighbours();
        Reachable = FindReachable();
        Visible = FindVisible();
    }

    /// <summary>
    /// Regions a player can get to: from the player and deathmatch starts, across lines with room to pass and
    /// a step of at most 24 (any drop), through teleporters a player can use, and past anything that moves
    /// (a door or lift may open the way). Generous on purpose: it must not miss where a player can be.
    /// </summary>
    public bool[] Reachable { get; }

    /// <summary>Regions a player can see: the reachable ones and all seen from them through openings.</summary>
    public bool[] Visible { get; }

    /// <summary>
    /// How a wall of <paramref name="line"/> facing <paramref name="region"/> can be seen: from outside the region
    /// through another of its lines (plain view), only by a player standing in it (a pit or closet), or not at all.
    /// </summary>
    public WallVisibility Visibility(int region, int line)
    {
        if (region < 0 || !Visible[region])
        {
            return WallVisibility.Never;
        }

        var sector = _c.Geometry.SectorOfRegion(region);
        foreach (var (otherLine, other) in _neighbours[region])
        {
            if (otherLine != line && other >= 0 && other != region && Visible[other] &&
                Opens(sector, _c.Geometry.SectorOfRegion(other)))
            {
                return WallVisibility.PlainView;
            }
        }

        return Reachable[region] ? WallVisibility.FromInside : WallVisibility.Never;
    }

    /// <summary>Whether one can see between two neighbouring sectors now, or later because one of them moves.</summary>
    public bool Opens(int a, int b)
    {
        var sa = _c.Level.Sectors[a];
        var sb = _c.Level.Sectors[b];
        var opening = Math.Min(sa.CeilingHeight, sb.CeilingHeight) - Math.Max(sa.FloorHeight, sb.FloorHeight);
        return opening > 0 || _c.MovingSectors[a] || _c.MovingSectors[b];
    }

    private List<(int Line, int Region)>[] BuildNeighbours()
    {
        var result = new List<(int, int)>[_c.Geometry.RegionCount];
        for (var r = 0; r < result.Length; r++)
        {
            result[r] = [];
        }

        for (var i = 0; i < _c.Level.Linedefs.Length; i++)
        {
            var front = _c.Geometry.RegionOfSide(i, true);
            var back = _c.Geometry.RegionOfSide(i, false);
            if (front >= 0)
            {
                result[front].Add((i, back));
            }

            if (back >= 0)
            {
                result[back].Add((i, front));
            }
        }

        return result;
    }

    private bool[] FindReachable()
    {
        var reached = new bool[_c.Geometry.RegionCount];
        var queue = new Queue<int>();
        void Reach(int region)
        {
            if (region >= 0 && !reached[region])
            {
                reached[region] = true;
                queue.Enqueue(region);
            }
        }

        for (var t = 0; t < _c.Level.Things.Length; t++)
        {
            var type = _c.Level.Things[t].Type;

            // Hexen and UDMF teleports aim at thing ids, which are not followed here: their destinations count as starts.
            if (type is (>= 1 and <= 4) or 11 || (!_c.Level.UsesDoomSpecials && type is 14 or 9043 or 9044))
            {
                Reach(_c.ThingRegions[t]);
            }
        }

        // Without any start nothing is known about where players go: assume everywhere.
        if (queue.Count == 0)
        {
            Array.Fill(reached, true);
            return reached;
        }

        var destinations = TeleportDestinationsByTag();
        while (queue.Count > 0)
        {
            var region = queue.Dequeue();
            var sector = _c.Geometry.SectorOfRegion(region);
            foreach (var (line, other) in _neighbours[region])
            {
                if (_c.PlayerTeleportTag(line) is { } tag && destinations.TryGetValue(tag, out var targets))
                {
                    targets.ForEach(Reach);
                }

                if (other < 0 || reached[other] || _c.Level.Linedefs[line].BlocksPlayer)
                {
                    continue;
                }

                var otherSector = _c.Geometry.SectorOfRegion(other);
                var a = _c.Level.Sectors[sector];
                var b = _c.Level.Sectors[otherSector];
                var opening = Math.Min(a.CeilingHeight, b.CeilingHeight) - Math.Max(a.FloorHeight, b.FloorHeight);
                if (_c.MovingSectors[sector] || _c.MovingSectors[otherSector] ||
                    (opening >= PlayerHeight && b.FloorHeight - a.FloorHeight <= MaxStepUp))
                {
                    Reach(other);
                }
            }
        }

        return reached;
    }

    // For each sector tag, the regions holding a teleport destination in a sector with that tag.
    private Dictionary<int, List<int>> TeleportDestinationsByTag()
    {
        var result = new Dictionary<int, List<int>>();
        for (var t = 0; t < _c.Level.Things.Length; t++)
        {
            var sector = _c.ThingSectors[t];
            if (_c.Level.Things[t].Type != 14 || sector < 0 || _c.Level.Sectors[sector].Tag == 0)
            {
                continue;
            }

            var tag = _c.Level.Sectors[sector].Tag;
            if (!result.TryGetValue(tag, out var list))
            {
                list = [];
                result.Add(tag, list);
            }

            list.Add(_c.ThingRegions[t]);
        }

        return result;
    }

    private bool[] FindVisible()
    {
        var visible = (bool[])Reachable.Clone();
        var queue = new Queue<int>();
        for (var r = 0; r < visible.Length; r++)
        {
            if (visible[r])
            {
                queue.Enqueue(r);
            }
        }

        while (queue.Count > 0)
        {
            var region = queue.Dequeue();
            foreach (var (_, other) in _neighbours[region])
            {
                if (other >= 0 && !visible[other] &&
                    Opens(_c.Geometry.SectorOfRegion(region), _c.Geometry.SectorOfRegion(other)))
                {
                    visible[other] = true;
                    queue.Enqueue(other);
                }
            }
        }

        return visible;
    }
}
