using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Resources;

namespace RlGameTester.Doom.Checks;

/// <summary>
/// Static analysis of a level, in the spirit of a map editor's analysis mode (Ultimate Doom Builder's error
/// checks, Eureka's map checks): structure, textures, things, specials, tags and keys. Each finding names
/// a stable check, a severity, the element and where to look; what the reader loaded past (unknown UDMF keys, repaired
/// references) comes first, from <see cref="Level.ReadProblems"/>. Everything runs in time roughly linear in
/// the level's size: proximity questions go through a spatial grid, never all pairs.
/// </summary>
public static class LevelChecker
{
    /// <summary>Runs every check on a level, resolving textures and flats through <paramref name="resources"/>.</summary>
    /// <param name="level">The level.</param>
    /// <param name="resources">The level's WAD and its IWAD.</param>
    /// <param name="geometry">A geometry already built for the level (built here when null).</param>
    /// <param name="options">Limits and thresholds (defaults when null).</param>
    /// <returns>Findings, most severe first.</returns>
    public static IReadOnlyList<Finding> Check(
        Level level, ResourceSet resources, LevelGeometry? geometry = null, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(resources);

        // Tags a mod's bosses act on are not orphans, and its exits are exits: the level is judged with its actors.
        level = level.Actors.IsEmpty ? level.WithActors(resources.Actors) : level;
        var context = new CheckContext(level, resources, geometry ?? new LevelGeometry(level), options ?? CheckOptions.Default);
        ReadProblemChecks.Run(context);
        StartChecks.Run(context);
        LineSideChecks.Run(context);
        LineGeometryChecks.Run(context);
        SectorChecks.Run(context);
        TextureChecks.Run(context);
        ThingChecks.Run(context);
        StuckThingChecks.Run(context);
        SpecialChecks.Run(context);
        TagChecks.Run(context);
        KeyChecks.Run(context);
        return context.Complete();
    }
}
