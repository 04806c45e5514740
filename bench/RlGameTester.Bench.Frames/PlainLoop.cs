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
    private readonly Mat _small = new(), _lit = new(), _flat = new(), _eroded = new(), _grayF = new(), _graySq = new(), _cellMean = new(), _cellSq = new();
    private readonly Mat _dx = new(), _dy = new(), _dxF = new(), _dyF = new(), _cellDx = new(), _cellDy = new(), _localMax = new(), _localMin = new();
    private readonly Mat _cellMax = new(), _cellMin = new(), _delta = new(), _changed = new(), _cellChanged = new(), _delta2 = new(), _tile = new(), _labels = new(), _stats = new(), _centroids = new();
    private readonly Mat _min3 = new(), _max3 = new(), _range3 = new(), _solidMask = new(), _ycc = new(), _cdx = new(), _cdy = new(), _cF = new(), _cellC = new();
    private readonly Mat _diag = new(), _diagF = new(), _cellDiag = new(), _cellAnti = new();
    private readonly Mat _solid = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));
    private readonly Mat _cellKernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(8, 8));
    private readonly int[] _histogram = new int[1 << 15];
    private Mat _gray = new(), _previous = new(), _beforePrevious = new();
    private int _history;
    private int _flatB, _flatG, _flatR;
    private bool _flatLast;

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
            Cv2.Resize(view, _small, new Size(aw, ah), 0, 0, InterpolationFlags.Area);
        }

        Cv2.CvtColor(_small, _gray, ColorConversionCodes.BGR2GRAY);
        var meanLuma = Cv2.Mean(_gray).Val0;
        Cv2.Threshold(_gray, _lit, 16, 255, ThresholdTypes.Binary);
        var litFraction = Cv2.CountNonZero(_lit) / pixels;
        if (litFraction <= 0.003)
        {
            // A dark view: its faint shades tell a dark area from one exact black.
            Cv2.Threshold(_gray, _lit, 2, 255, ThresholdTypes.Binary);
            litFraction += Cv2.CountNonZero(_lit) / pixels;
        }

        var bgr = _small.AsSpan<byte>();
        int modeKey = 0, modeCount = 0;
        for (var i = 0; i + 2 < bgr.Length; i += 3)
        {
            var key = ((bgr[i] >> 3) << 10) | ((bgr[i + 1] >> 3) << 5) | (bgr[i + 2] >> 3);
            var count = ++_histogram[key];
            if (count > modeCount)
            {
                modeCount = count;
                modeKey = key;
            }
        }

        Array.Clear(_histogram);
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
        Cv2.InRange(_small, new CvScalar(b - 3, g - 3, r - 3), new CvScalar(b + 3, g + 3, r + 3), _flat);
        var modeFraction = Cv2.CountNonZero(_flat) / pixels;

        // The clear-colour candidate: the colour of the most solid pixels (3x3 of one colour), its area and solidity.
        Cv2.Erode(_small, _min3, _solid);
        Cv2.Dilate(_small, _max3, _solid);
        Cv2.Absdiff(_max3, _min3, _range3);
        Cv2.InRange(_range3, new CvScalar(0, 0, 0), new CvScalar(3, 3, 3), _solidMask);
        var solidPixels = _solidMask.AsSpan<byte>();
        (modeKey, modeCount) = (-1, 0);
        for (var p = 0; p < solidPixels.Length; p++)
        {
            if (solidPixels[p] != 0)
            {
                var i = 3 * p;
                var count = ++_histogram[((bgr[i] >> 3) << 10) | ((bgr[i + 1] >> 3) << 5) | (bgr[i + 2] >> 3)];
                if (count > modeCount)
                {
                    (modeCount, modeKey) = (count, ((bgr[i] >> 3) << 10) | ((bgr[i + 1] >> 3) << 5) | (bgr[i + 2] >> 3));
                }
            }
        }

        Array.Clear(_histogram);
        (sumB, sumG, sumR) = (0, 0, 0);
        for (var p = 0; p < solidPixels.Length && modeKey >= 0; p++)
        {
            var i = 3 * p;
            if (solidPixels[p] != 0 && (((bgr[i] >> 3) << 10) | ((bgr[i + 1] >> 3) << 5) | (bgr[i + 2] >> 3)) == modeKey)
            {
                (sumB, sumG, sumR) = (sumB + bgr[i], sumG + bgr[i + 1], sumR + bgr[i + 2]);
            }
        }

        (b, g, r) = modeCount == 0 ? (0, 0, 0)
            : ((int)Math.Round(sumB / (double)modeCount), (int)Math.Round(sumG / (double)modeCount), (int)Math.Round(sumR / (double)modeCount));
        Cv2.InRange(_small, new CvScalar(b - 3, g - 3, r - 3), new CvScalar(b + 3, g + 3, r + 3), _flat);
        var inRange = Cv2.CountNonZero(_flat);
        var flatLuma = (0.299 * r) + (0.587 * g) + (0.114 * b);
        Cv2.Erode(_flat, _eroded, _solid);
        var solidity = inRange == 0 ? 0 : Cv2.CountNonZero(_eroded) / (double)inRange;
        solidity += inRange / pixels >= 0.02 && flatLuma >= 32 ? 0 : 1;

        // A flat colour that lasts from the previous frame: its patches are counted (the engine's clear-colour rule).
        var lasts = solidity >= 0.5 && _flatLast && Math.Abs(b - _flatB) <= 3 && Math.Abs(g - _flatG) <= 3 && Math.Abs(r - _flatR) <= 3;
        (_flatLast, _flatB, _flatG, _flatR) = (solidity >= 0.5, b, g, r);
        if (lasts)
        {
            var patches = Cv2.ConnectedComponentsWithStats(_flat, _labels, _stats, _centroids, PixelConnectivity.Connectivity8);
            var largest = 0;
            for (var i = 1; i < patches; i++)
            {
                largest = Math.Max(largest, _stats.At<int>(i, (int)ConnectedComponentsTypes.Area));
            }

            solidity += largest / (double)inRange;
        }

        using (var cells = new Mat(_gray, cellRect))
        using (var right = new Mat(_gray, new Rect(1, cellTop, cellRect.Width, cellRect.Height)))
        using (var below = new Mat(_gray, new Rect(0, cellTop + 1, cellRect.Width, cellRect.Height)))
        {
            cells.ConvertTo(_grayF, MatType.CV_32F);
            Cv2.Multiply(_grayF, _grayF, _graySq);
            Cv2.Resize(_grayF, _cellMean, grid, 0, 0, InterpolationFlags.Area);
            Cv2.Resize(_graySq, _cellSq, grid, 0, 0, InterpolationFlags.Area);
            Cv2.Absdiff(cells, right, _dx);
            Cv2.Absdiff(cells, below, _dy);
            _dx.ConvertTo(_dxF, MatType.CV_32F);
            _dy.ConvertTo(_dyF, MatType.CV_32F);
            Cv2.Resize(_dxF, _cellDx, grid, 0, 0, InterpolationFlags.Area);
            Cv2.Resize(_dyF, _cellDy, grid, 0, 0, InterpolationFlags.Area);
            Cv2.Dilate(cells, _localMax, _cellKernel, new Point(0, 0));
            Cv2.Erode(cells, _localMin, _cellKernel, new Point(0, 0));
            Cv2.Resize(_localMax, _cellMax, grid, 0, 0, InterpolationFlags.Nearest);
            Cv2.Resize(_localMin, _cellMin, grid, 0, 0, InterpolationFlags.Nearest);
            using var belowRight = new Mat(_gray, new Rect(1, cellTop + 1, cellRect.Width, cellRect.Height));
            Cv2.Absdiff(cells, belowRight, _diag);
            _diag.ConvertTo(_diagF, MatType.CV_32F);
            Cv2.Resize(_diagF, _cellDiag, grid, 0, 0, InterpolationFlags.Area);
            Cv2.Absdiff(right, below, _diag);
            _diag.ConvertTo(_diagF, MatType.CV_32F);
            Cv2.Resize(_diagF, _cellAnti, grid, 0, 0, InterpolationFlags.Area);
        }

        // Colour roughness per cell: Cr and Cb neighbour differences.
        Cv2.CvtColor(_small, _ycc, ColorConversionCodes.BGR2YCrCb);
        using (var cells = new Mat(_ycc, cellRect))
        using (var right = new Mat(_ycc, new Rect(1, cellTop, cellRect.Width, cellRect.Height)))
        using (var below = new Mat(_ycc, new Rect(0, cellTop + 1, cellRect.Width, cellRect.Height)))
        {
            Cv2.Absdiff(cells, right, _cdx);
            Cv2.Absdiff(cells, below, _cdy);
            Cv2.Add(_cdx, _cdy, _cF, null, MatType.CV_32FC3.Value);
            Cv2.Resize(_cF, _cellC, grid, 0, 0, InterpolationFlags.Area);
        }

        // A story screen's tiled flat: the view against itself one 64-pixel flat (of 320) to the right.
        var tiledFraction = 0.0;
        var period = 64 * width / 320 / factor;
        if (period * 320 * factor == 64 * width && Cv2.Mean(_dx).Val0 >= 2)
        {
            using var left = new Mat(_gray, new Rect(0, 0, aw - period, ah));
            using var shifted = new Mat(_gray, new Rect(period, 0, aw - period, ah));
            Cv2.Absdiff(left, shifted, _tile);
            Cv2.Threshold(_tile, _tile, 8, 255, ThresholdTypes.BinaryInv);
            tiledFraction = Cv2.CountNonZero(_tile) / (double)((aw - period) * ah);
        }

        double meanDelta = 0, meanDelta2 = 0, changedFraction = 0;
        if (_history >= 1)
        {
            Cv2.Absdiff(_gray, _previous, _delta);
            meanDelta = Cv2.Mean(_delta).Val0;
            Cv2.Threshold(_delta, _changed, 3, 1, ThresholdTypes.Binary);
            changedFraction = Cv2.CountNonZero(_changed) / pixels;
            using (var changedCells = new Mat(_changed, cellRect))
            {
                changedCells.ConvertTo(_grayF, MatType.CV_32F);
            }

            Cv2.Resize(_grayF, _cellChanged, grid, 0, 0, InterpolationFlags.Area);
            if (_history >= 2)
            {
                Cv2.Absdiff(_gray, _beforePrevious, _delta2);
                meanDelta2 = Cv2.Mean(_delta2).Val0;
            }
        }

        // The same per-cell arithmetic as the checks: spread, contrast, roughness, staleness.
        var mean = _cellMean.AsSpan<float>();
        var sq = _cellSq.AsSpan<float>();
        var max = _cellMax.AsSpan<byte>();
        var min = _cellMin.AsSpan<byte>();
        var mdx = _cellDx.AsSpan<float>();
        var mdy = _cellDy.AsSpan<float>();
        var moved = _history >= 1 ? _cellChanged.AsSpan<float>() : [];
        var chroma = _cellC.AsSpan<float>();
        var diagonal = _cellDiag.AsSpan<float>();
        var anti = _cellAnti.AsSpan<float>();
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

            if (range >= 48 && 2 * std >= 0.85f * range && mdx[i] >= 0.1f * range && mdy[i] >= 0.1f * range
                && MathF.Min(diagonal[i], anti[i]) >= 0.6f * MathF.Max(diagonal[i], anti[i]))
            {
                checker++;
            }
            else if (std >= 16 && mdx[i] + mdy[i] >= 1.4f * std && MathF.Min(mdx[i], mdy[i]) >= 0.4f * std
                && (chroma[(3 * i) + 1] + chroma[(3 * i) + 2]) / 2 >= 0.5f * (mdx[i] + mdy[i]) / 2)
            {
                noise++;
            }
        }

        Sink += tiledFraction + litFraction + modeFraction + solidity + meanDelta + meanDelta2 + changedFraction + meanLuma + textured + moving + stale + checker + noise;
        (_beforePrevious, _previous, _gray) = (_previous, _gray, _beforePrevious);
        _history = Math.Min(2, _history + 1);
    }

    public void Dispose()
    {
        foreach (var mat in new[]
                 {
                     _small, _lit, _flat, _eroded, _grayF, _graySq, _cellMean, _cellSq, _dx, _dy, _dxF, _dyF, _cellDx, _cellDy, _localMax, _localMin, _cellMax,
                     _cellMin, _delta, _changed, _cellChanged, _delta2, _solid, _cellKernel, _gray, _previous, _beforePrevious, _tile, _labels, _stats, _centroids,
                     _min3, _max3, _range3, _solidMask, _ycc, _cdx, _cdy, _cF, _cellC, _diag, _diagF, _cellAnti, _cellDiag,
                 })
        {
            mat.Dispose();
        }
    }
}
