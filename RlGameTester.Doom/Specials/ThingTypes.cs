using System.Collections.Frozen;

namespace RlGameTester.Doom.Specials;

/// <summary>
/// Doom's thing types with the properties checks and metadata need (radius, height, solidity, spawn health,
/// counting rules). Radii and heights follow the game's own info table as listed by Ultimate Doom Builder's
/// game configurations; the table itself is written here.
/// </summary>
public static class ThingTypes
{
    private static readonly FrozenDictionary<int, ThingTypeInfo> Table = Build().ToFrozenDictionary(t => t.Type);

    /// <summary>The type's description, or null for a number the game does not define.</summary>
    public static ThingTypeInfo? Find(int type) => Table.TryGetValue(type, out var info) ? info : null;

    private static List<ThingTypeInfo> Build()
    {
        var t = new List<ThingTypeInfo>();

        void Player(int type, string name) =>
            t.Add(new(type, name, ThingCategory.PlayerStart, 16, 56, true, false, 100, false, false, DoomKeys.None, DoomGame.Doom));

        void Monster(int type, string name, int radius, int height, int health, DoomGame game = DoomGame.Doom, bool counts = true, bool hangs = false, bool floats = false) =>
            t.Add(new(type, name, ThingCategory.Monster, radius, height, true, hangs, health, counts, false, DoomKeys.None, game, floats));

        void Pickup(int type, string name, ThingCategory category, bool countsAsItem = false, DoomGame game = DoomGame.Doom, DoomKeys key = DoomKeys.None) =>
            t.Add(new(type, name, category, 20, 16, false, false, 0, false, countsAsItem, key, game));

        void Scenery(int type, string name, ThingCategory category, bool blocking, int radius = 16, int height = 16, bool hangs = false, DoomGame game = DoomGame.Doom) =>
            t.Add(new(type, name, category, radius, height, blocking, hangs, 0, false, false, DoomKeys.None, game));

        Player(1, "Player 1 start");
        Player(2, "Player 2 start");
        Player(3, "Player 3 start");
        Player(4, "Player 4 start");
        t.Add(new(11, "Deathmatch start", ThingCategory.DeathmatchStart, 16, 56, true, false, 100, false, false, DoomKeys.None, DoomGame.Doom));
        t.Add(new(14, "Teleport destination", ThingCategory.TeleportDestination, 20, 16, false, false, 0, false, false, DoomKeys.None, DoomGame.Doom));

        Monster(3004, "Former Human", 20, 56, 20);
        Monster(9, "Former Sergeant", 20, 56, 30);
        Monster(65, "Chaingunner", 20, 56, 70, DoomGame.Doom2);
        Monster(3001, "Imp", 20, 56, 60);
        Monster(3002, "Demon", 30, 56, 150);
        Monster(58, "Spectre", 30, 56, 150);

        // Lost souls are not counted as kills in Doom v1.9.
        Monster(3006, "Lost Soul", 16, 56, 100, counts: false, floats: true);
        Monster(3005, "Cacodemon", 31, 56, 400, floats: true);
        Monster(69, "Hell Knight", 24, 64, 500, DoomGame.Doom2);
        Monster(3003, "Baron of Hell", 24, 64, 1000);
        Monster(68, "Arachnotron", 64, 64, 500, DoomGame.Doom2);
        Monster(71, "Pain Elemental", 31, 56, 400, DoomGame.Doom2, floats: true);
        Monster(66, "Revenant", 20, 56, 300, DoomGame.Doom2);
        Monster(67, "Mancubus", 48, 64, 600, DoomGame.Doom2);
        Monster(64, "Arch-vile", 20, 56, 700, DoomGame.Doom2);
        Monster(7, "Spider Mastermind", 128, 100, 3000);
        Monster(16, "Cyberdemon", 40, 110, 4000);
        Monster(84, "Wolfenstein SS", 20, 56, 50, DoomGame.Doom2);
        Monster(72, "Commander Keen", 16, 72, 100, DoomGame.Doom2, hangs: true);
        Monster(88, "Icon of Sin (boss brain)", 16, 16, 250, DoomGame.Doom2, counts: false);
        Monster(888, "Helper dog", 12, 28, 500, DoomGame.Mbf, counts: false);
        for (var marine = 9100; marine <= 9111; marine++)
        {
            Monster(marine, "Scripted marine", 16, 56, 100, DoomGame.ZDoom);
        }

        Scenery(89, "Monster spawner", ThingCategory.Helper, false, 20, 32, game: DoomGame.Doom2);
        Scenery(87, "Monster spawn spot", ThingCategory.Helper, false, 20, 32, game: DoomGame.Doom2);

        Pickup(2005, "Chainsaw", ThingCategory.Weapon);
        Pickup(2001, "Shotgun", ThingCategory.Weapon);
        Pickup(82, "Super shotgun", ThingCategory.Weapon, game: DoomGame.Doom2);
        Pickup(2002, "Chaingun", ThingCategory.Weapon);
        Pickup(2003, "Rocket launcher", ThingCategory.Weapon);
        Pickup(2004, "Plasma rifle", ThingCategory.Weapon);
        Pickup(2006, "BFG9000", ThingCategory.Weapon);

        Pickup(2007, "Clip", ThingCategory.Ammo);
        Pickup(2048, "Box of bullets", ThingCategory.Ammo);
        Pickup(2008, "Shotgun shells", ThingCategory.Ammo);
        Pickup(2049, "Box of shells", ThingCategory.Ammo);
        Pickup(2010, "Rocket", ThingCategory.Ammo);
        Pickup(2046, "Box of rockets", ThingCategory.Ammo);
        Pickup(2047, "Energy cell", ThingCategory.Ammo);
        Pickup(17, "Energy cell pack", ThingCategory.Ammo);
        Pickup(8, "Backpack", ThingCategory.Ammo);

        Pickup(2011, "Stimpack", ThingCategory.Health);
        Pickup(2012, "Medikit", ThingCategory.Health);
        Pickup(2014, "Health bonus", ThingCategory.Health, countsAsItem: true);
        Pickup(2015, "Armor bonus", ThingCategory.Armor, countsAsItem: true);
        Pickup(2018, "Green armor", ThingCategory.Armor);
        Pickup(2019, "Blue armor", ThingCategory.Armor);

        Pickup(2013, "Soulsphere", ThingCategory.Powerup, countsAsItem: true);
        Pickup(83, "Megasphere", ThingCategory.Powerup, countsAsItem: true, game: DoomGame.Doom2);
        Pickup(2022, "Invulnerability", ThingCategory.Powerup, countsAsItem: true);
        Pickup(2023, "Berserk", ThingCategory.Powerup, countsAsItem: true);
        Pickup(2024, "Partial invisibility", ThingCategory.Powerup, countsAsItem: true);
        Pickup(2025, "Radiation suit", ThingCategory.Powerup, countsAsItem: true);
        Pickup(2026, "Computer map", ThingCategory.Powerup, countsAsItem: true);
        Pickup(2045, "Light amplification visor", ThingCategory.Powerup, countsAsItem: true);

        Pickup(5, "Blue keycard", ThingCategory.Key, key: DoomKeys.BlueCard);
        Pickup(6, "Yellow keycard", ThingCategory.Key, key: DoomKeys.YellowCard);
        Pickup(13, "Red keycard", ThingCategory.Key, key: DoomKeys.RedCard);
        Pickup(40, "Blue skull key", ThingCategory.Key, key: DoomKeys.BlueSkull);
        Pickup(39, "Yellow skull key", ThingCategory.Key, key: DoomKeys.YellowSkull);
        Pickup(38, "Red skull key", ThingCategory.Key, key: DoomKeys.RedSkull);

        Scenery(2035, "Explosive barrel", ThingCategory.Obstacle, true, 10, 42);
        Scenery(70, "Burning barrel", ThingCategory.Obstacle, true, 16, 32, game: DoomGame.Doom2);
        Scenery(48, "Tall techno column", ThingCategory.Obstacle, true);
        Scenery(30, "Tall green pillar", ThingCategory.Obstacle, true);
        Scenery(32, "Tall red pillar", ThingCategory.Obstacle, true);
        Scenery(31, "Short green pillar", ThingCategory.Obstacle, true);
        Scenery(36, "Short green pillar with heart", ThingCategory.Obstacle, true);
        Scenery(33, "Short red pillar", ThingCategory.Obstacle, true);
        Scenery(37, "Short red pillar with skull", ThingCategory.Obstacle, true);
        Scenery(47, "Stalagmite", ThingCategory.Obstacle, true);
        Scenery(43, "Burnt tree", ThingCategory.Obstacle, true);
        Scenery(54, "Large brown tree", ThingCategory.Obstacle, true, 32);
        Scenery(41, "Evil eye", ThingCategory.Obstacle, true);
        Scenery(42, "Floating skull rock", ThingCategory.Obstacle, true);

        Scenery(2028, "Floor lamp", ThingCategory.Light, true);
        Scenery(85, "Tall techno floor lamp", ThingCategory.Light, true, game: DoomGame.Doom2);
        Scenery(86, "Short techno floor lamp", ThingCategory.Light, true, game: DoomGame.Doom2);
        Scenery(34, "Candle", ThingCategory.Light, false, 20);
        Scenery(35, "Candelabra", ThingCategory.Light, true);
        Scenery(44, "Tall blue firestick", ThingCategory.Light, true);
        Scenery(45, "Tall green firestick", ThingCategory.Light, true);
        Scenery(46, "Tall red firestick", ThingCategory.Light, true);
        Scenery(55, "Short blue firestick", ThingCategory.Light, true);
        Scenery(56, "Short green firestick", ThingCategory.Light, true);
        Scenery(57, "Short red firestick", ThingCategory.Light, true);

        Scenery(49, "Hanging victim, twitching (solid)", ThingCategory.Decoration, true, 16, 68, true);
        Scenery(50, "Hanging victim, arms out (solid)", ThingCategory.Decoration, true, 16, 84, true);
        Scenery(51, "Hanging victim, one-legged (solid)", ThingCategory.Decoration, true, 16, 84, true);
        Scenery(52, "Hanging pair of legs (solid)", ThingCategory.Decoration, true, 16, 68, true);
        Scenery(53, "Hanging leg (solid)", ThingCategory.Decoration, true, 16, 52, true);
        Scenery(59, "Hanging victim, arms out", ThingCategory.Decoration, false, 20, 84, true);
        Scenery(60, "Hanging pair of legs", ThingCategory.Decoration, false, 20, 68, true);
        Scenery(61, "Hanging victim, one-legged", ThingCategory.Decoration, false, 20, 52, true);
        Scenery(62, "Hanging leg", ThingCategory.Decoration, false, 20, 52, true);
        Scenery(63, "Hanging victim, twitching", ThingCategory.Decoration, false, 20, 68, true);
        Scenery(73, "Hanging victim, guts removed", ThingCategory.Decoration, true, 16, 88, true, DoomGame.Doom2);
        Scenery(74, "Hanging victim, guts and brain removed", ThingCategory.Decoration, true, 16, 88, true, DoomGame.Doom2);
        Scenery(75, "Hanging torso, looking down", ThingCategory.Decoration, true, 16, 64, true, DoomGame.Doom2);
        Scenery(76, "Hanging torso, open skull", ThingCategory.Decoration, true, 16, 64, true, DoomGame.Doom2);
        Scenery(77, "Hanging torso, looking up", ThingCategory.Decoration, true, 16, 64, true, DoomGame.Doom2);
        Scenery(78, "Hanging torso, brain removed", ThingCategory.Decoration, true, 16, 64, true, DoomGame.Doom2);
        Scenery(25, "Impaled human", ThingCategory.Decoration, true);
        Scenery(26, "Twitching impaled human", ThingCategory.Decoration, true);
        Scenery(27, "Skull on a pole", ThingCategory.Decoration, true);
        Scenery(28, "Five skulls shish kebab", ThingCategory.Decoration, true);
        Scenery(29, "Pile of skulls and candles", ThingCategory.Decoration, true);
        Scenery(10, "Bloody mess", ThingCategory.Decoration, false, 20);
        Scenery(12, "Bloody mess 2", ThingCategory.Decoration, false, 20);
        Scenery(24, "Pool of blood and bones", ThingCategory.Decoration, false, 20);
        Scenery(15, "Dead player", ThingCategory.Decoration, false, 20);
        Scenery(18, "Dead former human", ThingCategory.Decoration, false, 20);
        Scenery(19, "Dead former sergeant", ThingCategory.Decoration, false, 20);
        Scenery(20, "Dead imp", ThingCategory.Decoration, false, 20);
        Scenery(21, "Dead demon", ThingCategory.Decoration, false, 20);
        Scenery(22, "Dead cacodemon", ThingCategory.Decoration, false, 20);
        Scenery(23, "Dead lost soul", ThingCategory.Decoration, false, 20);
        Scenery(79, "Pool of blood and guts", ThingCategory.Decoration, false, 20, game: DoomGame.Doom2);
        Scenery(80, "Pool of blood", ThingCategory.Decoration, false, 20, game: DoomGame.Doom2);
        Scenery(81, "Pool of brains", ThingCategory.Decoration, false, 20, game: DoomGame.Doom2);

        Scenery(5001, "Point pusher", ThingCategory.Helper, false, 8, 8, game: DoomGame.Boom);
        Scenery(5002, "Point puller", ThingCategory.Helper, false, 8, 8, game: DoomGame.Boom);

        // ZDoom helpers seen in Hexen-format and UDMF maps (ViZDoom's scenarios use map spots).
        void ZHelper(int from, int to, string name)
        {
            for (var n = from; n <= to; n++)
            {
                Scenery(n, name, ThingCategory.Helper, false, 8, 8, game: DoomGame.ZDoom);
            }
        }

        ZHelper(9001, 9001, "Map spot");
        ZHelper(9013, 9013, "Map spot (with gravity)");
        ZHelper(9024, 9026, "Patrol point / security camera / spark");
        ZHelper(9027, 9033, "Particle fountain");
        ZHelper(9037, 9041, "Map marker / setter helper");
        ZHelper(9043, 9048, "Teleport destination variant / sector helper");
        ZHelper(9070, 9083, "Camera, interpolation or sky helper");
        ZHelper(9200, 9200, "Decal");
        ZHelper(9300, 9303, "Polyobject anchor or spawn spot");
        ZHelper(9500, 9511, "Slope helper");
        ZHelper(9800, 9830, "Dynamic light");
        ZHelper(9982, 9999, "Engine helper");
        ZHelper(14001, 14067, "Ambient sound");
        ZHelper(14101, 14165, "Music changer");
        return t;
    }
}
