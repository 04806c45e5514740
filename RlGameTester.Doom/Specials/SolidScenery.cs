using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Specials;

/// <summary>
/// The things a body goes around: Doom's solid scenery, or what a mod makes of the type. A mod that replaces the tech
/// lamp with a dripping-water effect has no lamp in the way; one that spawns monsters there has something to kill.
/// </summary>
public static class SolidScenery
{
    /// <summary>The radius of a thing of this type a body must go around, or null when it need not (not solid, a monster).</summary>
    public static int? Radius(Level level, int type)
    {
        ArgumentNullException.ThrowIfNull(level);
        if (level.Actors.Shapes.TryGetValue(type, out var shape))
        {
            return shape.Blocks ? shape.Radius : null;
        }

        return ThingTypes.Find(type) is { Blocking: true, IsActor: false } info ? info.Radius : null;
    }

    /// <summary>
    /// The radius and height of solid scenery of this type that hangs from the ceiling (Doom's hanging victims, a mod's
    /// +SPAWNCEILING actor), or null for any other type: in the ZDoom family's ports a body may pass beneath it.
    /// </summary>
    public static (int Radius, int Height)? Hanging(Level level, int type)
    {
        ArgumentNullException.ThrowIfNull(level);
        if (level.Actors.Shapes.TryGetValue(type, out var shape))
        {
            return shape is { Blocks: true, Hangs: true } ? (shape.Radius, shape.Height) : null;
        }

        return ThingTypes.Find(type) is { Blocking: true, IsActor: false, Hangs: true } info ? (info.Radius, info.Height) : null;
    }
}
