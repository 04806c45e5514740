using System.Collections.Frozen;

namespace RlGameTester.Doom.Rendering;

/// <summary>
/// The spawn-state sprite of each Doom and Doom II thing type a level places, from the game's info table (the frame a
/// thing shows before it first acts: monsters stand in frame A, dead bodies in their last death frame). Player starts,
/// deathmatch starts, teleport destinations and the boss brain's spawner and targets have no sprite in play.
/// </summary>
internal static class ThingSprites
{
    private static readonly FrozenDictionary<int, ThingSprite> Table = Build();

    public static ThingSprite? Find(int type) => Table.TryGetValue(type, out var sprite) ? sprite : null;

    private static FrozenDictionary<int, ThingSprite> Build()
    {
        var t = new Dictionary<int, ThingSprite>();
        void Add(string sprite, char frame, bool bright, params int[] types)
        {
            foreach (var type in types)
            {
                t[type] = new ThingSprite(sprite, frame, bright);
            }
        }

        // Monsters.
        Add("POSS", 'A', false, 3004);
        Add("SPOS", 'A', false, 9);
        Add("CPOS", 'A', false, 65);
        Add("TROO", 'A', false, 3001);
        Add("SARG", 'A', false, 3002);
        t[58] = new ThingSprite("SARG", 'A', false, Shadow: true);
        Add("SKUL", 'A', true, 3006);
        Add("HEAD", 'A', false, 3005);
        Add("BOS2", 'A', false, 69);
        Add("BOSS", 'A', false, 3003);
        Add("BSPI", 'A', false, 68);
        Add("PAIN", 'A', false, 71);
        Add("SKEL", 'A', false, 66);
        Add("FATT", 'A', false, 67);
        Add("VILE", 'A', false, 64);
        Add("SPID", 'A', false, 7);
        Add("CYBR", 'A', false, 16);
        Add("SSWV", 'A', false, 84);
        Add("KEEN", 'A', false, 72);
        Add("BBRN", 'A', false, 88);

        // Weapons, ammunition, health, armour, power-ups, keys.
        Add("SHOT", 'A', false, 2001);
        Add("SGN2", 'A', false, 82);
        Add("MGUN", 'A', false, 2002);
        Add("LAUN", 'A', false, 2003);
        Add("PLAS", 'A', false, 2004);
        Add("BFUG", 'A', false, 2006);
        Add("CSAW", 'A', false, 2005);
        Add("CLIP", 'A', false, 2007);
        Add("AMMO", 'A', false, 2048);
        Add("SHEL", 'A', false, 2008);
        Add("SBOX", 'A', false, 2049);
        Add("ROCK", 'A', false, 2010);
        Add("BROK", 'A', false, 2046);
        Add("CELL", 'A', false, 2047);
        Add("CELP", 'A', false, 17);
        Add("BPAK", 'A', false, 8);
        Add("STIM", 'A', false, 2011);
        Add("MEDI", 'A', false, 2012);
        Add("BON1", 'A', false, 2014);
        Add("BON2", 'A', false, 2015);
        Add("ARM1", 'A', false, 2018);
        Add("ARM2", 'A', false, 2019);
        Add("MEGA", 'A', true, 83);
        Add("SOUL", 'A', true, 2013);
        Add("PINV", 'A', true, 2022);
        Add("PSTR", 'A', true, 2023);
        Add("PINS", 'A', true, 2024);
        Add("SUIT", 'A', true, 2025);
        Add("PMAP", 'A', true, 2026);
        Add("PVIS", 'A', true, 2045);
        Add("BKEY", 'A', false, 5);
        Add("BSKU", 'A', false, 40);
        Add("RKEY", 'A', false, 13);
        Add("RSKU", 'A', false, 38);
        Add("YKEY", 'A', false, 6);
        Add("YSKU", 'A', false, 39);

        // Decorations: lights are full bright.
        Add("BAR1", 'A', false, 2035);
        Add("COLU", 'A', true, 2028);
        Add("COL1", 'A', false, 30);
        Add("COL2", 'A', false, 31);
        Add("COL3", 'A', false, 32);
        Add("COL4", 'A', false, 33);
        Add("COL5", 'A', false, 36);
        Add("COL6", 'A', false, 37);
        Add("CAND", 'A', true, 34);
        Add("CBRA", 'A', true, 35);
        Add("CEYE", 'A', true, 41);
        Add("FSKU", 'A', true, 42);
        Add("TRE1", 'A', false, 43);
        Add("TBLU", 'A', true, 44);
        Add("TGRN", 'A', true, 45);
        Add("TRED", 'A', true, 46);
        Add("SMIT", 'A', false, 47);
        Add("ELEC", 'A', false, 48);
        Add("TRE2", 'A', false, 54);
        Add("SMBT", 'A', true, 55);
        Add("SMGT", 'A', true, 56);
        Add("SMRT", 'A', true, 57);
        Add("FCAN", 'A', true, 70);
        Add("TLMP", 'A', true, 85);
        Add("TLP2", 'A', true, 86);
        Add("GOR1", 'A', false, 49, 63);
        Add("GOR2", 'A', false, 50, 59);
        Add("GOR3", 'A', false, 51, 61);
        Add("GOR4", 'A', false, 52, 60);
        Add("GOR5", 'A', false, 53, 62);
        Add("HDB1", 'A', false, 73);
        Add("HDB2", 'A', false, 74);
        Add("HDB3", 'A', false, 75);
        Add("HDB4", 'A', false, 76);
        Add("HDB5", 'A', false, 77);
        Add("HDB6", 'A', false, 78);
        Add("POL1", 'A', false, 25);
        Add("POL6", 'A', false, 26);
        Add("POL4", 'A', false, 27);
        Add("POL2", 'A', false, 28);
        Add("POL3", 'A', true, 29);
        Add("POL5", 'A', false, 24);
        Add("POB1", 'A', false, 79);
        Add("POB2", 'A', false, 80);
        Add("BRS1", 'A', false, 81);

        // Dead bodies: the last frame of the death they stand for.
        Add("PLAY", 'W', false, 10, 12);
        Add("PLAY", 'N', false, 15);
        Add("POSS", 'L', false, 18);
        Add("SPOS", 'L', false, 19);
        Add("TROO", 'M', false, 20);
        Add("SARG", 'N', false, 21);
        Add("HEAD", 'L', false, 22);
        Add("SKUL", 'K', false, 23);
        return t.ToFrozenDictionary();
    }
}
