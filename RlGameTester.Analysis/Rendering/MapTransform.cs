using OpenCvSharp;
using RlGameTester.Doom.Geometry;

namespace RlGameTester.Analysis.Rendering;

/// <summary>
/// Map units to image pixels and back, shared by the level drawing and every overlay so that both land on the same
/// pixels. Uniform scale; the image's y axis points down while Doom's grows north, so y is flipped. Pixel (c, r) is the
/// point (c, r) of the continuous image plane, as in OpenCV's drawing functions.
/// </summary>
/// <param name="Bounds">The map box drawn (the level's bounds).</param>
/// <param name="Scale">Pixels per map unit.</param>
/// <param name="OffsetX">Pixel x of <see cref="MapBounds.MinX"/>.</param>
/// <param name="OffsetY">Pixel y of <see cref="MapBounds.MaxY"/> (the map's north edge).</param>
/// <param name="MapArea">The part of the image the map is drawn in (the rest holds the title and the legend).</param>
public sealed record MapTransform(MapBounds Bounds, double Scale, double OffsetX, double OffsetY, Rect MapArea)
{
    /// <summary>The map point in continuous pixel coordinates.</summary>
    public (double X, double Y) ToPixelExact(double x, double y) =>
        (OffsetX + ((x - Bounds.MinX) * Scale), OffsetY + ((Bounds.MaxY - y) * Scale));

    /// <summary>The pixel a map point falls on.</summary>
    public Point ToPixel(double x, double y)
    {
        var (px, py) = ToPixelExact(x, y);
        return new Point(Round(px), Round(py));
    }

    /// <summary>The map point at the centre of a pixel.</summary>
    public (double X, double Y) ToMap(double px, double py) =>
        (Bounds.MinX + ((px - OffsetX) / Scale), Bounds.MaxY - ((py - OffsetY) / Scale));

    /// <summary>A length in map units as pixels.</summary>
    public double ToPixels(double mapUnits) => mapUnits * Scale;

    /// <summary>
    /// Fits the bounds into <paramref name="area"/>, centred, with the largest uniform scale that keeps the whole box
    /// inside. A box of zero width or height (a single line) gets the scale of its other side.
    /// </summary>
    public static MapTransform Fit(MapBounds bounds, Rect area)
    {
        var width = Math.Max(bounds.Width, 1);
        var height = Math.Max(bounds.Height, 1);
        var scale = Math.Min(Math.Max(area.Width - 1, 1) / width, Math.Max(area.Height - 1, 1) / height);
        var offsetX = area.X + ((area.Width - 1 - (bounds.Width * scale)) / 2);
        var offsetY = area.Y + ((area.Height - 1 - (bounds.Height * scale)) / 2);
        return new MapTransform(bounds, scale, offsetX, offsetY, area);
    }

    // Half-way points go up, as the sector fill assigns them (a pixel covers [c - 0.5, c + 0.5)).
    private static int Round(double value) => (int)Math.Clamp(Math.Floor(value + 0.5), int.MinValue / 2, int.MaxValue / 2);
}
