using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Specials;

/// <summary>A thing type's name for messages: Doom's, with the mod's class when the level's mod places its own actor there.</summary>
public static class ThingNames
{
    public static string Of(Level level, int type)
    {
        ArgumentNullException.ThrowIfNull(level);
        var doom = ThingTypes.Find(type)?.Name;
        var mod = level.Actors.Shapes.TryGetValue(type, out var shape) ? shape.ClassName : level.Actors.For(type).Select(r => r.ClassName).FirstOrDefault();
        return (doom, mod) switch
        {
            (null, null) => $"thing type {type}",
            (null, _) => $"{mod} (the mod's thing type {type})",
            (_, null) => doom,
            _ => $"{doom} (the mod's {mod})",
        };
    }
}
