using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Rendering;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Rendering;

/// <summary>Scenes of freedoom's levels, made once and shared (a scene is immutable), and the player 1 start of each.</summary>
internal static class RenderFixtures
{
    private static readonly Lazy<ResourceSet> Freedoom1Resources = new(() => ResourceSet.Create(Fixtures.Freedoom1, null));
    private static readonly Lazy<ResourceSet> Freedoom2Resources = new(() => ResourceSet.Create(Fixtures.Freedoom2, null));
    private static readonly Lazy<RenderScene> E1M1 = new(() => SceneOf(Fixtures.Freedoom1, "E1M1", Freedoom1Resources.Value));

    public static ResourceSet Freedoom1Set => Freedoom1Resources.Value;

    public static ResourceSet Freedoom2Set => Freedoom2Resources.Value;

    public static RenderScene E1M1Scene => E1M1.Value;

    public static RenderScene SceneOf(WadFile wad, string levelName, ResourceSet resources)
    {
        var entry = LevelDirectory.Find(wad).Last(e => string.Equals(e.Name, levelName, StringComparison.OrdinalIgnoreCase));
        return RenderScene.Create(LevelReader.Read(entry), resources, entry);
    }

    /// <summary>The player 1 start as a view point (the last one, the one Doom spawns).</summary>
    public static ViewPoint Start(RenderScene scene)
    {
        var start = scene.Level.Things.Last(t => t.Type == 1);
        return new ViewPoint(start.X, start.Y, start.Angle);
    }

    public static string SavePng(RenderedView view, ResourceSet resources, string name) =>
        PngFile.Save(view.Image.ToRgb(resources.Palette!), name);
}
