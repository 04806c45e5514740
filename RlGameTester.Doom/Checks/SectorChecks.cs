using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Checks;

/// <summary>Sector outlines, heights, flats and specials.</summary>
internal static class SectorChecks
{
    public static void Run(CheckContext c)
    {
        var vertexFlags = new Dictionary<int, int>();
        for (var s = 0; s < c.Level.Sectors.Length; s++)
        {
            Closure(c, s, vertexFlags);
            var sector = c.Level.Sectors[s];
            if (sector.CeilingHeight < sector.FloorHeight)
            {
                c.ReportSector(CheckNames.CeilingBelowFloor, FindingSeverity.Minor, s,
                    $"Sector {s} has its ceiling ({sector.CeilingHeight}) below its floor ({sector.FloorHeight}); it renders inside out and nothing fits in it.");
            }

            Flat(c, s, sector.FloorFlat, "floor");
            Flat(c, s, sector.CeilingFlat, "ceiling");
            Special(c, s, sector.Special);
        }
    }

    /// <summary>
    /// Walking a closed sector's outline, every vertex has a line arriving and a line leaving (taking each line
    /// in the direction that keeps the sector on its right). A vertex missing either is a hole.
    /// </summary>
    private static void Closure(CheckContext c, int sector, Dictionary<int, int> vertexFlags)
    {
        var edges = c.Geometry.EdgesOfSector(sector);
        if (edges.Length == 0)
        {
            c.ReportSector(CheckNames.UnusedSector, FindingSeverity.Info, sector,
                $"Sector {sector} is not referenced by any sidedef; it is a leftover of editing and can be removed.");
            return;
        }

        vertexFlags.Clear();
        var distinctLines = new HashSet<int>();
        foreach (var edge in edges)
        {
            var line = c.Level.Linedefs[edge.Line];
            var (leaving, arriving) = edge.IsFront ? (line.Start, line.End) : (line.End, line.Start);
            vertexFlags[leaving] = vertexFlags.GetValueOrDefault(leaving) | 1;
            vertexFlags[arriving] = vertexFlags.GetValueOrDefault(arriving) | 2;
            distinctLines.Add(edge.Line);
        }

        var open = vertexFlags.Where(kv => kv.Value != 3).Select(kv => kv.Key).OrderBy(v => v).ToList();
        if (open.Count > 0)
        {
            var first = c.Level.Vertices[open[0]];
            var list = string.Join(", ", open.Take(5).Select(v => $"{v} ({CheckContext.Number(c.Level.Vertices[v].X)}, {CheckContext.Number(c.Level.Vertices[v].Y)})"));
            c.Report(CheckNames.UnclosedSector, FindingSeverity.Major,
                $"Sector {sector} is not closed: its outline breaks at vertex {list}{(open.Count > 5 ? $" and {open.Count - 5} more" : string.Empty)}. Doom then floods the floor and ceiling into neighbouring areas (visual bleeding, wrong heights under things). Check the sidedefs' sector references there.",
                ElementKind.Sector, sector, first.X, first.Y);
            return;
        }

        if (distinctLines.Count < 3 || ZeroArea(c, edges))
        {
            c.ReportSector(CheckNames.DegenerateSector, FindingSeverity.Major, sector,
                $"Sector {sector} has no area (only {distinctLines.Count} distinct lines or all on one straight line); it cannot be rendered or entered. Delete it or fix its lines.");
        }
    }

    private static bool ZeroArea(CheckContext c, ReadOnlySpan<Geometry.SectorEdge> edges)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var edge in edges)
        {
            var (x1, y1, x2, y2) = c.Geometry.Segment(edge.Line);
            minX = Math.Min(minX, Math.Min(x1, x2));
            maxX = Math.Max(maxX, Math.Max(x1, x2));
            minY = Math.Min(minY, Math.Min(y1, y2));
            maxY = Math.Max(maxY, Math.Max(y1, y2));
        }

        return maxX <= minX || maxY <= minY;
    }

    private static void Flat(CheckContext c, int sector, string name, string which)
    {
        if (Sidedef.IsNoTexture(name))
        {
            c.ReportSector(CheckNames.MissingFlat, FindingSeverity.Major, sector,
                $"Sector {sector} has no {which} flat; Doom cannot draw the {which} (crash in vanilla, smeared pixels elsewhere). Give it a flat.");
            return;
        }

        var known = c.Resources.HasFlat(name) ||
                    (!c.IsVanillaFormat && (c.Resources.HasTexture(name) || c.Resources.HasStandaloneGraphic(name)));
        if (!known)
        {
            c.ReportSector(CheckNames.UnknownFlat, FindingSeverity.Major, sector,
                $"Sector {sector}'s {which} flat \"{name}\" is not in the level's WAD or the IWAD; vanilla Doom quits while loading the level and other ports draw a placeholder.");
        }
    }

    private static void Special(CheckContext c, int sector, int special)
    {
        if (special == 0)
        {
            return;
        }

        var info = c.Level.UsesDoomSpecials ? SectorSpecials.DescribeDoom(special) : SectorSpecials.DescribeZDoom(special);
        if (!info.IsKnown)
        {
            var consequence = c.IsVanillaFormat && special < 32
                ? "vanilla Doom quits with \"P_PlayerInSpecialSector: unknown special\" when a player steps in"
                : "the engine ignores it";
            c.ReportSector(CheckNames.UnknownSectorSpecial, FindingSeverity.Major, sector,
                $"Sector {sector} has special {special}, which no Doom-family engine defines for this format; {consequence}.");
        }
    }
}
