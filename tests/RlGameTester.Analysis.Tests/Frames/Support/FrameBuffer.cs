using OpenCvSharp;

namespace RlGameTester.Analysis.Tests.Frames.Support;

/// <summary>
/// A frame being composed, as 8-bit BGR (OpenCV's order). Pictures are placed in Doom's 320x200 screen space and
/// scaled to the frame, as a port scales its screen; the status bar takes the bottom 32/200 of the height.
/// </summary>
internal sealed class FrameBuffer
{
    public FrameBuffer(int width, int height)
    {
        Width = width;
        Height = height;
        Bgr = new byte[width * height * 3];
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Bgr { get; }

    /// <summary>Rows of the 3D view: the frame above the status bar (the same rounding as the engine's default).</summary>
    public int ViewRows => Height - (int)Math.Round(Height * 32.0 / 200.0);

    public void Set(int x, int y, int r, int g, int b)
    {
        var i = ((y * Width) + x) * 3;
        Bgr[i] = (byte)b;
        Bgr[i + 1] = (byte)g;
        Bgr[i + 2] = (byte)r;
    }

    public void Fill(int r, int g, int b, int fromRow = 0, int toRow = -1)
    {
        toRow = toRow < 0 ? Height : toRow;
        for (var i = fromRow * Width * 3; i < toRow * Width * 3; i += 3)
        {
            Bgr[i] = (byte)b;
            Bgr[i + 1] = (byte)g;
            Bgr[i + 2] = (byte)r;
        }
    }

    /// <summary>Multiplies the rows' colours by a factor (a dimmed background, a darker palette).</summary>
    public void Scale(double factor, int fromRow = 0, int toRow = -1)
    {
        toRow = toRow < 0 ? Height : toRow;
        for (var i = fromRow * Width * 3; i < toRow * Width * 3; i++)
        {
            Bgr[i] = (byte)Math.Min(255, Bgr[i] * factor);
        }
    }

    /// <summary>Draws a picture at a place of Doom's 320x200 screen, scaled to the frame; transparent pixels are skipped.</summary>
    public void Blit(Picture picture, double x320, double y200, double brightness = 1, bool useOffsets = true, int clipRows = -1)
    {
        clipRows = clipRows < 0 ? Height : clipRows;
        var sx = Width / 320.0;
        var sy = Height / 200.0;
        var left = (x320 - (useOffsets ? picture.OffsetX : 0)) * sx;
        var top = (y200 - (useOffsets ? picture.OffsetY : 0)) * sy;
        var x0 = Math.Max(0, (int)Math.Ceiling(left - 0.5));
        var x1 = Math.Min(Width, (int)Math.Ceiling(left + (picture.Width * sx) - 0.5));
        var y0 = Math.Max(0, (int)Math.Ceiling(top - 0.5));
        var y1 = Math.Min(clipRows, (int)Math.Ceiling(top + (picture.Height * sy) - 0.5));
        for (var y = y0; y < y1; y++)
        {
            var py = Math.Clamp((int)((y + 0.5 - top) / sy), 0, picture.Height - 1);
            for (var x = x0; x < x1; x++)
            {
                var px = Math.Clamp((int)((x + 0.5 - left) / sx), 0, picture.Width - 1);
                if (!picture.IsOpaque(px, py))
                {
                    continue;
                }

                var s = ((py * picture.Width) + px) * 3;
                Set(x, y, Shade(picture.Rgb[s], brightness), Shade(picture.Rgb[s + 1], brightness), Shade(picture.Rgb[s + 2], brightness));
            }
        }
    }

    /// <summary>Draws text in Doom's small font (STCFN lumps) at a place of the 320x200 screen.</summary>
    public void Text(DoomGraphics graphics, string text, double x320, double y200)
    {
        var x = x320;
        foreach (var c in text.ToUpperInvariant())
        {
            var name = $"STCFN{(int)c:D3}";
            if (c == ' ' || !graphics.HasPatch(name))
            {
                x += 4;
                continue;
            }

            var glyph = graphics.Patch(name);
            Blit(glyph, x, y200, useOffsets: false);
            x += glyph.Width;
        }
    }

    public void CopyTo(FrameBuffer other) => Bgr.CopyTo(other.Bgr, 0);

    public FrameBuffer Clone()
    {
        var copy = new FrameBuffer(Width, Height);
        CopyTo(copy);
        return copy;
    }

    public Mat ToMat()
    {
        var mat = new Mat(Height, Width, MatType.CV_8UC3);
        Bgr.CopyTo(mat.AsSpan<byte>());
        return mat;
    }

    public static byte Shade(byte value, double brightness) => (byte)Math.Clamp((int)((value * brightness) + 0.5), 0, 255);
}
