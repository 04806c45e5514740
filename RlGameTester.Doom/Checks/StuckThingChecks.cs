using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Checks;

/// <summary>
/// Monsters and players that start stuck: inside a wall they cannot pass, or overlapping another solid thing.
/// Doom only refuses a move whose new position collides, so an overlap smaller than one step can be walked
/// out of; as in Eureka, monsters are given their smallest step (8 units) of slack.
/// </summary>
internal static class StuckThingChecks
{
    private const int MonsterStep = 8;
    private const int MaxStepUp = 24;

    public static void Run(CheckContext c)
    {
        InWalls(c);
        InOtherThings(c);
    }

    private static void InWalls(CheckContext c)
    {
        var nearby = new List<int>();
        for (var i = 0; i < c.Level.Things.Length; i++)
        {
            var thing = c.Level.Things[i];
            if (ThingTypes.Find(thing.Type) is not { IsActor: true, Blocking: true } info || c.ThingSectors[i] < 0 || !Appears(thing, info))
            {
                continue;
            }

            var monster = info.Category == ThingCategory.Monster;
            double radius = monster ? Math.Max(4, info.Radius - MonsterStep) : info.Radius - 1;
            double x0 = thing.X - radius, y0 = thing.Y - radius, x1 = thing.X + radius, y1 = thing.Y + radius;
            c.Geometry.Grid.LinesInBox(x0, y0, x1, y1, nearby);
            foreach (var line in nearby)
            {
                if (BlockingReason(c, line, c.ThingSectors[i], monster, info.Floats, info.Height) is not { } reason)
                {
                    continue;
                }

                var (ax, ay, bx, by) = c.Geometry.Segment(line);
                if (SegmentCrossesOpenBox(ax, ay, bx, by, x0, y0, x1, y1))
                {
                    c.ReportThing(CheckNames.ThingStuckInWall, FindingSeverity.Major, i,
                        $"{c.DescribeThing(i)} overlaps line {line} ({reason}) by more than it can step away from: it starts stuck. Move it clear of the wall.");
                    break;
                }
            }
        }
    }

    private static string? BlockingReason(CheckContext c, int lineIndex, int thingSector, bool monster, bool floats, int height)
    {
        var line = c.Level.Linedefs[lineIndex];
        if (line.FrontSide < 0 || line.BackSide < 0)
        {
            return "a one-sided wall";
        }

        if ((line.Flags & (LinedefFlags.Impassable | LinedefFlags.BlocksEverything)) != 0)
        {
            return "an impassable line";
        }

        if (monster && line.HasFlag(LinedefFlags.BlocksMonsters))
        {
            return "a line that blocks monsters";
        }

        var front = c.Level.Sectors[c.Level.Sidedefs[line.FrontSide].Sector];
        var back = c.Level.Sectors[c.Level.Sidedefs[line.BackSide].Sector];
        var opening = Math.Min(front.CeilingHeight, back.CeilingHeight) - Math.Max(front.FloorHeight, back.FloorHeight);
        if (opening < height)
        {
            return opening <= 0 ? "a closed opening" : $"an opening of {opening} units, lower than the thing's {height}";
        }

        // Flying monsters rise over steps instead of being stopped by them.
        if (floats)
        {
            return null;
        }

        var own = c.Level.Sectors[thingSector];
        var other = c.Level.Sidedefs[line.FrontSide].Sector == thingSector ? back : front;
        return other.FloorHeight - own.FloorHeight > MaxStepUp
            ? $"a step up of {other.FloorHeight - own.FloorHeight} units"
            : null;
    }

