using OpenCvSharp;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Rendering;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Views;

namespace RlGameTester.Analysis.Shots;

/// <summary>
/// Takes the screenshots of one level's findings: chooses where a player would stand to see each
/// (<see cref="ViewFinder"/>) and draws that view with Doom's renderer against the level's resources, as PNG. The scene
/// is prepared on the first view asked for, so a level none of whose findings has a place costs nothing. One thread.
/// </summary>
internal sealed class FindingCamera(Level level, LevelEntry? entry, ResourceSet resources, int pngCompression)
{
    private readonly ViewFinder _finder = new(new LevelGeometry(level));
    private ViewRenderer? _renderer;

    /// <summary>The PNG of the target's view, or null when no spot a player can stand at sees it (or the load order has no palette to show it in).</summary>
    /// <exception cref="Doom.Wad.WadFormatException">A texture or flat the level uses is damaged beyond decoding.</exception>
    public byte[]? Shoot(ViewTarget target)
    {
        if (resources.Palette is not { } palette || _finder.Choose(target) is not { } chosen)
        {
            return null;
        }

        _renderer ??= new ViewRenderer(RenderScene.Create(level, resources, entry));
        var view = _renderer.Render(chosen.View);
        var rgb = view.Image.ToRgb(palette);
        using var mat = Mat.FromPixelData(rgb.Height, rgb.Width, MatType.CV_8UC3, rgb.Rgb);
        using var bgr = new Mat();
        Cv2.CvtColor(mat, bgr, ColorConversionCodes.RGB2BGR);
        Cv2.ImEncode(".png", bgr, out var png, new ImageEncodingParam(ImwriteFlags.PngCompression, pngCompression));
        return png;
    }
}
