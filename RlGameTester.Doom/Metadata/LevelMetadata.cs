using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Metadata;

/// <summary>
/// The facts about a level that the Api stores (as JSON) and agents and analyses start from: sizes, bounds,
/// starts, what each skill offers, keys, exits and secrets. Single-player figures exclude multiplayer-only
/// things; skill groups are easy (skills 1-2), medium (3) and hard (4-5).
/// </summary>
public sealed record LevelMetadata(
    string Name,
    LevelFormat Format,
    string? UdmfNamespace,
    int ThingCount,
    int LineCount,
    int SideCount,
    int VertexCount,
    int SectorCount,
    MapBounds Bounds,
    IReadOnlyList<PlayerStartInfo> PlayerStarts,
    int DeathmatchStarts,
    SkillStatistics Easy,
    SkillStatistics Medium,
    SkillStatistics Hard,
    IReadOnlyList<KeyInfo> Keys,
    IReadOnlyList<ExitInfo> Exits,
    int SecretSectors,
    int TeleportDestinations)
{
    /// <summary>Computes a level's metadata (pass a geometry already built for checks to avoid building it twice).</summary>
    public static LevelMetadata Create(Level level, LevelGeometry? geometry = null)
    {
        ArgumentNullException.ThrowIfNull(level);
        geometry ??= new LevelGeometry(level);

        var starts = new List<PlayerStartInfo>();
        var keys = new List<KeyInfo>();
        var deathmatchStarts = 0;
        var teleportDestinations = 0;
        for (var i = 0; i < level.Things.Length; i++)
        {
            var thing = level.Things[i];
            if (thing.Type is >= 1 and <= 4)
            {
                starts.Add(new PlayerStartInfo(thing.Type, i, thing.X, thing.Y, thing.Angle));
            }
            else if (thing.Type == 11)
            {
                deathmatchStarts++;
            }
            else if (thing.Type == 14)
            {
                teleportDestinations++;
            }

            if (PlacedItems.Find(level, thing.Type) is { Key: not DoomKeys.None } key)
            {
                keys.Add(new KeyInfo(
                    key.Key,
                    i,
                    thing.X,
                    thing.Y,
                    (thing.Skills & Skills.Easy) != 0,
                    (thing.Skills & Skills.Medium) != 0,
                    (thing.Skills & Skills.Hard) != 0,
                    (thing.Modes & GameModes.SinglePlayer) == 0));
            }
        }

        var secrets = 0;
        foreach (var sector in level.Sectors)
        {
            var info = level.UsesDoomSpecials ? SectorSpecials.DescribeDoom(sector.Special) : SectorSpecials.DescribeZDoom(sector.Special);
            if (info.Secret)
            {
                secrets++;
            }
        }

        return new LevelMetadata(
            level.Name,
            level.Format,
            level.UdmfNamespace,
            level.Things.Length,
            level.Linedefs.Length,
            level.Sidedefs.Length,
            level.Vertices.Length,
            level.Sectors.Length,
            geometry.Bounds,
            starts,
            deathmatchStarts,
            Statistics(level, Skills.Easy),
            Statistics(level, Skills.Medium),
            Statistics(level, Skills.Hard),
            keys,
            ExitFinder.Find(level, geometry),
            secrets,
            teleportDestinations);
    }

    private static SkillStatistics Statistics(Level level, Skills group)
    {
        int monsters = 0, hitPoints = 0, kills = 0, items = 0, countedItems = 0;
        int weapons = 0, ammo = 0, health = 0, armor = 0, powerups = 0, keys = 0;
        foreach (var thing in level.Things)
        {
            if ((thing.Skills & group) == 0 || (thing.Modes & GameModes.SinglePlayer) == 0 || ThingTypes.Find(thing.Type) is not { } info)
            {
                continue;
            }

            switch (info.Category)
            {
                case ThingCategory.Monster:
                    monsters++;
                    hitPoints += info.Health;
                    kills += info.CountsAsKill ? 1 : 0;
                    break;
                case ThingCategory.Weapon:
                    weapons++;
                    break;
                case ThingCategory.Ammo:
                    ammo++;
                    break;
                case ThingCategory.Health:
                    health++;
                    break;
                case ThingCategory.Armor:
                    armor++;
                    break;
                case ThingCategory.Powerup:
                    powerups++;
                    break;
                case ThingCategory.Key:
                    keys++;
                    break;
            }

            if (info.IsPickup)
            {
                items++;
                countedItems += info.CountsAsItem ? 1 : 0;
            }
        }

        return new SkillStatistics(monsters, hitPoints, kills, items, countedItems, weapons, ammo, health, armor, powerups, keys);
    }
}
