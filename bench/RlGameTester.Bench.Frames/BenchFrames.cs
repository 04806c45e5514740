using OpenCvSharp;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Bench.Frames;

/// <summary>
/// Frames for the benchmark, composed from freedoom2's real graphics: a wall texture band over a floor flat, a
/// second texture as a pillar, the STBAR status bar; each frame shifted a few pixels (a camera turning), so the
/// temporal checks see change as in play. Both sides of the benchmark get the same frames.
/// </summary>
internal static class BenchFrames
{
    public static List<Mat> Compose(string wadPath, int width, int height, int count)
    {
        var resources = ResourceSet.Create(WadFile.Read(File.ReadAllBytes(wadPath)), null);
        var walls = resources.TextureNames.Order(StringComparer.Ordinal)
            .Where(n => !n.StartsWith("SKY", StringComparison.OrdinalIgnoreCase) && resources.RenderTexture(n) is { Alpha: null, Width: >= 64 })
            .Take(40).ToList();
        var flats = resources.FlatNames.Order(StringComparer.Ordinal).Take(20).ToList();
        using var statusBar = ToMat(resources.RenderPatch("STBAR")!);
        var statusRows = (int)Math.Round(height * 32.0 / 200.0);
        var viewRows = height - statusRows;
        var frames = new List<Mat>(count);
        for (var i = 0; i < count; i++)
        {
            using var wall = ToMat(resources.RenderTexture(walls[i * 7 % walls.Count])!);
            using var pillar = ToMat(resources.RenderTexture(walls[(i * 3 + 5) % walls.Count])!);
            using var floor = ToMat(resources.RenderFlat(flats[i % flats.Count])!);
            var frame = new Mat(height, width, MatType.CV_8UC3, new OpenCvSharp.Scalar(0, 0, 0));
            var shift = i * 4 % 64;
            Tile(frame, wall, new Rect(0, 0, width, viewRows * 2 / 3), shift, 2);
            Tile(frame, floor, new Rect(0, viewRows * 2 / 3, width, viewRows - (viewRows * 2 / 3)), shift, 3);
            Tile(frame, pillar, new Rect((width / 3) + shift, viewRows / 6, width / 5, viewRows * 2 / 3), 0, 2);
            using (var bar = new Mat(frame, new Rect(0, viewRows, width, statusRows)))
            {
                Cv2.Resize(statusBar, bar, bar.Size(), 0, 0, InterpolationFlags.Nearest);
            }

            frames.Add(frame);
        }

        return frames;
    }

    private static void Tile(Mat frame, Mat texture, Rect area, int shift, int scale)
    {
        using var big = new Mat();
        Cv2.Resize(texture, big, new Size(texture.Width * scale, texture.Height * scale), 0, 0, InterpolationFlags.Nearest);
        using var target = new Mat(frame, area);
        for (var y = 0; y < area.Height; y += big.Height)
        {
            for (var x = -shift; x < area.Width; x += big.Width)
            {
                var from = new Rect(Math.Max(0, -x), 0, Math.Min(big.Width - Math.Max(0, -x), area.Width - Math.Max(0, x)), Math.Min(big.Height, area.Height - y));
                if (from.Width <= 0 || from.Height <= 0)
                {
                    continue;
                }

                using var source = new Mat(big, from);
                using var place = new Mat(target, new Rect(Math.Max(0, x), y, from.Width, from.Height));
                source.CopyTo(place);
            }
        }
    }

    private static Mat ToMat(RlGameTester.Doom.Graphics.RgbImage image)
    {
        var rgb = new Mat(image.Height, image.Width, MatType.CV_8UC3);
        image.Rgb.CopyTo(rgb.AsSpan<byte>());
        Cv2.CvtColor(rgb, rgb, ColorConversionCodes.RGB2BGR);
        return rgb;
    }
}
