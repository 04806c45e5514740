using System.Collections.Immutable;
using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Levels;

/// <summary>
/// ZDoom's solid 3D floors (Sector_Set3dFloor, 160), baked into the heights of the sectors they are placed in, for play.
/// A solid 3D floor is a slab across the whole of each tagged sector, from its control sector's floor to its ceiling
/// (GZDoom's MapLoader::Set3DFloor and P_Add3DFloor: Vavoom's type 0 swaps the planes, a thin floor is the control
/// ceiling alone). The grid, the validator and the proof know one floor and one ceiling a sector, so the sector keeps
/// one space between its planes and the slabs that a body fits in (56 units): the one whose floor most of its neighbours'
/// floors are a step from at some height they take (the lowest of those): on top of a step or platform, on a bridge's
/// deck over a pit, under a bridge across a room, under a platform once the floor beside it is lowered, or none (a
/// block to the ceiling closes it). That is a space a player is in GZDoom, so a way through it is a way a player takes.
/// A space left out (the top of a bridge) is a way the explorer does not take, and
/// the proof must not take it for gone: the lines of a sector where another space fits a body keep their special, so
/// the proof keeps them among what it cannot decide.
/// Swimmable water is played at its surface (<see cref="Surface"/>), its lines kept for the proof (its depths are ways
/// the surface leaves out); over a sloped floor it covers, the surface is flat (the floor's Plane_Align no longer
/// slopes it). Left as they are (their lines stay unsimulated specials): water whose control sector hurts, a sector with
/// water and solid slabs both, Vavoom floors with contents, water a sloped floor rises out of, every other 3D floor of
/// a sloped sector, and every 3D floor of a sector whose floor, ceiling or control sector any special may move.
/// </summary>
public static class ThreeDFloors
{
    /// <summary>Sector_Set3dFloor (tag, type, flags, alpha, hi-tag / line id).</summary>
    public const int Special = 160;

    private const int SetContents = 161;
    private const int BodyHeight = 56;
    private const int Step = 24;

    /// <summary>The level with its static solid 3D floors baked into its sectors' heights, or the level itself when none is.</summary>
    /// <param name="floorRange">
    /// The lowest and highest floor each sector may have in play (its movers' targets; null: the floors as drawn). A
    /// space is chosen by the neighbours a step from it at some height they take, so a way under a platform that opens
    /// when the floor beside it lowers is the one played (JAMP2 MAP04's teleport pad).
    /// </param>
    public static Level Bake(Level level, LevelGeometry geometry, Func<int, (int Low, int High)>? floorRange = null)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(geometry);
        if (level.UsesDoomSpecials || !level.Linedefs.Any(l => l.Special == Special))
        {
            return level;
        }

        var moved = MovedSectors(level);
        var byTag = LevelIndex.SectorsByTag(level);
        var slabs = new Dictionary<int, List<(int Bottom, int Top)>>();
        var waters = new Dictionary<int, List<(int Bottom, int Top)>>();
        var kept = new HashSet<int>();
        var lines = new Dictionary<int, List<int>>();
        for (var i = 0; i < level.Linedefs.Length; i++)
        {
            var line = level.Linedefs[i];
            if (line.Special != Special || line.FrontSide < 0)
            {
                continue;
            }

            var control = level.Sidedefs[line.FrontSide].Sector;
            var slab = Slab(level, line, control, out var simulated, out var water);
            var keep = !simulated || geometry.Slopes.Sloped(control) || moved.Contains(control);
            foreach (var target in byTag.GetValueOrDefault(Tag(level, line)) ?? [])
            {
                (lines.TryGetValue(target, out var list) ? list : lines[target] = []).Add(i);
                // Water over a sloped floor is played at its surface when it covers the whole floor (see Surface).
                if (keep || moved.Contains(target) || (geometry.Slopes.Sloped(target) && (!water || geometry.Slopes.CeilingSloped(target))))
                {
                    kept.Add(target);
                }
                else if (slab is { } s)
                {
                    var into = water ? waters : slabs;
                    (into.TryGetValue(target, out var list2) ? list2 : into[target] = []).Add(s);
                }
            }
        }

        // A sector with solid slabs and water both is left as drawn, and so is a sloped floor the water covers in part.
        kept.UnionWith(waters.Keys.Where(slabs.ContainsKey));
        var surfaces = new Dictionary<int, int>();
        var flattened = new HashSet<int>();
        foreach (var (target, list) in waters)
        {
            if (!kept.Contains(target))
            {
                if (Surface(level.Sectors[target], list, FloorSpan(level, geometry, target)) is not { } surface)
                {
                    kept.Add(target);
                    continue;
                }

                surfaces[target] = surface.Floor;
                if (surface.Swum && geometry.Slopes.FloorSloped(target))
                {
                    flattened.Add(target);
                }
            }
        }

