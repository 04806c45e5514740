using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Specials;

/// <summary>
/// A Hexen or UDMF thing's own special runs when the thing dies (GZDoom's AActor::Die, the killer its activator), or, for
/// an item, when it is picked up (AInventory's touch, the player its activator): a monster that opens a door or lowers a
/// floor as it falls (PSX Doom CE's Tower of Babel opens its exit so, by its Cyberdemon's Door_Open), or starts a script
/// that does once the last of them is dead (its Dead Simple: <see cref="ScriptedLines.DeathMove"/>); a key that opens
/// the way as it is taken. Only the sector moves <see cref="SectorMoves"/> models, on sectors a tag
/// names, count here; any other special a thing carries stays a limit of the proof.
/// </summary>
public static class ThingSpecials
{
    /// <summary>
    /// The move the thing's death makes, as a special and its arguments, and the script that makes it (null: the thing's
    /// own special); null when its death makes none the explorer and the validator play.
    /// </summary>
    public static (int Special, SpecialArgs Args, int? Script)? OnDeath(Level level, in Thing thing)
    {
        ArgumentNullException.ThrowIfNull(level);
        if (level.UsesDoomSpecials || thing.Special == 0 || !Dies(level, thing.Type))
        {
            return null;
        }

        if (ScriptedLines.DeathMove(level, thing) is { } call)
        {
            return (call.Special, call.LineArgs, thing.Args.Arg0);
        }

        return thing.Args.Arg0 != 0 && SectorMoves.FindHexen(thing.Special, thing.Args) is not null ? (thing.Special, thing.Args, null) : null;
    }

    /// <summary>The sector move an item's own special makes when it is picked up, or null (scripts it starts are not read).</summary>
    public static (int Special, SpecialArgs Args)? OnPickup(Level level, in Thing thing)
    {
        ArgumentNullException.ThrowIfNull(level);
        return !level.UsesDoomSpecials && thing.Special != 0 && thing.Args.Arg0 != 0 &&
            PlacedItems.Gives(level, thing.Type, out _) is { IsPickup: true } && SectorMoves.FindHexen(thing.Special, thing.Args) is not null
            ? (thing.Special, thing.Args)
            : null;
    }

    // A monster (Doom's or the mod's) or a shootable thing of the mod's dies by the player's hand.
    private static bool Dies(Level level, int type) =>
        level.Actors.Shapes.TryGetValue(type, out var shape) ? shape.IsMonster || shape.Shootable : ThingTypes.Find(type)?.Category == ThingCategory.Monster;
}
