using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Metadata;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Checks;

/// <summary>Line specials: unknown ones, ones that cannot work where they are, teleports and exits, Boom features.</summary>
internal static class SpecialChecks
{
    // Hexen/ZDoom specials that set something up at load time rather than being triggered.
    private static readonly HashSet<int> StaticHexenSpecials =
        [1, 5, 9, 16, 48, 50, 57, 100, 101, 102, 103, 104, 118, 121, 156, 160, 181, 182, 190, 209, 210, 211, 218, 219, 220, 222, 223, 224, 225, 301];

    public static void Run(CheckContext c)
    {
        var boomLines = 0;
        var zdoomLines = 0;
        for (var i = 0; i < c.Level.Linedefs.Length; i++)
        {
            var line = c.Level.Linedefs[i];
            if (line.Special == 0)
            {
                continue;
            }

            var info = c.LineSpecial(i);
            if (info is null)
            {
                c.ReportLine(CheckNames.UnknownLineAction, FindingSeverity.Major, i,
                    $"Line {i} has special {line.Special}, which no Doom-family engine defines for this map format; the line does nothing.");
                continue;
            }

            if (c.Level.UsesDoomSpecials && info.Game is DoomGame.Boom or DoomGame.Mbf)
            {
                boomLines++;
            }

            if (c.Level.UsesDoomSpecials && info.Game == DoomGame.ZDoom)
            {
                zdoomLines++;
            }

            if (c.Level.UsesDoomSpecials && info.Trigger == LineTrigger.Door && line.BackSide < 0)
            {
                c.ReportLine(CheckNames.DoorOnOneSidedLine, info.IsGeneralized ? FindingSeverity.Major : FindingSeverity.Critical, i,
                    $"Line {i} has a manual door special ({info.TriggerCode} {info.Name}) but no back side: using it acts on a sector that does not exist (vanilla Doom quits with \"EV_VerticalDoor: DR special type on 1-sided linedef\").");
            }

            if (c.Level.Format == LevelFormat.Udmf && !c.Level.UsesDoomSpecials &&
                (line.Activation & ~LineActivation.Repeatable) == 0 && !StaticHexenSpecials.Contains(line.Special))
            {
                c.ReportLine(CheckNames.ActionWithoutActivation, FindingSeverity.Minor, i,
                    $"Line {i} has special {line.Special} ({info.Name}) but no activation flag (player cross, use, impact, ...): nothing can trigger it.");
            }
        }

        Teleports(c);
        Exits(c);
        SourcePort(c, boomLines, zdoomLines);
    }

    private static void Teleports(CheckContext c)
    {
        if (!c.Level.UsesDoomSpecials)
        {
            return;
        }

        var destinationSectors = new HashSet<int>();
        for (var t = 0; t < c.Level.Things.Length; t++)
        {
            var thing = c.Level.Things[t];
            if (thing.Type == 14 && c.ThingSectors[t] >= 0 && thing.Skills != Skills.None)
            {
                destinationSectors.Add(c.ThingSectors[t]);
            }
        }

        for (var i = 0; i < c.Level.Linedefs.Length; i++)
        {
            var line = c.Level.Linedefs[i];
            if (c.LineSpecial(i) is not { Effect: LineEffect.Teleport } info || line.Tag == 0 ||
                !c.SectorsByTag.TryGetValue(line.Tag, out var sectors))
            {
                continue;
            }

            if (!sectors.Exists(destinationSectors.Contains))
            {
                c.ReportLine(CheckNames.TeleportWithoutDestination, FindingSeverity.Major, i,
                    $"Line {i} teleports ({info.TriggerCode}) to the sectors tagged {line.Tag}, but none of them holds a teleport destination (thing type 14) that appears on any skill: the teleporter does nothing.");
            }
        }
    }

    private static void Exits(CheckContext c)
    {
        // ACS can end a level in ways no static reading can see.
        if (c.Level.HasScripts)
        {
            return;
        }

        if (ExitFinder.Find(c.Level, c.Geometry).Count == 0)
        {
            c.ReportLevel(CheckNames.LevelHasNoExit, FindingSeverity.Major,
                "The level has no exit: no exit line special, no end-level sector (special 11) and no boss whose death ends it. Players can never finish it.");
        }
    }

    private static void SourcePort(CheckContext c, int boomLines, int zdoomLines)
    {
        if (!c.IsVanillaFormat)
        {
            return;
        }

        var boomSectors = c.Level.Sectors.Count(s => s.Special >= 32 && SectorSpecials.DescribeDoom(s.Special).IsKnown);
        var boomThings = c.Level.Things.Count(t => ThingTypes.Find(t.Type)?.Game is DoomGame.Boom or DoomGame.Mbf || (t.Flags & 0x100) == 0 && (t.Flags & 0x60) != 0);
        if (boomLines + boomSectors + boomThings + zdoomLines == 0)
        {
            return;
        }

        var parts = new List<string>();
        if (boomLines > 0)
        {
            parts.Add($"{boomLines} line{(boomLines > 1 ? "s" : string.Empty)} with Boom/MBF specials");
        }

        if (boomSectors > 0)
        {
            parts.Add($"{boomSectors} sector{(boomSectors > 1 ? "s" : string.Empty)} with generalised specials");
        }

        if (boomThings > 0)
        {
            parts.Add($"{boomThings} thing{(boomThings > 1 ? "s" : string.Empty)} with Boom/MBF types or flags");
        }

        if (zdoomLines > 0)
        {
            parts.Add($"{zdoomLines} line{(zdoomLines > 1 ? "s" : string.Empty)} with ZDoom/Eternity-only specials");
        }

        var port = zdoomLines > 0 ? "ZDoom-family" : "Boom-compatible";
        c.ReportLevel(CheckNames.RequiresSourcePort, FindingSeverity.Info,
            $"The level uses source-port features ({string.Join(", ", parts)}); it needs a {port} port, and vanilla Doom ignores or misreads them.");
    }
}
