using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Checks;

/// <summary>Locked lines whose key is missing on some skill level (in single player).</summary>
internal static class KeyChecks
{
    private static readonly (Skills Group, string Name)[] Groups =
    [
        (Skills.Easy, "easy (skills 1-2)"),
        (Skills.Medium, "medium (skill 3)"),
        (Skills.Hard, "hard (skills 4-5)"),
    ];

    public static void Run(CheckContext c)
    {
        var available = new DoomKeys[Groups.Length];
        foreach (var thing in c.Level.Things)
        {
            // A mod's key class at another number counts, and so does a key a mod's monster drops when killed.
            if (PlacedItems.Gives(c.Level, thing.Type, out _) is not { Key: not DoomKeys.None } info ||
                (thing.Modes & GameModes.SinglePlayer) == 0)
            {
                continue;
            }

            for (var g = 0; g < Groups.Length; g++)
            {
                if ((thing.Skills & Groups[g].Group) != 0)
                {
                    available[g] |= info.Key;
                }
            }
        }

        for (var i = 0; i < c.Level.Linedefs.Length; i++)
        {
            if (Requirement(c, i) is not { } needed)
            {
                continue;
            }

            var missing = new List<string>();
            for (var g = 0; g < Groups.Length; g++)
            {
                if (!needed.IsSatisfiedBy(available[g]))
                {
                    missing.Add(Groups[g].Name);
                }
            }

            if (missing.Count == 0)
            {
                continue;
            }

            var where = missing.Count == Groups.Length ? "on any skill" : "on " + string.Join(" and ", missing);
            var scripts = c.Level.HasScripts ? " (unless a script gives it)" : string.Empty;
            c.ReportLine(CheckNames.KeyMissingOnSkill, c.Level.HasScripts ? FindingSeverity.Minor : FindingSeverity.Major, i,
                $"Line {i} needs the {needed.Description}, but no {needed.Description} appears {where} in single player{scripts}: the way through is shut there.");
        }
    }

    private static KeyRequirement? Requirement(CheckContext c, int line)
    {
        if (c.LineSpecial(line) is not { } info)
        {
            return null;
        }

        if (c.Level.UsesDoomSpecials)
        {
            return info.Keys;
        }

        return LinedefSpecials.HexenLineLock(c.Level.Linedefs[line]);
    }
}
