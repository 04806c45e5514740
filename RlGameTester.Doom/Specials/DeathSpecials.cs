using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Specials;

/// <summary>
/// A Hexen or UDMF thing's own special runs when the thing dies (GZDoom's AActor::Die, the killer its activator): a
/// monster that opens a door or lowers a floor as it falls (PSX Doom CE's Tower of Babel opens its exit so, by its
/// Cyberdemon's Door_Open). Only the sector moves <see cref="SectorMoves"/> models, on sectors a tag names, count
/// here; any other special a thing carries stays a limit of the proof.
/// </summary>
public static class DeathSpecials
{
    /// <summary>Whether the thing's death makes a move the explorer and the validator play.</summary>
    public static bool Moves(Level level, in Thing thing)
    {
        ArgumentNullException.ThrowIfNull(level);
        return !level.UsesDoomSpecials && thing.Special != 0 && thing.Args.Arg0 != 0 && Dies(level, thing.Type) &&
            SectorMoves.FindHexen(thing.Special, thing.Args) is not null;
    }

    // A monster (Doom's or the mod's) or a shootable thing of the mod's dies by the player's hand.
    private static bool Dies(Level level, int type) =>
        level.Actors.Shapes.TryGetValue(type, out var shape) ? shape.IsMonster || shape.Shootable : ThingTypes.Find(type)?.Category == ThingCategory.Monster;
}
