using OpenCvSharp;
using CvScalar = OpenCvSharp.Scalar;

namespace RlGameTester.Bench.Frames;

/// <summary>
/// The baseline: the frame checks' pixel work written as one flat OpenCvSharp loop, with the same Cv2 calls on the
/// same buffers and the same per-cell arithmetic, but none of the engine's structure (options, measurement object,
/// ranges, findings, thumbnails).
/// </summary>
internal sealed class PlainLoop : IDisposable
{
    private readonly Mat small = new(), lit = new(), flat = new(), eroded = new(), grayF = new(), graySq = new(), cellMean = new(), cellSq = new();
    private readonly Mat dx = new(), dy = new(), dxF = new(), dyF = new(), cellDx = new(), cellDy = new(), localMax = new(), localMin = new();
    private readonly Mat cellMax = new(), cellMin = new(), delta = new(), changed = new(), cellChanged = new(), delta2 = new(), tile = new(), labels = new(), stats = new(), centroids = new();
    private readonly Mat solid = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));
    private readonly Mat cellKernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(8, 8));
    private readonly int[] histogram = new int[1 << 15];
    private Mat gray = new(), previous = new(), beforePrevious = new();
    private int history;
    private int flatB, flatG, flatR;
    private bool flatLast;

    /// <summary>Checksum of the statistics, so nothing is optimised away.</summary>
    public double Sink { get; private set; }

    public void Process(Mat frame)
    {
        var width = frame.Width;
        var viewRows = frame.Height - (int)Math.Round(frame.Height * 32.0 / 200.0);
        var factor = Math.Max(1, width / 160);
        var aw = width / factor;
        var ah = viewRows / factor;
        var cellTop = ((ah + 1) / 2) % 8;
        var grid = new Size((aw - 1) / 8, (ah - 1 - cellTop) / 8);
        var cellRect = new Rect(0, cellTop, grid.Width * 8, grid.Height * 8);
        var pixels = (double)(aw * ah);

        using (var view = new Mat(frame, new Rect(0, 0, aw * factor, ah * factor)))
        {
            Cv2.Resize(view, small, new Size(aw, ah), 0, 0, InterpolationFlags.Area);
        }

        Cv2.CvtColor(small, gray, ColorConversionCodes.BGR2GRAY);
        var meanLuma = Cv2.Mean(gray).Val0;
        Cv2.Threshold(gray, lit, 16, 255, ThresholdTypes.Binary);
        var litFraction = Cv2.CountNonZero(lit) / pixels;
        if (litFraction <= 0.003)
        {
            // A dark view: its faint shades tell a dark area from one exact black.
            Cv2.Threshold(gray, lit, 2, 255, ThresholdTypes.Binary);
            litFraction += Cv2.CountNonZero(lit) / pixels;
        }

        var bgr = small.AsSpan<byte>();
        int modeKey = 0, modeCount = 0;
        for (var i = 0; i + 2 < bgr.Length; i += 3)
        {
            var key = ((bgr[i] >> 3) << 10) | ((bgr[i + 1] >> 3) << 5) | (bgr[i + 2] >> 3);
            var count = ++histogram[key];
            if (count > modeCount)
            {
                modeCount = count;
                modeKey = key;
            }
        }

        Array.Clear(histogram);
        long sumB = 0, sumG = 0, sumR = 0;
        for (var i = 0; i + 2 < bgr.Length; i += 3)
        {
            if ((((bgr[i] >> 3) << 10) | ((bgr[i + 1] >> 3) << 5) | (bgr[i + 2] >> 3)) == modeKey)
            {
                sumB += bgr[i];
                sumG += bgr[i + 1];
                sumR += bgr[i + 2];
            }
        }

        var b = (int)Math.Round(sumB / (double)modeCount);
        var g = (int)Math.Round(sumG / (double)modeCount);
        var r = (int)Math.Round(sumR / (double)modeCount);
        Cv2.InRange(small, new CvScalar(b - 3, g - 3, r - 3), new CvScalar(b + 3, g + 3, r + 3), flat);
        var inRange = Cv2.CountNonZero(flat);
        var modeFraction = inRange / pixels;
        var modeLuma = (0.299 * r) + (0.587 * g) + (0.114 * b);
        var solidity = 0.0;
        if (modeFraction >= 0.02 && modeFraction < 0.95 && modeLuma >= 24)
        {
            Cv2.Erode(flat, eroded, solid);
            solidity = Cv2.CountNonZero(eroded) / (double)inRange;
        }

        // A flat colour that lasts from the previous frame: its patches are counted (the engine's clear-colour rule).
        var lasts = solidity >= 0.5 && flatLast && Math.Abs(b - flatB) <= 3 && Math.Abs(g - flatG) <= 3 && Math.Abs(r - flatR) <= 3;
        (flatLast, flatB, flatG, flatR) = (solidity >= 0.5, b, g, r);
        if (lasts)
        {
            var patches = Cv2.ConnectedComponentsWithStats(flat, labels, stats, centroids, PixelConnectivity.Connectivity8);
            var largest = 0;
            for (var i = 1; i < patches; i++)
            {
                largest = Math.Max(largest, stats.At<int>(i, (int)ConnectedComponentsTypes.Area));
            }

            solidity += largest / (double)inRange;
        }

        using (var cells = new Mat(gray, cellRect))
        using (var right = new Mat(gray, new Rect(1, cellTop, cellRect.Width, cellRect.Height)))
        using (var below = new Mat(gray, new Rect(0, cellTop + 1, cellRect.Width, cellRect.Height)))
        {
            cells.ConvertTo(grayF, MatType.CV_32F);
            Cv2.Multiply(grayF, grayF, graySq);
            Cv2.Resize(grayF, cellMean, grid, 0, 0, InterpolationFlags.Area);
            Cv2.Resize(graySq, cellSq, grid, 0, 0, InterpolationFlags.Area);
            Cv2.Absdiff(cells, right, dx);
            Cv2.Absdiff(cells, below, dy);
            dx.ConvertTo(dxF, MatType.CV_32F);
            dy.ConvertTo(dyF, MatType.CV_32F);
            Cv2.Resize(dxF, cellDx, grid, 0, 0, InterpolationFlags.Area);
            Cv2.Resize(dyF, cellDy, grid, 0, 0, InterpolationFlags.Area);
            Cv2.Dilate(cells, localMax, cellKernel, new Point(0, 0));
            Cv2.Erode(cells, localMin, cellKernel, new Point(0, 0));
            Cv2.Resize(localMax, cellMax, grid, 0, 0, InterpolationFlags.Nearest);
            Cv2.Resize(localMin, cellMin, grid, 0, 0, InterpolationFlags.Nearest);
        }

        // A story screen's tiled flat: the view against itself one 64-pixel flat (of 320) to the right.
        var tiledFraction = 0.0;
        var period = 64 * width / 320 / factor;
        if (period * 320 * factor == 64 * width && Cv2.Mean(dx).Val0 >= 2)
        {
            using var left = new Mat(gray, new Rect(0, 0, aw - period, ah));
            using var shifted = new Mat(gray, new Rect(period, 0, aw - period, ah));
            Cv2.Absdiff(left, shifted, tile);
            Cv2.Threshold(tile, tile, 8, 255, ThresholdTypes.BinaryInv);
            tiledFraction = Cv2.CountNonZero(tile) / (double)((aw - period) * ah);
        }

        double meanDelta = 0, meanDelta2 = 0, changedFraction = 0;
        if (history >= 1)
        {
            Cv2.Absdiff(gray, previous, delta);
            meanDelta = Cv2.Mean(delta).Val0;
            Cv2.Threshold(delta, changed, 3, 1, ThresholdTypes.Binary);
            changedFraction = Cv2.CountNonZero(changed) / pixels;
            using (var changedCells = new Mat(changed, cellRect))
            {
                changedCells.ConvertTo(grayF, MatType.CV_32F);
            }

            Cv2.Resize(grayF, cellChanged, grid, 0, 0, InterpolationFlags.Area);
            if (history >= 2)
            {
                Cv2.Absdiff(gray, beforePrevious, delta2);
                meanDelta2 = Cv2.Mean(delta2).Val0;
            }
        }

        // The same per-cell arithmetic as the checks: spread, contrast, roughness, staleness.
        var mean = cellMean.AsSpan<float>();
        var sq = cellSq.AsSpan<float>();
        var max = cellMax.AsSpan<byte>();
        var min = cellMin.AsSpan<byte>();
        var mdx = cellDx.AsSpan<float>();
        var mdy = cellDy.AsSpan<float>();
        var moved = history >= 1 ? cellChanged.AsSpan<float>() : [];
        int textured = 0, moving = 0, stale = 0, checker = 0, noise = 0;
        for (var i = 0; i < grid.Width * grid.Height; i++)
        {
            var std = MathF.Sqrt(MathF.Max(0, sq[i] - (mean[i] * mean[i])));
            float range = max[i] - min[i];
            if (std >= 6)
            {
                textured++;
                var c = moved.IsEmpty ? 0 : moved[i];
                if (c >= 0.25f)
                {
                    moving++;
                }
                else if (c == 0)
                {
                    stale++;
                }
            }

            if (range >= 48 && 2 * std >= 0.85f * range && mdx[i] >= 0.1f * range && mdy[i] >= 0.1f * range)
            {
                checker++;
            }
            else if (std >= 16 && mdx[i] + mdy[i] >= 1.4f * std && MathF.Min(mdx[i], mdy[i]) >= 0.4f * std)
            {
                noise++;
            }
        }

        Sink += tiledFraction + litFraction + modeFraction + solidity + meanDelta + meanDelta2 + changedFraction + meanLuma + textured + moving + stale + checker + noise;
        (beforePrevious, previous, gray) = (previous, gray, beforePrevious);
        history = Math.Min(2, history + 1);
    }

    public void Dispose()
    {
        foreach (var mat in new[]
                 {
                     small, lit, flat, eroded, grayF, graySq, cellMean, cellSq, dx, dy, dxF, dyF, cellDx, cellDy, localMax, localMin, cellMax,
                     cellMin, delta, changed, cellChanged, delta2, solid, cellKernel, gray, previous, beforePrevious, tile, labels, stats, centroids,
                 })
        {
            mat.Dispose();
        }
    }
}
