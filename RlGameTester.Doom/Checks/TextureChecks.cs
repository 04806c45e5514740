using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Checks;

/// <summary>
/// Wall textures: parts of walls that are visible but untextured (Hall-of-Mirrors), also after a lift or floor
/// moves; names the resources do not define; textures whose patches are missing.
/// </summary>
internal static class TextureChecks
{
    // Doom-numbered specials that lower a floor to the lowest neighbouring floor (lifts included).
    private static readonly HashSet<int> LowerToLowest = [10, 21, 23, 37, 38, 60, 62, 82, 84, 88, 120, 121, 122, 123, 159, 177];

    // ... raise a floor to the next higher neighbouring floor.
    private static readonly HashSet<int> RaiseToNextHigher = [18, 20, 22, 47, 68, 69, 95, 119, 128, 129, 130, 131, 132];

    // ... raise a floor to the lowest neighbouring ceiling.
    private static readonly HashSet<int> RaiseToLowestCeiling = [5, 24, 64, 91, 101];

    private enum Part
    {
        Upper,
        Lower,
        Middle,
    }

    public static void Run(CheckContext c)
    {
        VisibleParts(c);
        Names(c);
        AfterMoves(c);
    }

    private static void VisibleParts(CheckContext c)
    {
        var level = c.Level;
        for (var i = 0; i < level.Linedefs.Length; i++)
        {
            var line = level.Linedefs[i];
            if (line.FrontSide < 0)
            {
                continue;
            }

            if (line.BackSide < 0)
            {
                var side = level.Sidedefs[line.FrontSide];
                var sector = level.Sectors[side.Sector];
                var hasHeight = sector.CeilingHeight > sector.FloorHeight || c.MovingSectors[side.Sector];
                if (hasHeight && Sidedef.IsNoTexture(side.MiddleTexture))
                {
                    ReportMissing(c, i, true, "the line is one-sided, so its whole wall is visible", Part.Middle);
                }

                continue;
            }

            CheckTwoSided(c, i, true);
            CheckTwoSided(c, i, false);
        }
    }

    private static void CheckTwoSided(CheckContext c, int line, bool front)
    {
        var l = c.Level.Linedefs[line];
        var side = c.Level.Sidedefs[front ? l.FrontSide : l.BackSide];
        var otherSector = c.Level.Sidedefs[front ? l.BackSide : l.FrontSide].Sector;

        var own = c.Level.Sectors[side.Sector];
        var other = c.Level.Sectors[otherSector];

        // With both sectors still, a part is drawn only where it has height inside this sector's own space.
        var still = !c.MovingSectors[side.Sector] && !c.MovingSectors[otherSector];
        var upperHeight = still ? own.CeilingHeight - Math.Max(other.CeilingHeight, own.FloorHeight) : own.CeilingHeight - other.CeilingHeight;
        var lowerHeight = still ? Math.Min(other.FloorHeight, own.CeilingHeight) - own.FloorHeight : other.FloorHeight - own.FloorHeight;

        // Doom draws no upper wall between two sky ceilings (the "sky hack"); any other step down is visible.
        var bothSky = ResourceSet.IsSkyFlat(own.CeilingFlat) && ResourceSet.IsSkyFlat(other.CeilingFlat);
        if (upperHeight > 0 && !bothSky && Sidedef.IsNoTexture(side.UpperTexture))
        {
            ReportMissing(c, line, front, $"the ceiling beyond steps down from {own.CeilingHeight} to {other.CeilingHeight}", Part.Upper);
        }

        if (lowerHeight > 0 && Sidedef.IsNoTexture(side.LowerTexture))
        {
            ReportMissing(c, line, front, $"the floor beyond steps up from {own.FloorHeight} to {other.FloorHeight}", Part.Lower);
        }
    }

