namespace RlGameTester.Doom.Rendering;

/// <summary>
/// A visplane: one floor or ceiling (height, flat, light) and the top and bottom row it covers in each column from
/// <see cref="MinX"/> to <see cref="MaxX"/>. Columns are stored one place on, so x - 1 and x + 1 are always in range.
/// </summary>
internal sealed class Visplane(int width)
{
    public const ushort Empty = ushort.MaxValue;

    public int Height { get; set; }

    public int Pic { get; set; }

    public int Light { get; set; }

    public int MinX { get; set; }

    public int MaxX { get; set; }

    public ushort[] Top { get; } = new ushort[width + 2];

    public ushort[] Bottom { get; } = new ushort[width + 2];

    public void Reset(int height, int pic, int light, int minX, int maxX)
    {
        Height = height;
        Pic = pic;
        Light = light;
        MinX = minX;
        MaxX = maxX;
        Array.Fill(Top, Empty);
    }
}
