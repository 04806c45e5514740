using OpenCvSharp;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Wad;
using RlGameTester.TestSupport;

namespace RlGameTester.Api.Tests.Frames;

/// <summary>
/// Frames made of freedoom2's real graphics: a wall texture above, a floor flat below, a status-bar strip, shifted per
/// frame as a walking view would; encoded as PNG or JPEG like an agent's capture.
/// </summary>
internal static class DoomFrames
{
    private static readonly Lazy<ResourceSet> Freedoom2 = new(() => ResourceSet.Create(WadFile.Read(File.ReadAllBytes(Fixtures.Freedoom2)), null));

    private static readonly Lazy<string[]> Walls = new(() => [.. Freedoom2.Value.TextureNames
        .Where(n => Freedoom2.Value.RenderTexture(n) is { Alpha: null, Width: >= 64, Height: >= 64 })
        .Order(StringComparer.Ordinal)]);

    private static readonly Lazy<string[]> Flats = new(() => [.. Freedoom2.Value.FlatNames.Where(n => !ResourceSet.IsSkyFlat(n)).Order(StringComparer.Ordinal)]);

    /// <summary>The <paramref name="index"/>-th frame of a walk, encoded (<c>.png</c> or <c>.jpg</c>).</summary>
    public static byte[] Encoded(int index, string extension = ".png", int width = 320, int height = 200)
    {
        using var frame = Picture(index, width, height);
        return frame.ImEncode(extension);
    }

    public static Mat Picture(int index, int width, int height)
    {
        var doom = Freedoom2.Value;
        var wall = doom.RenderTexture(Walls.Value[index / 8 % Walls.Value.Length])!;
        var flat = doom.RenderFlat(Flats.Value[index / 8 % Flats.Value.Length])!;
        var bar = doom.RenderTexture(Walls.Value[(index / 8 + 7) % Walls.Value.Length])!;
        var horizon = height / 2;
        var statusTop = height - (height * 32 / 200);
        var frame = new Mat(height, width, MatType.CV_8UC3);
        var pixels = frame.AsSpan<byte>();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (image, u, v) = y >= statusTop ? (bar, x, y - statusTop) : y < horizon ? (wall, x + (index * 3), y) : (flat, x + (index * 2), y + index);
                var s = (((v % image.Height) * image.Width) + (u % image.Width)) * 3;
                var d = ((y * width) + x) * 3;
                pixels[d] = image.Rgb[s + 2];
                pixels[d + 1] = image.Rgb[s + 1];
                pixels[d + 2] = image.Rgb[s];
            }
        }

        return frame;
    }
}