    private static void ReportMissing(CheckContext c, int line, bool front, string why, Part part, string check = CheckNames.MissingTexture)
    {
        var l = c.Level.Linedefs[line];
        var side = front ? l.FrontSide : l.BackSide;
        var visibility = c.View.Visibility(c.Geometry.RegionOfSide(line, front), line);
        if (visibility == WallVisibility.Never)
        {
            return;
        }

        // A wall only a player standing inside a pit or closet can see is a lesser defect than one in plain view.
        var sector = c.Level.Sidedefs[side].Sector;
        var where = visibility == WallVisibility.PlainView
            ? string.Empty
            : $"; it can only be seen from inside sector {sector}, a pit or closet with no other view into it";
        var (x, y) = c.Geometry.Midpoint(line);
        c.Report(check, visibility == WallVisibility.PlainView ? FindingSeverity.Major : FindingSeverity.Minor,
            $"Line {line}, {(front ? "front" : "back")} side (sidedef {side}): the {part.ToString().ToLowerInvariant()} texture is missing but visible ({why}){where}; the gap shows Hall-of-Mirrors smearing. Give it a texture.",
            ElementKind.Side, side, x, y);
    }

    private static void Names(CheckContext c)
    {
        var level = c.Level;
        var firstUse = new Dictionary<string, (int Line, int Side)>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < level.Linedefs.Length; i++)
        {
            var line = level.Linedefs[i];
            foreach (var (sideIndex, which) in new[] { (line.FrontSide, "front"), (line.BackSide, "back") })
            {
                if (sideIndex < 0)
                {
                    continue;
                }

                var side = level.Sidedefs[sideIndex];
                foreach (var (name, part) in new[] { (side.UpperTexture, Part.Upper), (side.LowerTexture, Part.Lower), (side.MiddleTexture, Part.Middle) })
                {
                    if (name == Sidedef.NoTexture || (name.Length == 0 && !c.IsVanillaFormat))
                    {
                        continue;
                    }

                    if (!IsKnownTexture(c, name))
                    {
                        var (x, y) = c.Geometry.Midpoint(i);
                        var shown = name.Length == 0 ? "with a blank name (all zero bytes; use \"-\" for no texture)" : $"\"{name}\"";
                        c.Report(CheckNames.UnknownTexture, FindingSeverity.Major,
                            $"Line {i}, {which} side (sidedef {sideIndex}): the {part.ToString().ToLowerInvariant()} texture {shown} is not defined in the level's WAD or the IWAD; vanilla Doom quits while loading the level and other ports draw a placeholder.",
                            ElementKind.Side, sideIndex, x, y);
                    }
                    else
                    {
                        firstUse.TryAdd(name, (i, sideIndex));
                    }
                }
            }
        }

