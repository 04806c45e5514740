using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Validation;

/// <summary>P_SpawnMapThing's filter: which things exist in a single-player game on a skill.</summary>
internal static class ThingPresence
{
    public static bool Exists(in Thing thing, int skill)
    {
        var bit = (Skills)(1 << (Math.Clamp(skill, 1, 5) - 1));
        return (thing.Skills & bit) != 0 && (thing.Modes & GameModes.SinglePlayer) != 0;
    }

    /// <summary>Whether a thing of the type exists on the skill (a boss whose death the explorer assumes).</summary>
    public static bool AnyOfType(Level level, int type, int skill)
    {
        foreach (var thing in level.Things)
        {
            if (thing.Type == type && Exists(thing, skill))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The player's own start: Doom spawns player 1 at the last type-1 thing (earlier ones become voodoo dolls).</summary>
    public static int PlayerStart(Level level)
    {
        var start = -1;
        for (var t = 0; t < level.Things.Length; t++)
        {
            if (level.Things[t].Type == 1)
            {
                start = t;
            }
        }

        return start;
    }
}
