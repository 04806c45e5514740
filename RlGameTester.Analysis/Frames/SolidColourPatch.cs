using OpenCvSharp;
using CvScalar = OpenCvSharp.Scalar;

namespace RlGameTester.Analysis.Frames;

/// <summary>
/// The clear-colour candidate of a view: the colour that covers the most <em>solid</em> pixels (a pixel whose 3x3
/// neighbourhood is that one colour within the tolerance). A hole the renderer left undrawn and cleared is solid
/// throughout; the view's most frequent colour is often a textured floor or a dim shade, which outnumbered small holes.
/// Owns its buffers; one per stream of frames, not thread-safe.
/// </summary>
internal sealed class SolidColourPatch : IDisposable
{
    private const int HistogramBits = 5;
    private const int MinPatchPixels = 9;

    private readonly int _tolerance;
    private readonly Mat _min = new();
    private readonly Mat _max = new();
    private readonly Mat _range = new();
    private readonly Mat _solid = new();
    private readonly Mat _mask = new();
    private readonly Mat _eroded = new();
    private readonly Mat _labels = new();
    private readonly Mat _stats = new();
    private readonly Mat _centroids = new();
    private readonly Mat _patch = new();
    private readonly Mat _kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));
    private readonly int[] _histogram = new int[1 << (3 * HistogramBits)];

    /// <param name="tolerance">Per-channel tolerance around a colour for pixels to count as that one colour.</param>
    public SolidColourPatch(int tolerance) => _tolerance = tolerance;

    /// <summary>Share of the view within the tolerance of the candidate colour (0 when no pixel is solid).</summary>
    public double Fraction { get; private set; }

    /// <summary>The candidate colour as 0xRRGGBB.</summary>
    public int Colour { get; private set; }

    public double Luma { get; private set; }

    /// <summary>Share of the colour's area that survives a 3x3 erosion.</summary>
    public double Solidity { get; private set; }

    /// <summary>Finds the candidate colour of a small BGR view and the area within the tolerance of it.</summary>
    public void Measure(Mat bgr)
    {
        // Per channel, the range over each pixel's 3x3 neighbourhood: solid where every channel's range is within the tolerance.
        Cv2.Erode(bgr, _min, _kernel);
        Cv2.Dilate(bgr, _max, _kernel);
        Cv2.Absdiff(_max, _min, _range);
        var t = _tolerance;
        Cv2.InRange(_range, new CvScalar(0, 0, 0), new CvScalar(t, t, t), _solid);

        var pixels = bgr.AsSpan<byte>();
        var solid = _solid.AsSpan<byte>();
        var counts = _histogram;
        int modeKey = -1, modeCount = 0;
        for (var p = 0; p < solid.Length; p++)
        {
            if (solid[p] == 0)
            {
                continue;
            }

            var i = 3 * p;
            var key = Key(pixels[i], pixels[i + 1], pixels[i + 2]);
            var count = ++counts[key];
            if (count > modeCount)
            {
                (modeCount, modeKey) = (count, key);
            }
        }

        Array.Clear(counts);
        if (modeKey < 0)
        {
            (Fraction, Colour, Luma, Solidity) = (0, 0, 0, 0);
            return;
        }

        long sumB = 0, sumG = 0, sumR = 0;
        for (var p = 0; p < solid.Length; p++)
        {
            var i = 3 * p;
            if (solid[p] != 0 && Key(pixels[i], pixels[i + 1], pixels[i + 2]) == modeKey)
            {
                (sumB, sumG, sumR) = (sumB + pixels[i], sumG + pixels[i + 1], sumR + pixels[i + 2]);
            }
        }

        var b = (int)Math.Round(sumB / (double)modeCount);
        var g = (int)Math.Round(sumG / (double)modeCount);
        var r = (int)Math.Round(sumR / (double)modeCount);
        Cv2.InRange(bgr, new CvScalar(b - t, g - t, r - t), new CvScalar(b + t, g + t, r + t), _mask);
        var inRange = Cv2.CountNonZero(_mask);
        Fraction = inRange / (double)solid.Length;
        Colour = (r << 16) | (g << 8) | b;
        Luma = (0.299 * r) + (0.587 * g) + (0.114 * b);
        Cv2.Erode(_mask, _eroded, _kernel);
        Solidity = inRange == 0 ? 0 : Cv2.CountNonZero(_eroded) / (double)inRange;
    }

    /// <summary>Share of the candidate colour's pixels in its largest connected patch (after <see cref="Inspect"/>).</summary>
    public double LargestShare { get; private set; }

    /// <summary>The largest patch's area over its convex hull's (after <see cref="Inspect"/>).</summary>
    public double Convexity { get; private set; }

    /// <summary>
    /// The shape of the candidate colour's largest connected patch, measured on demand for the few frames that could be
    /// a fill: how much of the colour it holds (a cleared hole is one piece, a lit texture's colour shows in many
    /// patches), how convex it is (a hole is a wall's outline, a trapezoid; a plain area of a texture close up has the
    /// texture's other colours cut into it: letters, drips, edges).
    /// </summary>
    public void Inspect()
    {
        var count = Cv2.ConnectedComponentsWithStats(_mask, _labels, _stats, _centroids, PixelConnectivity.Connectivity8);
        int largest = 0, total = 0, label = 0;
        for (var i = 1; i < count; i++)
        {
            // Specks under a 3x3 block are a texture's single pixels of that shade, not patches of the colour.
            var area = _stats.At<int>(i, (int)ConnectedComponentsTypes.Area);
            total += area >= MinPatchPixels ? area : 0;
            if (area > largest)
            {
                (largest, label) = (area, i);
            }
        }

        LargestShare = total == 0 ? 0 : largest / (double)total;
        if (label == 0)
        {
            Convexity = 0;
            return;
        }

        Cv2.Compare(_labels, new CvScalar(label), _patch, CmpTypes.EQ);
        Cv2.FindContours(_patch, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        var outline = contours.MaxBy(c => c.Length) ?? [];
        var hull = Cv2.ConvexHull(outline);
        var hullArea = hull.Length >= 3 ? Cv2.ContourArea(hull) : 0;
        // Pixels, not the outline's polygon: holes inside the patch (a texture's letters) count against it.
        Convexity = hullArea <= 0 ? 0 : Math.Min(1, largest / (hullArea + (Cv2.ArcLength(hull, true) / 2) + 1));
    }

    public void Dispose()
    {
        foreach (var mat in new[] { _min, _max, _range, _solid, _mask, _eroded, _labels, _stats, _centroids, _patch, _kernel })
        {
            mat.Dispose();
        }
    }

    private static int Key(byte b, byte g, byte r) => ((b >> 3) << 10) | ((g >> 3) << 5) | (r >> 3);
}