        foreach (var (name, (line, side)) in firstUse)
        {
            if (c.Resources.FindTexture(name) is not { } texture)
            {
                continue;
            }

            var missing = texture.Patches.Select(p => p.PatchName).Where(p => !c.Resources.HasPatch(p)).Distinct().ToList();
            if (missing.Count > 0)
            {
                var (x, y) = c.Geometry.Midpoint(line);
                c.Report(CheckNames.TextureMissingPatch, FindingSeverity.Major,
                    $"Texture \"{name}\" (first used on line {line}) is built from patch{(missing.Count > 1 ? "es" : string.Empty)} {string.Join(", ", missing.Select(m => $"\"{m}\""))} that no WAD provides; vanilla Doom quits at start-up and other ports draw it with holes.",
                    ElementKind.Side, side, x, y);
            }
        }
    }

    private static bool IsKnownTexture(CheckContext c, string name) =>
        c.Resources.HasTexture(name) ||
        (!c.IsVanillaFormat && (c.Resources.HasFlat(name) || c.Resources.HasStandaloneGraphic(name)));

    /// <summary>
    /// Lower walls that become visible once a tagged floor moves: a lift dropping below a neighbour shows its own
    /// lower walls; a floor rising above a neighbour shows the neighbour's lower walls.
    /// </summary>
    private static void AfterMoves(CheckContext c)
    {
        if (!c.Level.UsesDoomSpecials)
        {
            return;
        }

        var targets = new Dictionary<int, int>();
        for (var i = 0; i < c.Level.Linedefs.Length; i++)
        {
            var line = c.Level.Linedefs[i];
            if (line.Tag == 0 || !c.SectorsByTag.TryGetValue(line.Tag, out var sectors))
            {
                continue;
            }

            foreach (var s in sectors)
            {
                int? target = LowerToLowest.Contains(line.Special) ? LowestNeighbourFloor(c, s)
                    : RaiseToNextHigher.Contains(line.Special) ? NextHigherNeighbourFloor(c, s)
                    : RaiseToLowestCeiling.Contains(line.Special) ? LowestNeighbourCeiling(c, s)
                    : null;
                if (target is { } t)
                {
                    targets.TryAdd(s, t);
                }
            }
        }

        foreach (var (sector, target) in targets)
        {
            var current = c.Level.Sectors[sector].FloorHeight;
            foreach (var edge in c.Geometry.EdgesOfSector(sector))
            {
                var line = c.Level.Linedefs[edge.Line];
                if (line.BackSide < 0 || line.FrontSide < 0)
                {
                    continue;
                }

                var ownSide = edge.IsFront ? line.FrontSide : line.BackSide;
                var otherSide = edge.IsFront ? line.BackSide : line.FrontSide;
                // A neighbour with the same tag moves with this sector; their floors stay level.
                var neighbour = c.Level.Sidedefs[otherSide].Sector;
                if (neighbour == sector ||
                    (c.Level.Sectors[neighbour].Tag != 0 && c.Level.Sectors[neighbour].Tag == c.Level.Sectors[sector].Tag))
                {
                    continue;
                }

                var neighbourFloor = c.Level.Sectors[neighbour].FloorHeight;
                if (target < current && neighbourFloor > target && neighbourFloor <= current &&
                    Sidedef.IsNoTexture(c.Level.Sidedefs[ownSide].LowerTexture))
                {
                    ReportMissing(c, edge.Line, edge.IsFront,
                        $"sector {sector}'s floor is lowered to {target} by a tagged special, below the {neighbourFloor} beyond", Part.Lower, CheckNames.MissingTextureAfterMove);
                }

                if (target > current && target > neighbourFloor && current <= neighbourFloor &&
                    Sidedef.IsNoTexture(c.Level.Sidedefs[otherSide].LowerTexture))
                {
                    ReportMissing(c, edge.Line, !edge.IsFront,
                        $"sector {sector}'s floor is raised to {target} by a tagged special, above the {neighbourFloor} on this side", Part.Lower, CheckNames.MissingTextureAfterMove);
                }
            }
        }
    }

    private static List<int> Neighbours(CheckContext c, int sector)
    {
        var neighbours = new List<int>();
        foreach (var edge in c.Geometry.EdgesOfSector(sector))
        {
            var line = c.Level.Linedefs[edge.Line];
            var other = edge.IsFront ? line.BackSide : line.FrontSide;
            if (other >= 0)
            {
                neighbours.Add(c.Level.Sidedefs[other].Sector);
            }
        }

        return neighbours;
    }

    // As P_FindLowestFloorSurrounding, and never above the current floor (a lift does not go up first).
    private static int LowestNeighbourFloor(CheckContext c, int sector)
    {
        var floor = c.Level.Sectors[sector].FloorHeight;
        foreach (var n in Neighbours(c, sector))
        {
            floor = Math.Min(floor, c.Level.Sectors[n].FloorHeight);
        }

        return floor;
    }

    private static int? NextHigherNeighbourFloor(CheckContext c, int sector)
    {
        var current = c.Level.Sectors[sector].FloorHeight;
        int? next = null;
        foreach (var n in Neighbours(c, sector))
        {
            var h = c.Level.Sectors[n].FloorHeight;
            if (h > current && (next is null || h < next))
            {
                next = h;
            }
        }

        return next;
    }

    private static int? LowestNeighbourCeiling(CheckContext c, int sector)
    {
        int? lowest = null;
        foreach (var n in Neighbours(c, sector))
        {
            var h = c.Level.Sectors[n].CeilingHeight;
            if (lowest is null || h < lowest)
            {
                lowest = h;
            }
        }

        return lowest;
    }
}
