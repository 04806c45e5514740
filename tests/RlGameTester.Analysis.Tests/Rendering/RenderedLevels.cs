using OpenCvSharp;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Wad;
using RlGameTester.TestSupport;
using CvScalar = OpenCvSharp.Scalar;

namespace RlGameTester.Analysis.Tests.Rendering;

/// <summary>The real levels the rendering tests draw, and reading pixels back.</summary>
internal static class RenderedLevels
{
    public static TheoryData<string> Wads => new()
    {
        Fixtures.Freedoom1,
        Fixtures.Freedoom2,
        Path.Combine(Fixtures.Wads, "deathmatch_rockets.wad"),
        Path.Combine(Fixtures.Wads, "defend_the_center.wad"),
        Path.Combine(Fixtures.Wads, "health_gathering.wad"),
        Path.Combine(Fixtures.Wads, "health_gathering_supreme.wad"),
    };

    public static IReadOnlyList<Level> Read(string wadPath) => LevelReader.ReadAll(WadFile.Read(File.ReadAllBytes(wadPath)));

    public static (byte B, byte G, byte R) At(Mat image, Point pixel)
    {
        var bgr = image.At<Vec3b>(pixel.Y, pixel.X);
        return (bgr.Item0, bgr.Item1, bgr.Item2);
    }

    public static (byte B, byte G, byte R) Colour(CvScalar colour) => ((byte)colour.Val0, (byte)colour.Val1, (byte)colour.Val2);
}
