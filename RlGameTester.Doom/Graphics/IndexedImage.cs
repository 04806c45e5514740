namespace RlGameTester.Doom.Graphics;

/// <summary>
/// A picture in palette indices (how Doom stores flats, patches and textures), with the mask of drawn
/// pixels and the picture's own offsets (used to place sprites and weapon graphics).
/// </summary>
public sealed class IndexedImage
{
    internal IndexedImage(int width, int height, byte[] pixels, bool[]? opaque, int offsetX = 0, int offsetY = 0)
    {
        Width = width;
        Height = height;
        Pixels = pixels;
        Opaque = opaque;
        OffsetX = offsetX;
        OffsetY = offsetY;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Palette index per pixel, rows top to bottom.</summary>
    public byte[] Pixels { get; }

    /// <summary>True where a pixel is drawn; null when every pixel is.</summary>
    public bool[]? Opaque { get; }

    public int OffsetX { get; }

    public int OffsetY { get; }

    /// <summary>Converts to RGB through a palette.</summary>
    public RgbImage ToRgb(Resources.Palette palette)
    {
        ArgumentNullException.ThrowIfNull(palette);
        var colors = palette.Colors;
        var rgb = new byte[Pixels.Length * 3];
        byte[]? alpha = Opaque is null ? null : new byte[Pixels.Length];
        for (var i = 0; i < Pixels.Length; i++)
        {
            if (Opaque is not null && !Opaque[i])
            {
                continue;
            }

            var c = Pixels[i] * 3;
            rgb[i * 3] = colors[c];
            rgb[(i * 3) + 1] = colors[c + 1];
            rgb[(i * 3) + 2] = colors[c + 2];
            if (alpha is not null)
            {
                alpha[i] = 255;
            }
        }

        return new RgbImage(Width, Height, rgb, alpha);
    }
}
