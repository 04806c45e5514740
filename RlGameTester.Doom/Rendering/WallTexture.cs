using RlGameTester.Doom.Graphics;

namespace RlGameTester.Doom.Rendering;

/// <summary>
/// A wall texture laid out as Doom's renderer reads it: column after column, each <see cref="Height"/> bytes, with
/// columns chosen by the largest power of two not above the width (<see cref="WidthMask"/>, as R_GetColumn masks) and
/// rows by the low 7 bits of the texture row (R_DrawColumn's <c>&amp; 127</c>). A texture under 128 high therefore reads
/// on into the next column's bytes below itself, Doom's "tutti-frutti"; 128 bytes of padding keep that in the array.
/// Transparent pixels of a composite are index 0. For masked middle textures the opaque runs are kept as posts.
/// </summary>
internal sealed class WallTexture
{
    private WallTexture(int width, int height, byte[] columns, MaskedPicture? masked)
    {
        Width = width;
        Height = height;
        Columns = columns;
        Masked = masked;
        var mask = 1;
        while (mask * 2 <= width)
        {
            mask *= 2;
        }

        WidthMask = mask - 1;
    }

    public int Width { get; }

    public int Height { get; }

    public int WidthMask { get; }

    public byte[] Columns { get; }

    /// <summary>The posts of the texture for drawing it as a two-sided line's middle texture.</summary>
    public MaskedPicture? Masked { get; }

    /// <summary>Where a texture column starts in <see cref="Columns"/>.</summary>
    public int ColumnStart(int column) => (column & WidthMask) * Height;

    public static WallTexture From(IndexedImage image)
    {
        var columns = new byte[(image.Width * image.Height) + 128];
        for (var x = 0; x < image.Width; x++)
        {
            for (var y = 0; y < image.Height; y++)
            {
                columns[(x * image.Height) + y] = image.Pixels[(y * image.Width) + x];
            }
        }

        return new WallTexture(image.Width, image.Height, columns, MaskedPicture.From(image));
    }
}
