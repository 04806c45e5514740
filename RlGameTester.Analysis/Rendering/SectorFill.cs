using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;

namespace RlGameTester.Analysis.Rendering;

/// <summary>
/// Paints every pixel of the map area with the colour of the sector it lies in, one image row at a time: the lines a
/// row crosses, sorted by x, split it into spans, and each span belongs to the side facing it of the next line to its
/// east. That is <see cref="LevelGeometry.SectorAt"/>'s rule, so the picture agrees with point-in-sector everywhere,
/// holes and sectors drawn in several pieces included, at the cost of one sort per row.
/// </summary>
internal static class SectorFill
{
    /// <param name="bgr">The image, 3 bytes a pixel, rows of <paramref name="width"/> pixels.</param>
    /// <param name="sectorColours">3 bytes (blue, green, red) per sector.</param>
    public static void Paint(Level level, LevelGeometry geometry, MapTransform transform, byte[] bgr, int width, byte[] sectorColours)
    {
        var area = transform.MapArea;
        var lineCount = level.Linedefs.Length;
        var westSector = new int[lineCount];
        var firstRow = new int[lineCount];
        var lastRow = new int[lineCount];
        var rowStart = new int[area.Height + 1];
        for (var i = 0; i < lineCount; i++)
        {
            var line = level.Linedefs[i];
            var (x1, y1, x2, y2) = geometry.Segment(i);

            // The front side is on the right of the line's direction: it faces west when the line runs south.
            var side = y2 < y1 ? line.FrontSide : line.BackSide;
            westSector[i] = side < 0 ? -1 : level.Sidedefs[side].Sector;

            var top = transform.ToPixelExact(0, Math.Max(y1, y2)).Y;
            var bottom = transform.ToPixelExact(0, Math.Min(y1, y2)).Y;
            firstRow[i] = Math.Max(area.Top, (int)Math.Ceiling(top) - 1) - area.Top;
            lastRow[i] = Math.Min(area.Bottom - 1, (int)Math.Floor(bottom) + 1) - area.Top;
            for (var r = firstRow[i]; r <= lastRow[i]; r++)
            {
                rowStart[r + 1]++;
            }
        }

        for (var r = 1; r < rowStart.Length; r++)
        {
            rowStart[r] += rowStart[r - 1];
        }

        var rowLines = new int[rowStart[^1]];
        var fill = (int[])rowStart.Clone();
        for (var i = 0; i < lineCount; i++)
        {
            for (var r = firstRow[i]; r <= lastRow[i]; r++)
            {
                rowLines[fill[r]++] = i;
            }
        }

        var crossX = new double[64];
        var crossSector = new int[64];
        for (var r = 0; r < area.Height; r++)
        {
            var row = area.Top + r;
            var y = transform.ToMap(0, row).Y;
            var count = 0;
            for (var k = rowStart[r]; k < rowStart[r + 1]; k++)
            {
                var i = rowLines[k];
                var (x1, y1, x2, y2) = geometry.Segment(i);
                if ((y1 > y) == (y2 > y))
                {
                    continue;
                }

                if (count == crossX.Length)
                {
                    Array.Resize(ref crossX, count * 2);
                    Array.Resize(ref crossSector, count * 2);
                }

                crossX[count] = x1 + ((y - y1) * (x2 - x1) / (y2 - y1));
                crossSector[count] = westSector[i];
                count++;
            }

            Array.Sort(crossX, crossSector, 0, count);
            var column = area.Left;
            var rowOffset = row * width * 3;
            for (var k = 0; k < count && column < area.Right; k++)
            {
                // Pixels strictly west of the crossing belong to the side of this line that faces west.
                var px = transform.ToPixelExact(crossX[k], 0).X;
                var end = (int)Math.Min(area.Right - 1, Math.Ceiling(px) - 1);
                var sector = crossSector[k];
                if (sector >= 0 && end >= column)
                {
                    FillSpan(bgr.AsSpan(rowOffset + (column * 3), (end - column + 1) * 3), sectorColours.AsSpan(sector * 3, 3));
                }

                column = Math.Max(column, end + 1);
            }
        }
    }

    /// <summary>Repeats one pixel's 3 bytes over a span: one pixel written, then block copies that double what is done.</summary>
    public static void FillSpan(Span<byte> span, ReadOnlySpan<byte> pixel)
    {
        if (span.Length < 3)
        {
            return;
        }

        pixel.CopyTo(span);
        for (var done = 3; done < span.Length; done *= 2)
        {
            span[..Math.Min(done, span.Length - done)].CopyTo(span[done..]);
        }
    }
}
