using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Specials;

/// <summary>
/// What a level's things give a player, by Doom's table and the level's mod (<see cref="Level.Actors"/>): a mod's class
/// at a number gives what its ancestry gives (its BlueKey : BlueCard placed at Shotgun's number is the blue keycard, its
/// own gun at BlueCard's number is no key), and a mod's monster may leave a key when it dies.
/// </summary>
public static class PlacedItems
{
    /// <summary>The item a thing of this type is on the level, or null when it is none.</summary>
    public static ThingTypeInfo? Find(Level level, int type)
    {
        ArgumentNullException.ThrowIfNull(level);
        if (level.Actors.Pickups.TryGetValue(type, out var number))
        {
            return number is { } doom ? ThingTypes.Find(doom) : null;
        }

        return ThingTypes.Find(type) is { IsPickup: true } info ? info : null;
    }

    /// <summary>
    /// What a player gets from a thing of this type: its item (<see cref="Find"/>), else the key it leaves when killed
    /// (<see cref="DroppedKey"/>, then <paramref name="dropped"/> is true); null when neither.
    /// </summary>
    public static ThingTypeInfo? Gives(Level level, int type, out bool dropped)
    {
        var item = Find(level, type);
        var key = item is null ? DroppedKey(level, type) : null;
        dropped = key is not null;
        return item ?? key;
    }

    /// <summary>The key a thing of this type leaves when it is killed (a mod's monster that drops one), or null.</summary>
    public static ThingTypeInfo? DroppedKey(Level level, int type)
    {
        ArgumentNullException.ThrowIfNull(level);
        return level.Actors.KeyDrops.TryGetValue(type, out var key) ? ThingTypes.Find(key) : null;
    }
}
