namespace RlGameTester.Doom.Metadata;

/// <summary>What a single-player game on one skill group finds in a level (multiplayer-only things excluded).</summary>
/// <param name="Monsters">Monsters spawned.</param>
/// <param name="MonsterHitPoints">Sum of their spawn health: a rough measure of the fight.</param>
/// <param name="CountedKills">Monsters counted by the intermission's kill percentage.</param>
/// <param name="Items">Pickups of every kind (weapons, ammo, health, armour, powerups, keys).</param>
/// <param name="CountedItems">Pickups counted by the intermission's item percentage.</param>
public sealed record SkillStatistics(
    int Monsters,
    int MonsterHitPoints,
    int CountedKills,
    int Items,
    int CountedItems,
    int Weapons,
    int Ammo,
    int Health,
    int Armor,
    int Powerups,
    int Keys);
