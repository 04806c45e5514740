namespace RlGameTester.Doom.Graphics;

/// <summary>
/// A decoded picture as 8-bit RGB, row by row from the top-left (3 bytes per pixel). Pixels a Doom picture
/// leaves transparent are black in <see cref="Rgb"/> and 0 in <see cref="Alpha"/>.
/// </summary>
public sealed class RgbImage
{
    public RgbImage(int width, int height, byte[] rgb, byte[]? alpha = null)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        if (rgb.Length != width * height * 3)
        {
            throw new ArgumentException($"{width}x{height} RGB needs {width * height * 3} bytes, not {rgb.Length}.", nameof(rgb));
        }

        if (alpha is not null && alpha.Length != width * height)
        {
            throw new ArgumentException($"{width}x{height} alpha needs {width * height} bytes, not {alpha.Length}.", nameof(alpha));
        }

        Width = width;
        Height = height;
        Rgb = rgb;
        Alpha = alpha;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>R, G, B for each pixel, rows top to bottom.</summary>
    public byte[] Rgb { get; }

    /// <summary>255 where the picture has a pixel, 0 where it is transparent; null when fully opaque.</summary>
    public byte[]? Alpha { get; }
}
