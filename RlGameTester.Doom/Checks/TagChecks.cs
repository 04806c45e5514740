using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Checks;

/// <summary>
/// Tags between action lines and sectors (Doom-numbered specials): lines whose tag finds nothing, tagged
/// sectors nothing acts on, and the boss tags 666/667 that only certain levels and monsters trigger.
/// </summary>
internal static class TagChecks
{
    public static void Run(CheckContext c)
    {
        if (!c.Level.UsesDoomSpecials)
        {
            return;
        }

        // Tags of every line with a special: designers often give a manual door line its sector's tag, which
        // links them in editors without any effect; such a tag is not a forgotten trigger.
        var usedTags = new HashSet<int>();
        for (var i = 0; i < c.Level.Linedefs.Length; i++)
        {
            var line = c.Level.Linedefs[i];
            if (line.Special != 0 && line.Tag != 0)
            {
                usedTags.Add(line.Tag);
            }

            if (c.LineSpecial(i) is not { UsesTag: true } info)
            {
                continue;
            }

            // Boom's translucency line applies to itself when untagged.
            if (line.Tag == 0 && line.Special != 260)
            {
                c.ReportLine(CheckNames.ActionLineWithoutTag, FindingSeverity.Major, i,
                    $"Line {i} ({info.TriggerCode} {info.Name}) needs a sector tag but has tag 0: vanilla Doom then acts on every untagged sector of the level, and Boom-compatible ports ignore the line.");
                continue;
            }

            if (info.TagsSectors)
            {
                if (!c.SectorsByTag.ContainsKey(line.Tag))
                {
                    c.ReportLine(CheckNames.ActionLineTagUnmatched, FindingSeverity.Major, i,
                        $"Line {i} ({info.TriggerCode} {info.Name}) acts on sectors tagged {line.Tag}, but no sector has that tag: the action does nothing.");
                }
            }
            else if (line.Tag != 0 && (!c.LinesById.TryGetValue(line.Tag, out var others) || others.TrueForAll(o => o == i)))
            {
                c.ReportLine(CheckNames.ActionLineTagUnmatched, FindingSeverity.Major, i,
                    $"Line {i} ({info.TriggerCode} {info.Name}) acts on other lines tagged {line.Tag}, but no other line has that tag: the action does nothing.");
            }
        }

        Sectors(c, usedTags);
    }

    private static void Sectors(CheckContext c, HashSet<int> usedTags)
    {
        var bossActions = BossDeathActions.For(c.Level);
        var present = c.Level.Things.Where(t => t.InSinglePlayer).Select(t => t.Type).ToHashSet();
        foreach (var (tag, sectors) in c.SectorsByTag.OrderBy(kv => kv.Key))
        {
            if (usedTags.Contains(tag))
            {
                continue;
            }

            var actions = bossActions.Where(a => a.Tag == tag).ToList();
            if (actions.Exists(a => present.Contains(a.MonsterType)))
            {
                continue;
            }

            foreach (var sector in sectors)
            {
                if (actions.Count > 0)
                {
                    var bosses = string.Join(" or ", actions.Select(a => ThingTypes.Find(a.MonsterType)?.Name ?? a.MonsterType.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    c.ReportSector(CheckNames.BossTagWithoutBoss, FindingSeverity.Major, sector,
                        $"Sector {sector} has tag {tag}, which {c.Level.Name} moves when every {bosses} is dead, but no {bosses} appears in single player: it never moves.");
                }
                else
                {
                    var why = tag is 666 or 667
                        ? $" (tag {tag} only reacts to boss deaths on E1M8, E4M6, E4M8 and MAP07, or to Commander Keen)"
                        : string.Empty;
                    c.ReportSector(CheckNames.TaggedSectorUnused, FindingSeverity.Minor, sector,
                        $"Sector {sector} has tag {tag} but no line with a special carries that tag{why}: whatever should move it never will.");
                }
            }
        }
    }
}
