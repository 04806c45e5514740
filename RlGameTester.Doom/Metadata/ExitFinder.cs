using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Metadata;

/// <summary>Finds every exit of a level: exit lines, end-level sectors and boss deaths that end it.</summary>
internal static class ExitFinder
{
    public static List<ExitInfo> Find(Level level, LevelGeometry geometry)
    {
        var exits = new List<ExitInfo>();
        for (var i = 0; i < level.Linedefs.Length; i++)
        {
            // A line whose script ends the level is an exit line (ScriptedLines).
            var line = level.UsesDoomSpecials ? level.Linedefs[i] : ScriptedLines.Effective(level, level.Linedefs[i]);
            if (line.Special == 0)
            {
                continue;
            }

            var info = level.UsesDoomSpecials ? LinedefSpecials.FindDoom(line.Special) : LinedefSpecials.FindHexen(line.Special);
            if (info?.Effect is LineEffect.Exit or LineEffect.SecretExit)
            {
                var (x, y) = geometry.Midpoint(i);
                var kind = info.Effect == LineEffect.SecretExit ? ExitKind.Secret : ExitKind.Normal;
                var code = level.UsesDoomSpecials ? info.TriggerCode : ActivationCode(line.Activation);
                exits.Add(new ExitInfo(kind, ExitTrigger.Line, line.Special, code, i, null, null, x, y));
            }
        }

        for (var s = 0; s < level.Sectors.Length; s++)
        {
            var special = level.Sectors[s].Special;
            if (special == 0)
            {
                continue;
            }

            var info = level.UsesDoomSpecials ? SectorSpecials.DescribeDoom(special) : SectorSpecials.DescribeZDoom(special);
            if (info.EndsLevel && geometry.EdgesOfSector(s).Length > 0)
            {
                var (x, y) = PointInside(geometry, s);
                exits.Add(new ExitInfo(ExitKind.Normal, ExitTrigger.Sector, special, "--", null, s, null, x, y));
            }
        }

        foreach (var action in BossDeathActions.For(level))
        {
            if (action.Effect != BossEffect.ExitLevel)
            {
                continue;
            }

            for (var t = 0; t < level.Things.Length; t++)
            {
                var thing = level.Things[t];
                if (thing.Type == action.MonsterType && thing.InSinglePlayer)
                {
                    exits.Add(new ExitInfo(ExitKind.Normal, ExitTrigger.BossDeath, thing.Type, "--", null, null, t, thing.X, thing.Y));
                    break;
                }
            }
        }

        return exits;
    }

    /// <summary>A point inside a sector: its box centre when that is inside, else just inside one of its walls.</summary>
    internal static (double X, double Y) PointInside(LevelGeometry geometry, int sector)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var edge in geometry.EdgesOfSector(sector))
        {
            var (x1, y1, x2, y2) = geometry.Segment(edge.Line);
            minX = Math.Min(minX, Math.Min(x1, x2));
            maxX = Math.Max(maxX, Math.Max(x1, x2));
            minY = Math.Min(minY, Math.Min(y1, y2));
            maxY = Math.Max(maxY, Math.Max(y1, y2));
        }

        var (cx, cy) = ((minX + maxX) / 2, (minY + maxY) / 2);
        if (geometry.SectorAt(cx, cy) == sector)
        {
            return (cx, cy);
        }

        foreach (var edge in geometry.EdgesOfSector(sector))
        {
            var (x1, y1, x2, y2) = geometry.Segment(edge.Line);
            var length = geometry.Length(edge.Line);
            if (length < 1)
            {
                continue;
            }

            // Step a little off the wall's midpoint towards the side that faces this sector (front = right).
            var (nx, ny) = ((y2 - y1) / length, -(x2 - x1) / length);
            var sign = edge.IsFront ? 1 : -1;
            var px = ((x1 + x2) / 2) + (sign * nx * 2);
            var py = ((y1 + y2) / 2) + (sign * ny * 2);
            if (geometry.SectorAt(px, py) == sector)
            {
                return (px, py);
            }
        }

        return (cx, cy);
    }

    internal static string ActivationCode(LineActivation activation)
    {
        var repeat = (activation & LineActivation.Repeatable) != 0 ? "R" : "1";
        if ((activation & (LineActivation.PlayerUse | LineActivation.PlayerPush)) != 0)
        {
            return "S" + repeat;
        }

        if ((activation & LineActivation.PlayerCross) != 0)
        {
            return "W" + repeat;
        }

        return (activation & LineActivation.Impact) != 0 ? "G" + repeat : "--";
    }
}