        var sectors = level.Sectors.ToBuilder();
        var keptLines = kept.SelectMany(t => lines[t]).ToHashSet();
        foreach (var (target, floor) in surfaces)
        {
            sectors[target] = sectors[target] with { FloorHeight = floor };

            // The water's depths are ways the played surface leaves out (a tunnel under it): the proof keeps them.
            keptLines.UnionWith(lines[target]);
        }

        foreach (var (target, list) in slabs)
        {
            if (!kept.Contains(target))
            {
                var (floor, ceiling, others) = Space(level.Sectors[target], list, NeighbourFloors(level, geometry, target, floorRange));
                sectors[target] = sectors[target] with { FloorHeight = floor, CeilingHeight = ceiling };
                if (others)
                {
                    keptLines.UnionWith(lines[target]);
                }
            }
        }

        var linedefs = level.Linedefs.ToBuilder();
        var changed = false;
        for (var i = 0; i < linedefs.Count; i++)
        {
            if (linedefs[i].Special == Special && !keptLines.Contains(i))
            {
                linedefs[i] = linedefs[i] with { Special = 0 };
                changed = true;
            }
            else if (linedefs[i].Special == SectorSlopes.PlaneAlign && FlattenedFloor(level, linedefs[i], flattened))
            {
                // A floor swum over at the surface is that flat surface: its Plane_Align no longer slopes it.
                linedefs[i] = linedefs[i] with { Args = linedefs[i].Args with { Arg0 = 0 } };
                changed = true;
            }
        }