    private static void InOtherThings(CheckContext c)
    {
        const int cellSize = 256;
        var things = c.Level.Things;
        var cells = new Dictionary<(int, int), List<int>>();
        var infos = new ThingTypeInfo?[things.Length];
        var maxRadius = 0;
        for (var i = 0; i < things.Length; i++)
        {
            // Deathmatch spawns go through G_CheckSpot, which skips an occupied start instead of sticking the player.
            var info = ThingTypes.Find(things[i].Type);
            if (info is not { Blocking: true } || info.Category == ThingCategory.DeathmatchStart || !Appears(things[i], info))
            {
                continue;
            }

            infos[i] = info;
            maxRadius = Math.Max(maxRadius, info.Radius);
            var key = ((int)Math.Floor(things[i].X / cellSize), (int)Math.Floor(things[i].Y / cellSize));
            if (!cells.TryGetValue(key, out var list))
            {
                list = [];
                cells.Add(key, list);
            }

            list.Add(i);
        }

        for (var i = 0; i < things.Length; i++)
        {
            if (infos[i] is not { } a)
            {
                continue;
            }

            var reach = a.Radius + maxRadius;
            int cx0 = (int)Math.Floor((things[i].X - reach) / cellSize), cx1 = (int)Math.Floor((things[i].X + reach) / cellSize);
            int cy0 = (int)Math.Floor((things[i].Y - reach) / cellSize), cy1 = (int)Math.Floor((things[i].Y + reach) / cellSize);
            for (var cx = cx0; cx <= cx1; cx++)
            {
                for (var cy = cy0; cy <= cy1; cy++)
                {
                    if (!cells.TryGetValue((cx, cy), out var list))
                    {
                        continue;
                    }

                    foreach (var j in list)
                    {
                        if (j > i && infos[j] is { } b && Collide(things[i], a, things[j], b))
                        {
                            ReportPair(c, i, a, j, b);
                        }
                    }
                }
            }
        }
    }

    private static bool Collide(Thing t1, ThingTypeInfo a, Thing t2, ThingTypeInfo b)
    {
        // Two pieces of scenery overlapping look odd but block nobody.
        if (!a.IsActor && !b.IsActor)
        {
            return false;
        }

        if ((Skills(t1, a) & Skills(t2, b)) == 0 || (Modes(t1, a) & Modes(t2, b)) == 0)
        {
            return false;
        }

        double r1 = a.Radius, r2 = b.Radius;
        var player1 = a.Category is ThingCategory.PlayerStart or ThingCategory.DeathmatchStart;
        var player2 = b.Category is ThingCategory.PlayerStart or ThingCategory.DeathmatchStart;
        if (a.Category == ThingCategory.Monster && !player2)
        {
            r1 = Math.Max(4, r1 - MonsterStep);
        }
        else if (b.Category == ThingCategory.Monster && !player1)
        {
            r2 = Math.Max(4, r2 - MonsterStep);
        }

        var reach = r1 + r2;
        return Math.Abs(t1.X - t2.X) < reach && Math.Abs(t1.Y - t2.Y) < reach;
    }

    private static void ReportPair(CheckContext c, int i, ThingTypeInfo a, int j, ThingTypeInfo b)
    {
        // Point at the thing that should move: the actor (a monster before a player start).
        var (actor, other) = a.IsActor ? (i, j) : (j, i);
        var bothStarts = a.Category == ThingCategory.PlayerStart && b.Category == ThingCategory.PlayerStart;
        c.ReportThing(CheckNames.ThingsOverlapping, bothStarts ? FindingSeverity.Minor : FindingSeverity.Major, actor,
            bothStarts
                ? $"{c.DescribeThing(actor)} overlaps {c.DescribeThing(other)}: players spawning there in the same game are stuck in each other."
                : $"{c.DescribeThing(actor)} overlaps {c.DescribeThing(other)} on the same skill: neither can move until one is destroyed. Move them apart.");
    }

    private static bool Appears(Thing thing, ThingTypeInfo info) => Skills(thing, info) != Levels.Skills.None && Modes(thing, info) != GameModes.None;

    private static Skills Skills(Thing thing, ThingTypeInfo info) =>
        info.Category is ThingCategory.PlayerStart or ThingCategory.DeathmatchStart ? Levels.Skills.All : thing.Skills;

    // Starts exist only in the modes that use them; everything else as its flags say.
    private static GameModes Modes(Thing thing, ThingTypeInfo info) => thing.Type switch
    {
        1 => GameModes.SinglePlayer | GameModes.Cooperative,
        2 or 3 or 4 => GameModes.Cooperative,
        11 => GameModes.Deathmatch,
        _ => thing.Modes,
    };

    /// <summary>True when the segment passes through the inside of the box (touching its border does not count).</summary>
    private static bool SegmentCrossesOpenBox(double ax, double ay, double bx, double by, double x0, double y0, double x1, double y1)
    {
        if (Math.Max(ax, bx) <= x0 || Math.Min(ax, bx) >= x1 || Math.Max(ay, by) <= y0 || Math.Min(ay, by) >= y1)
        {
            return false;
        }

        var positive = false;
        var negative = false;
        foreach (var (px, py) in new[] { (x0, y0), (x1, y0), (x0, y1), (x1, y1) })
        {
            var side = ((bx - ax) * (py - ay)) - ((by - ay) * (px - ax));
            positive |= side > 0;
            negative |= side < 0;
        }

        return positive && negative;
    }
}
