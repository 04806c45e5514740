using OpenCvSharp;
using CvScalar = OpenCvSharp.Scalar;

namespace RlGameTester.Analysis.Rendering;

/// <summary>The symbols images share between the map and the legend, so both look the same.</summary>
internal static class Shapes
{
    /// <summary>A key: a filled diamond in its colour with a white rim.</summary>
    public static void Key(Mat canvas, Point centre, int size, CvScalar colour)
    {
        Point[] diamond = [new(centre.X, centre.Y - size), new(centre.X + size, centre.Y), new(centre.X, centre.Y + size), new(centre.X - size, centre.Y)];
        Cv2.FillConvexPoly(canvas, diamond, colour, LineTypes.Link8);
        Cv2.Polylines(canvas, [diamond], true, MapPalette.Text, 1, LineTypes.AntiAlias);
        Cv2.Circle(canvas, centre, Math.Max(1, size / 3), colour, -1, LineTypes.Link8);
    }

    /// <summary>A finding of the run: a filled disc with a black rim.</summary>
    public static void Marker(Mat canvas, Point centre, int radius, CvScalar colour)
    {
        Cv2.Circle(canvas, centre, radius + 2, MapPalette.Outline, -1, LineTypes.AntiAlias);
        Cv2.Circle(canvas, centre, radius, colour, -1, LineTypes.AntiAlias);
    }

    /// <summary>A finding of the level (static check): a hollow square.</summary>
    public static void HollowMarker(Mat canvas, Point centre, int half, CvScalar colour)
    {
        var box = new Rect(centre.X - half, centre.Y - half, (2 * half) + 1, (2 * half) + 1);
        Cv2.Rectangle(canvas, box, MapPalette.Outline, 4);
        Cv2.Rectangle(canvas, box, colour, 2);
    }

    /// <summary>Text with a dark outline, readable over any part of the map.</summary>
    /// <summary>The size of a <see cref="Label"/> at the default scale, outline included.</summary>
    public static Size LabelSize(string text, double scale = 0.45)
    {
        var size = Cv2.GetTextSize(text, HersheyFonts.HersheySimplex, scale, 3, out _);
        return new Size(size.Width, size.Height);
    }

    public static void Label(Mat canvas, string text, Point origin, double scale = 0.45)
    {
        Cv2.PutText(canvas, text, origin, HersheyFonts.HersheySimplex, scale, MapPalette.Outline, 3, LineTypes.AntiAlias);
        Cv2.PutText(canvas, text, origin, HersheyFonts.HersheySimplex, scale, MapPalette.Text, 1, LineTypes.AntiAlias);
    }
}
