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

            if (c.Level.UsesDoomSpecials && info.Trigger == LineTrigger.Door && line.BackSide < 0)
            {
                // Monsters never use it (a one-sided line blocks them before it counts as touched), so only a player's
                // press off the level's way quits vanilla: a crash a player can avoid, not a level that cannot be finished.
                c.ReportLine(CheckNames.DoorOnOneSidedLine, c.TargetsVanilla ? FindingSeverity.Major : FindingSeverity.Minor, i,
                    c.TargetsVanilla
                        ? $"Line {i} has a manual door special ({info.TriggerCode} {info.Name}) but no back side: the door it should open does not exist, and a player who uses it quits vanilla Doom (\"EV_VerticalDoor: DR special type on 1-sided linedef\")."
                        : $"Line {i} has a manual door special ({info.TriggerCode} {info.Name}) but no back side: the door it should open does not exist; Boom-compatible and ZDoom-family ports answer a press with a grunt, vanilla Doom would quit.");
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
        SourcePort(c);
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

    private static void SourcePort(CheckContext c)
    {
        if (c.PortFeatures.Any)
        {
            c.ReportLevel(CheckNames.RequiresSourcePort, FindingSeverity.Info,
                $"The level uses source-port features ({c.PortFeatures.Describe()}); it needs a {c.PortFeatures.Port} port, and vanilla Doom ignores or misreads them.");
        }
    }
}
