using System.Collections.Frozen;

namespace RlGameTester.Doom.Actors;

/// <summary>
/// The class names ZDoom-family ports give Doom's thing types, so that a mod's <c>replaces BaronOfHell</c> is known to
/// take editor number 3003. Names as the ports' own actor definitions spell them.
/// </summary>
internal static class DoomClassNames
{
    private static readonly FrozenDictionary<string, int> Numbers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        // Monsters.
        ["ZombieMan"] = 3004, ["ShotgunGuy"] = 9, ["ChaingunGuy"] = 65, ["DoomImp"] = 3001, ["Demon"] = 3002,
        ["Spectre"] = 58, ["LostSoul"] = 3006, ["Cacodemon"] = 3005, ["HellKnight"] = 69, ["BaronOfHell"] = 3003,
        ["Arachnotron"] = 68, ["PainElemental"] = 71, ["Revenant"] = 66, ["Fatso"] = 67, ["Archvile"] = 64,
        ["Cyberdemon"] = 16, ["SpiderMastermind"] = 7, ["WolfensteinSS"] = 84, ["CommanderKeen"] = 72,
        ["BossBrain"] = 88, ["BossEye"] = 89, ["BossTarget"] = 87,

        // Weapons, ammunition, health, armour, power-ups and keys.
        ["Shotgun"] = 2001, ["SuperShotgun"] = 82, ["Chaingun"] = 2002, ["RocketLauncher"] = 2003, ["PlasmaRifle"] = 2004,
        ["Chainsaw"] = 2005, ["BFG9000"] = 2006, ["Clip"] = 2007, ["ClipBox"] = 2048, ["Shell"] = 2008, ["ShellBox"] = 2049,
        ["RocketAmmo"] = 2010, ["RocketBox"] = 2046, ["Cell"] = 2047, ["CellPack"] = 17, ["Backpack"] = 8,
        ["Stimpack"] = 2011, ["Medikit"] = 2012, ["HealthBonus"] = 2014, ["ArmorBonus"] = 2015, ["GreenArmor"] = 2018,
        ["BlueArmor"] = 2019, ["Soulsphere"] = 2013, ["Megasphere"] = 83, ["InvulnerabilitySphere"] = 2022,
        ["Berserk"] = 2023, ["BlurSphere"] = 2024, ["RadSuit"] = 2025, ["Allmap"] = 2026, ["Infrared"] = 2045,
        ["BlueCard"] = 5, ["YellowCard"] = 6, ["RedCard"] = 13, ["RedSkull"] = 38, ["YellowSkull"] = 39, ["BlueSkull"] = 40,

        // Obstacles and decorations.
        ["ExplosiveBarrel"] = 2035, ["TechPillar"] = 48, ["TallGreenColumn"] = 30, ["TallRedColumn"] = 32,
        ["ShortGreenColumn"] = 31, ["ShortRedColumn"] = 33, ["HeartColumn"] = 36, ["SkullColumn"] = 37, ["EvilEye"] = 41,
        ["FloatingSkull"] = 42, ["TorchTree"] = 43, ["BlueTorch"] = 44, ["GreenTorch"] = 45, ["RedTorch"] = 46,
        ["ShortBlueTorch"] = 55, ["ShortGreenTorch"] = 56, ["ShortRedTorch"] = 57, ["Stalagtite"] = 47, ["BigTree"] = 54,
        ["Column"] = 2028, ["TechLamp"] = 85, ["TechLamp2"] = 86, ["Candlestick"] = 34, ["Candelabra"] = 35,
        ["BurningBarrel"] = 70, ["DeadStick"] = 25, ["LiveStick"] = 26, ["HeadOnAStick"] = 27, ["HeadsOnAStick"] = 28,
        ["HeadCandles"] = 29, ["Gibs"] = 24, ["GibbedMarine"] = 10, ["GibbedMarineExtra"] = 12, ["DeadMarine"] = 15,
        ["DeadZombieMan"] = 18, ["DeadShotgunGuy"] = 19, ["DeadDoomImp"] = 20, ["DeadDemon"] = 21,
        ["DeadCacodemon"] = 22, ["DeadLostSoul"] = 23, ["BloodyTwitch"] = 49, ["Meat2"] = 50, ["Meat3"] = 51,
        ["Meat4"] = 52, ["Meat5"] = 53, ["NonsolidMeat2"] = 59, ["NonsolidMeat4"] = 60, ["NonsolidMeat3"] = 61,
        ["NonsolidMeat5"] = 62, ["NonsolidTwitch"] = 63, ["HangNoGuts"] = 73, ["HangBNoBrain"] = 74,
        ["HangTLookingDown"] = 75, ["HangTSkull"] = 76, ["HangTLookingUp"] = 77, ["HangTNoBrain"] = 78,
        ["ColonGibs"] = 79, ["SmallBloodPool"] = 80, ["BrainStuff"] = 81, ["TeleportDest"] = 14,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The editor number of a Doom class, or null for a class Doom does not place by number.</summary>
    public static int? Find(string className) => Numbers.TryGetValue(className, out var number) ? number : null;
}
