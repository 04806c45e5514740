using System.Text.Json.Serialization;

namespace RlGameTester.Doom.Specials;

[JsonConverter(typeof(JsonStringEnumConverter<ThingCategory>))]
public enum ThingCategory
{
    PlayerStart,
    DeathmatchStart,
    TeleportDestination,
    Monster,
    Weapon,
    Ammo,
    Health,
    Armor,
    Powerup,
    Key,

    /// <summary>Solid scenery: barrels, pillars, trees.</summary>
    Obstacle,

    /// <summary>Lamps, torches and candles (most of them solid).</summary>
    Light,
    Decoration,

    /// <summary>Engine helpers that are never seen: map spots, spawners, pushers, sound and camera things.</summary>
    Helper,
}