        // Nothing baked (every 3D floor left as drawn): the level as it is, and no geometry to build again.
        return changed || !sectors.SequenceEqual(level.Sectors) ? level.WithPlay(sectors.ToImmutable(), linedefs.ToImmutable()) : level;
    }

    // GZDoom's tag: in Hexen format the fifth argument is the tag's high byte unless the type's bit 8 makes it a line id.
    private static int Tag(Level level, Linedef line) =>
        level.Format == LevelFormat.Hexen && (line.Args.Arg1 & 8) == 0 ? line.Args.Arg0 + (256 * line.Args.Arg4) : line.Args.Arg0;

    // The slab a 3D floor puts in its sectors (null: not solid, nothing to a body); simulated is false for the kinds left out.
    private static (int Bottom, int Top)? Slab(Level level, Linedef line, int control, out bool simulated, out bool water)
    {
        var type = line.Args.Arg1 & ~8;
        var (floor, ceiling) = (level.Sectors[control].FloorHeight, level.Sectors[control].CeilingHeight);
        simulated = true;
        water = false;
        if (type == 0)
        {
            // Vavoom's: solid, planes swapped; Sector_SetContents lines in the control sector may make it water.
            simulated = !level.Linedefs.Any(l => l.Special == SetContents && l.FrontSide >= 0 && level.Sidedefs[l.FrontSide].Sector == control);
            return (Math.Min(floor, ceiling), Math.Max(floor, ceiling));
        }

        switch (type & 3)
        {
            case 1 when type != 4:
                var bottom = (line.Args.Arg2 & 8) != 0 ? ceiling : floor;
                return (Math.Min(bottom, ceiling), Math.Max(bottom, ceiling));
            case 2:
                // Swimmable: played at its surface (see Surface); one whose control sector hurts is left unsimulated.
                water = true;
                simulated = SectorSpecials.DescribeZDoom(level.Sectors[control].Special).Damage == 0;
                return (Math.Min(floor, ceiling), Math.Max(floor, ceiling));
            default:
                return null;
        }
    }

    // The space between the sector's planes and its slabs a body fits in that most neighbours' floors are a step from,
    // the lowest of those (none closes the sector at its floor), and whether another one fits a body too.
    private static (int Floor, int Ceiling, bool Others) Space(Sector sector, List<(int Bottom, int Top)> slabs, List<(int Low, int High)> neighbourFloors)
    {
        var spaces = new List<(int Floor, int Ceiling)>();
        var low = sector.FloorHeight;
        foreach (var (bottom, top) in slabs.OrderBy(s => s.Bottom))
        {
            if (top < sector.FloorHeight || bottom > sector.CeilingHeight)
            {
                continue;
            }

            if (bottom - low >= BodyHeight)
            {
                spaces.Add((low, bottom));
            }

            low = Math.Max(low, top);
        }

        if (sector.CeilingHeight - low >= BodyHeight)
        {
            spaces.Add((low, sector.CeilingHeight));
        }

        if (spaces.Count == 0)
        {
            return (sector.FloorHeight, sector.FloorHeight, false);
        }

        var best = spaces.MaxBy(space => neighbourFloors.Count(f => space.Floor >= f.Low - Step && space.Floor <= f.High + Step));
        return (best.Floor, best.Ceiling, spaces.Count > 1);
    }

    // The floor a sector with swimmable water is played at: the water's surface, where a player who swims up and climbs
    // out (GZDoom: swimming up while the water is over half the body, WaterClimbSpeed against a wall while in it) steps
    // onto a ledge as from a floor, kept 56 under the ceiling; Swum when it is. Water a player standing on the floor is
    // not in over half the body (shallow, or its bottom above the waist) is waded or walked under: the floor stays. A
    // sloped floor (its lowest and highest points) under water over half the body somewhere is played flat at the
    // surface when the water covers all of it (a shore that slopes down into a lake: where it is shallow the played
    // floor stands up to half the body above the real one); one that rises out of the water is neither one plane nor the
    // other (null, left as drawn).
    private static (int Floor, bool Swum)? Surface(Sector sector, List<(int Bottom, int Top)> waters, (double Low, double High) floorSpan)
    {
        const int waist = BodyHeight / 2;
        var (floor, swum) = (sector.FloorHeight, false);
        foreach (var (bottom, top) in waters)
        {
            if (bottom > floorSpan.Low + waist || top <= floorSpan.Low + waist)
            {
                continue;
            }

            if (floorSpan.High > top)
            {
                return null;
            }

            (floor, swum) = (Math.Max(floor, Math.Min(top, sector.CeilingHeight - BodyHeight)), true);
        }

        return (floor, swum);
    }

    // The lowest and highest points of the sector's floor as drawn (a slope's are at its vertices).
    private static (double Low, double High) FloorSpan(Level level, LevelGeometry geometry, int sector)
    {
        var (low, high) = (double.MaxValue, double.MinValue);
        foreach (var edge in geometry.EdgesOfSector(sector))
        {
            var line = level.Linedefs[edge.Line];
            foreach (var v in (ReadOnlySpan<int>)[line.Start, line.End])
            {
                var z = level.Sectors[sector].FloorHeight + geometry.Slopes.FloorOffset(sector, level.Vertices[v].X, level.Vertices[v].Y);
                (low, high) = (Math.Min(low, z), Math.Max(high, z));
            }
        }

        return low <= high ? (low, high) : (level.Sectors[sector].FloorHeight, level.Sectors[sector].FloorHeight);
    }

    // Whether a Plane_Align line slopes the floor of a sector played flat at its water's surface.
    private static bool FlattenedFloor(Level level, Linedef line, HashSet<int> flattened) =>
        (line.Args.Arg0 & 3) switch
        {
            1 => line.FrontSide >= 0 && flattened.Contains(level.Sidedefs[line.FrontSide].Sector),
            2 => line.BackSide >= 0 && flattened.Contains(level.Sidedefs[line.BackSide].Sector),
            _ => false,
        };

    // The floors of the sectors across the sector's two-sided lines, each from the lowest to the highest it may take.
    private static List<(int Low, int High)> NeighbourFloors(Level level, LevelGeometry geometry, int sector, Func<int, (int Low, int High)>? floorRange)
    {
        var floors = new List<(int Low, int High)>();
        foreach (var edge in geometry.EdgesOfSector(sector))
        {
            var line = level.Linedefs[edge.Line];
            if (line.FrontSide >= 0 && line.BackSide >= 0)
            {
                var (front, back) = (level.Sidedefs[line.FrontSide].Sector, level.Sidedefs[line.BackSide].Sector);
                var other = front == sector ? back : front;
                var drawn = level.Sectors[other].FloorHeight;
                floors.Add(floorRange?.Invoke(other) is { } range ? (Math.Min(range.Low, drawn), Math.Max(range.High, drawn)) : (drawn, drawn));
            }
        }

        return floors;
    }

    // Sectors a special may move: those whose tag a line, a thing or a script names for a move (a script's call only
    // where the reading knows the tag: one the explorer cannot run does not run in its play, and the proof keeps scripts
    // undecided), and the one behind a door line that names no tag.
    private static HashSet<int> MovedSectors(Level level)
    {
        var tags = new HashSet<int>();
        var sectors = new HashSet<int>();
        foreach (var line in level.Linedefs)
        {
            if (SectorMoves.MayMoveHexen(line.Special))
            {
                tags.Add(line.Args.Arg0);
            }

            if (line.Special is 10 or 11 or 12 or 13 or 14 or 202 && line.Args.Arg0 == 0 && line.BackSide >= 0)
            {
                sectors.Add(level.Sidedefs[line.BackSide].Sector);
            }
        }

        foreach (var thing in level.Things)
        {
            if (SectorMoves.MayMoveHexen(thing.Special))
            {
                tags.Add(thing.Args.Arg0);
            }
        }

        foreach (var script in level.Scripts.Scripts)
        {
            foreach (var call in AcsReading.Of(level.Scripts, script, []).Calls)
            {
                if (call.Arg(0) is { } tag && SectorMoves.MayMoveHexen(call.Special))
                {
                    tags.Add(tag);
                }
            }
        }

        tags.Remove(0);
        for (var s = 0; s < level.Sectors.Length; s++)
        {
            if (level.Sectors[s].Tags.Any(tags.Contains))
            {
                sectors.Add(s);
            }
        }

        return sectors;
    }
}
