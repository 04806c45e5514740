using RlGameTester.Doom.Graphics;

namespace RlGameTester.Doom.Rendering;

/// <summary>
/// A picture drawn with holes (sprites, two-sided middle textures): column-major pixels and, per column, its posts
/// (runs of opaque pixels, at most 128 long as Doom's picture format stores them), with the picture's offsets.
/// </summary>
internal sealed class MaskedPicture
{
    private const int MaxPost = 128;

    private MaskedPicture(int width, int height, int left, int top, byte[] pixels, int[] postStart, int[] posts)
    {
        Width = width;
        Height = height;
        LeftOffset = left;
        TopOffset = top;
        Pixels = pixels;
        PostStart = postStart;
        Posts = posts;
    }

    public int Width { get; }

    public int Height { get; }

    public int LeftOffset { get; }

    public int TopOffset { get; }

    /// <summary>Column-major palette indices, padded by 128 bytes for Doom's row masking.</summary>
    public byte[] Pixels { get; }

    /// <summary>For column c, its posts are <see cref="Posts"/>[PostStart[c] .. PostStart[c + 1]) as (top, length) pairs.</summary>
    public int[] PostStart { get; }

    public int[] Posts { get; }

    public static MaskedPicture From(IndexedImage image)
    {
        var pixels = new byte[(image.Width * image.Height) + MaxPost];
        var postStart = new int[image.Width + 1];
        var posts = new List<int>();
        for (var x = 0; x < image.Width; x++)
        {
            postStart[x] = posts.Count;
            var run = -1;
            for (var y = 0; y <= image.Height; y++)
            {
                var opaque = y < image.Height && (image.Opaque is null || image.Opaque[(y * image.Width) + x]);
                if (y < image.Height)
                {
                    pixels[(x * image.Height) + y] = image.Pixels[(y * image.Width) + x];
                }

                if (opaque && run < 0)
                {
                    run = y;
                }
                else if (run >= 0 && (!opaque || y - run == MaxPost))
                {
                    posts.Add(run);
                    posts.Add(y - run);
                    run = opaque ? y : -1;
                }
            }
        }

        postStart[image.Width] = posts.Count;
        return new MaskedPicture(image.Width, image.Height, image.OffsetX, image.OffsetY, pixels, postStart, [.. posts]);
    }
}
