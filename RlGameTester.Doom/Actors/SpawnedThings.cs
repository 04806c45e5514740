using System.Collections.Frozen;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Actors;

/// <summary>
/// Things a script (ACS's Spawn, SpawnSpot, SpawnSpotFacing) or a special (Thing_Spawn, Thing_SpawnNoFog,
/// Thing_SpawnFacing) brings into the level, as play reads them. A plain monster changes nothing a body's way depends
/// on: monsters are not simulated, placed or spawned (Project Zolee MAP02's ambush spawns Arachnotrons before its
/// script opens the way on). So is a teleport's or an item's fog. Anything else may matter and is not read as harmless:
/// keys and items, solid things, a class the reading cannot name, a mod's class whose states act on the level or that
/// drops a key, a Doom monster a mod's DEHACKED changes, and a boss whose death this level's rules act on (its own
/// class or a mod's class descending from it).
/// </summary>
public static class SpawnedThings
{
    // ZDoom's spawn numbers (Thing_Spawn's type argument) of Doom's monsters, as GZDoom's doomcommon.txt SpawnNums gives them.
    private static readonly FrozenDictionary<int, string> MonsterSpawnNumbers = new Dictionary<int, string>
    {
        [1] = "ShotgunGuy", [2] = "ChaingunGuy", [3] = "BaronOfHell", [4] = "ZombieMan", [5] = "DoomImp", [6] = "Arachnotron",
        [7] = "SpiderMastermind", [8] = "Demon", [9] = "Spectre", [19] = "Cacodemon", [20] = "Revenant", [110] = "LostSoul",
        [111] = "Archvile", [112] = "Fatso", [113] = "HellKnight", [114] = "Cyberdemon", [115] = "PainElemental",
        [116] = "WolfensteinSS",
    }.ToFrozenDictionary();

    // Effects that neither block nor act: the flashes of a teleport and of an item respawning.
    private static readonly FrozenSet<string> Fog = new[] { "TeleportFog", "ItemFog" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether spawning the class by name changes nothing a body's way through the level depends on.</summary>
    public static bool IsHarmless(Level level, string className)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(className);
        var actors = level.Actors;
        if (actors.LevelRules.TryGetValue(level.Name, out var rules) && rules.Any(r => string.Equals(r.ClassName, className, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (actors.SpawnedClasses.TryGetValue(className, out var modClass))
        {
            return modClass.PlainMonster && (modClass.DoomType is not { } ancestor || !IsBoss(level, ancestor));
        }

        if (Fog.Contains(className))
        {
            return true;
        }

        return DoomClassNames.Find(className) is { } type && ThingTypes.Find(type) is { Category: ThingCategory.Monster } &&
            !IsBoss(level, type) && !actors.Reshaped.ContainsKey(type) && !actors.KeyDrops.ContainsKey(type);
    }

    /// <summary>Whether spawning the thing of a spawn number (Thing_Spawn's type) changes nothing a body's way depends on.</summary>
    public static bool IsHarmless(Level level, int spawnNumber) =>
        MonsterSpawnNumbers.TryGetValue(spawnNumber, out var className) && IsHarmless(level, className);

    /// <summary>
    /// Whether a Hexen-numbered special is Thing_Spawn, Thing_SpawnNoFog or Thing_SpawnFacing (type in the second argument)
    /// of a thing whose spawn changes nothing a body's way depends on.
    /// </summary>
    public static bool IsHarmlessSpawn(Level level, int special, int? type) =>
        special is 135 or 137 or 139 && type is { } spawnNumber && IsHarmless(level, spawnNumber);

    // A type whose deaths the level's boss rules act on (Doom's for its name, its mod's, its MAPINFO's; Keen's everywhere).
    private static bool IsBoss(Level level, int type) => BossDeathActions.For(level).Any(a => a.MonsterType == type);
}
