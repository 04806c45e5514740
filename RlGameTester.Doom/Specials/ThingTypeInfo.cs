namespace RlGameTester.Doom.Specials;

/// <summary>What the game knows about a thing type (its "info" entry).</summary>
/// <param name="Type">The editor number (DoomEdNum).</param>
/// <param name="Name">A readable name, e.g. "Imp".</param>
/// <param name="Category">What kind of thing it is.</param>
/// <param name="Radius">Collision radius in map units; the collision box is twice that wide.</param>
/// <param name="Height">Height in map units.</param>
/// <param name="Blocking">Solid: other solid things and players cannot pass through it.</param>
/// <param name="Hangs">Hangs from the ceiling.</param>
/// <param name="Health">Spawn health of monsters (0 for other things).</param>
/// <param name="CountsAsKill">Counts towards the intermission kill percentage.</param>
/// <param name="CountsAsItem">Counts towards the intermission item percentage.</param>
/// <param name="Key">The key it gives, if it is a key.</param>
/// <param name="Game">The game or engine family that defines it.</param>
/// <param name="Floats">Flies (cacodemons, pain elementals, lost souls): steps and drops do not stop it.</param>
public sealed record ThingTypeInfo(
    int Type,
    string Name,
    ThingCategory Category,
    int Radius,
    int Height,
    bool Blocking,
    bool Hangs,
    int Health,
    bool CountsAsKill,
    bool CountsAsItem,
    DoomKeys Key,
    DoomGame Game,
    bool Floats = false)
{
    /// <summary>A thing that gives the player something when touched.</summary>
    public bool IsPickup => Category is ThingCategory.Weapon or ThingCategory.Ammo or ThingCategory.Health
        or ThingCategory.Armor or ThingCategory.Powerup or ThingCategory.Key;

    /// <summary>Moves by itself (monsters) or is a player.</summary>
    public bool IsActor => Category is ThingCategory.Monster or ThingCategory.PlayerStart or ThingCategory.DeathmatchStart;
}
