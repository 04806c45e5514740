using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Checks;

/// <summary>Thing types, skill flags and things placed outside every sector.</summary>
internal static class ThingChecks
{
    public static void Run(CheckContext c)
    {
        var episodic = IsEpisodeMap(c.Level.Name);
        for (var i = 0; i < c.Level.Things.Length; i++)
        {
            var thing = c.Level.Things[i];
            var info = ThingTypes.Find(thing.Type);
            Type(c, i, thing, info, episodic);
            Skill(c, i, thing, info);
            Outside(c, i, info);
        }
    }

    private static void Type(CheckContext c, int index, Thing thing, ThingTypeInfo? info, bool episodic)
    {
        if (c.Resources.CustomThingTypes.Contains(thing.Type))
        {
            return;
        }

        if (info is null || (c.IsVanillaFormat && info.Game == DoomGame.ZDoom))
        {
            // Doom skips things of no skill (and multiplayer-only ones in single player) before it looks their type up.
            if (thing.Skills == Skills.None)
            {
                c.ReportThing(CheckNames.UnknownThingType, FindingSeverity.Minor, index,
                    $"Thing {index} has type {thing.Type}, which Doom does not define; it is set to appear on no skill, so no engine ever spawns it (an editor leftover, such as a Doom Builder camera). Delete it.");
            }
            else
            {
                c.ReportThing(CheckNames.UnknownThingType, c.IsVanillaFormat ? FindingSeverity.Major : FindingSeverity.Minor, index,
                    c.IsVanillaFormat
                        ? $"Thing {index} has type {thing.Type}, which Doom does not define; vanilla Doom quits with \"P_SpawnMapThing: Unknown type\" and other ports leave it out."
                        : $"Thing {index} has type {thing.Type}, which neither Doom nor the DECORATE lumps in these WADs define; the port leaves it out unless another resource defines it.");
            }
        }
        else if (episodic && c.IsVanillaFormat && info.Game == DoomGame.Doom2)
        {
            c.ReportThing(CheckNames.UnknownThingType, FindingSeverity.Major, index,
                $"{info.Name} (thing {index}) only exists in Doom II, but {c.Level.Name} is an episode level played with Doom's IWAD, where it is missing (vanilla quits loading the level).");
        }
    }

    private static void Skill(CheckContext c, int index, Thing thing, ThingTypeInfo? info)
    {
        // Player and deathmatch starts are placed whatever their flags say; unknown types are reported as such.
        if (info is null || info.Category is ThingCategory.PlayerStart or ThingCategory.DeathmatchStart)
        {
            return;
        }

        if (thing.Skills == Skills.None || thing.Modes == GameModes.None)
        {
            var what = thing.Skills == Skills.None ? "no skill level" : "no game mode";
            c.ReportThing(CheckNames.ThingOnNoSkill, FindingSeverity.Minor, index,
                $"{c.DescribeThing(index)} is set to appear on {what}, so it never appears. Set its skill (and mode) flags or delete it.");
        }
    }

    private static void Outside(CheckContext c, int index, ThingTypeInfo? info)
    {
        if (c.ThingSectors[index] >= 0 || info is null)
        {
            return;
        }

        var thing = c.Level.Things[index];
        var (severity, consequence) = info.Category switch
        {
            ThingCategory.PlayerStart when thing.Type == 1 && IsLastPlayer1Start(c, index) => (FindingSeverity.Critical, "player 1 starts in the void and cannot move or play"),
            // Doom spawns player 1 at the last start; the earlier ones become voodoo dolls (Boom maps park dozens).
            ThingCategory.PlayerStart when thing.Type == 1 => (FindingSeverity.Info, "an extra player 1 start is a voodoo doll; there nothing moves or crushes it"),
            ThingCategory.PlayerStart or ThingCategory.DeathmatchStart => (FindingSeverity.Major, "a player spawning there is stuck in the void"),
            ThingCategory.TeleportDestination => (FindingSeverity.Major, "teleporting there puts the player in the void"),
            ThingCategory.Monster => (FindingSeverity.Major, "the monster can never be reached, which blocks 100% kills"),
            ThingCategory.Key => (FindingSeverity.Major, "the key can never be picked up"),
            _ when info.IsPickup => (FindingSeverity.Major, "the item can never be picked up"),
            ThingCategory.Helper => (FindingSeverity.Info, "helpers are sometimes placed there on purpose"),
            _ => (FindingSeverity.Minor, "it is never seen"),
        };
        c.ReportThing(CheckNames.ThingOutsideMap, severity, index,
            $"{c.DescribeThing(index)} at ({CheckContext.Number(thing.X)}, {CheckContext.Number(thing.Y)}) is outside every sector: {consequence}.");
    }

    private static bool IsLastPlayer1Start(CheckContext c, int index)
    {
        for (var t = index + 1; t < c.Level.Things.Length; t++)
        {
            if (c.Level.Things[t].Type == 1)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsEpisodeMap(string name) =>
        name.Length == 4 && (name[0] is 'E' or 'e') && char.IsAsciiDigit(name[1]) && (name[2] is 'M' or 'm') && char.IsAsciiDigit(name[3]);
}
