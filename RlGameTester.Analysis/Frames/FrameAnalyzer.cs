using OpenCvSharp;
using CvScalar = OpenCvSharp.Scalar;

namespace RlGameTester.Analysis.Frames;

/// <summary>
/// The pixel work of the frame checks: downscales the view (the frame above the status bar) once by a whole factor,
/// then takes every statistic on that small picture with buffers reused from frame to frame. Keeps the two previous
/// small pictures for the temporal checks and nothing else. Not thread-safe: one per stream of frames.
/// </summary>
internal sealed class FrameAnalyzer : IDisposable
{
    private const int HistogramBits = 5;

    private readonly FrameCheckOptions _options;
    private readonly Mat _converted = new();
    private readonly Mat _small = new();
    private readonly Mat _lit = new();
    private readonly Mat _statusGray = new();
    private readonly Mat _grayF = new();
    private readonly Mat _graySq = new();
    private readonly Mat _cellMean = new();
    private readonly Mat _cellSq = new();
    private readonly Mat _dx = new();
    private readonly Mat _dy = new();
    private readonly Mat _dxF = new();
    private readonly Mat _dyF = new();
    private readonly Mat _cellDx = new();
    private readonly Mat _cellDy = new();
    private readonly Mat _localMax = new();
    private readonly Mat _localMin = new();
    private readonly Mat _cellMax = new();
    private readonly Mat _cellMin = new();
    private readonly Mat _delta = new();
    private readonly Mat _changed = new();
    private readonly Mat _cellChanged = new();
    private readonly Mat _delta2 = new();
    private readonly Mat _tileDelta = new();
    private readonly Mat _chroma = new();
    private readonly Mat _diagonal = new();
    private readonly Mat _diagonalF = new();
    private readonly Mat _cellDiagonal = new();
    private readonly Mat _cellAntiDiagonal = new();
    private readonly Mat _chromaDx = new();
    private readonly Mat _chromaDy = new();
    private readonly Mat _chromaF = new();
    private readonly Mat _cellChroma = new();
    private readonly Mat _flat = new();
    private readonly SolidColourPatch _patch;
    private readonly int[] _histogram = new int[1 << (3 * HistogramBits)];
    private Mat _cellKernel = new();
    private Mat _gray = new();
    private Mat _previous = new();
    private Mat _beforePrevious = new();
    private int _history;
    private int _frameWidth = -1;
    private int _frameHeight = -1;
    private int _viewRows;
    private int _factor;
    private int _tilePeriod;
    private Size _analysisSize;
    private Rect _viewRect;
    private Rect _cellRect;
    private Size _cellGrid;

    public FrameAnalyzer(FrameCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _patch = new SolidColourPatch(options.UniformTolerance);
    }

    public FrameMeasurement Measurement { get; } = new();

    /// <summary>The current view's clear-colour candidate: the colour covering the most solid pixels.</summary>
    public SolidColourPatch Patch => _patch;

    /// <summary>The current frame as 8-bit BGR (the caller's Mat, or a converted copy); valid until the next call.</summary>
    public Mat Source { get; private set; } = new();

    /// <summary>Forgets the previous frames: the next frame starts a new stream.</summary>
    public void Reset() => _history = 0;

    /// <summary>Measures one frame (8-bit BGR, BGRA or grey) and remembers it for the temporal statistics.</summary>
    /// <exception cref="ArgumentException">The frame is empty, of another pixel type, or too small to analyse.</exception>
    public FrameMeasurement Measure(Mat frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Source = ToBgr(frame);
        if (Source.Width != _frameWidth || Source.Height != _frameHeight)
        {
            Configure(Source.Width, Source.Height);
        }

        var m = Measurement;
        using (var view = new Mat(Source, _viewRect))
        {
            Cv2.Resize(view, _small, _analysisSize, 0, 0, InterpolationFlags.Area);
        }

        Cv2.CvtColor(_small, _gray, ColorConversionCodes.BGR2GRAY);
        var pixels = (double)(_analysisSize.Width * _analysisSize.Height);

        m.PreviousMeanLuma = m.MeanLuma;
        m.MeanLuma = Cv2.Mean(_gray).Val0;
        Cv2.Threshold(_gray, _lit, _options.BlackLevel, 255, ThresholdTypes.Binary);
        m.LitFraction = Cv2.CountNonZero(_lit) / pixels;
        var dark = m.LitFraction <= _options.BlackMaxLitFraction;
        m.StatusBarLitFraction = dark ? MeasureStatusBar() : double.NaN;
        if (dark)
        {
            Cv2.Threshold(_gray, _lit, _options.BlackNoiseLevel, 255, ThresholdTypes.Binary);
            m.ShadedFraction = Cv2.CountNonZero(_lit) / pixels;
        }
        else
        {
            m.ShadedFraction = double.NaN;
        }

        MeasureModeColour(m, pixels);
        MeasureCells(m);
        MeasureTiling(m);
        MeasureChange(m, pixels);

        // The newest picture becomes the previous one; the oldest buffer is overwritten next time.
        (_beforePrevious, _previous, _gray) = (_previous, _gray, _beforePrevious);
        _history = Math.Min(2, _history + 1);
        return m;
    }

    public void Dispose()
    {
        foreach (var mat in new[]
                 {
                     _converted, _small, _lit, _flat, _statusGray, _grayF, _graySq,
                     _cellMean, _cellSq, _dx, _dy, _dxF, _dyF, _cellDx, _cellDy, _localMax, _localMin, _cellMax, _cellMin, _delta, _changed,
                     _cellChanged, _delta2, _cellKernel, _gray, _previous, _beforePrevious, _tileDelta,
                     _chroma, _chromaDx, _chromaDy, _chromaF, _cellChroma, _diagonal, _diagonalF, _cellDiagonal, _cellAntiDiagonal,
                 })
        {
            mat.Dispose();
        }

        _patch.Dispose();
    }

    private Mat ToBgr(Mat frame)
    {
        if (frame.Empty())
        {
            throw new ArgumentException("The frame is empty.", nameof(frame));
        }

        var type = frame.Type();
        if (type == MatType.CV_8UC3)
        {
            return frame;
        }

        if (type == MatType.CV_8UC1)
        {
            Cv2.CvtColor(frame, _converted, ColorConversionCodes.GRAY2BGR);
            return _converted;
        }

        if (type == MatType.CV_8UC4)
        {
            Cv2.CvtColor(frame, _converted, ColorConversionCodes.BGRA2BGR);
            return _converted;
        }

        throw new ArgumentException($"Frames must be 8-bit BGR, BGRA or grey, not {type}.", nameof(frame));
    }

    /// <summary>Whether a frame of this size leaves a view of at least two cells each way once downscaled.</summary>
    public static bool CanMeasure(int width, int height, FrameCheckOptions options)
    {
        var factor = Factor(width, options);
        var least = (2 * options.CellSize) + 1;
        return width / factor >= least && ViewRows(height, options) / factor >= least;
    }

    private static int ViewRows(int height, FrameCheckOptions options) => height - (int)Math.Round(height * options.StatusBarFraction);

    private static int Factor(int width, FrameCheckOptions options) => Math.Max(1, width / options.AnalysisWidth);

    private void Configure(int width, int height)
    {
        var cell = _options.CellSize;
        if (!CanMeasure(width, height, _options))
        {
            throw new ArgumentException($"A {width}x{height} frame is too small to analyse with {cell}-pixel cells.", nameof(width));
        }

        _viewRows = ViewRows(height, _options);
        _factor = Factor(width, _options);
        var aw = width / _factor;
        var ah = _viewRows / _factor;

        _analysisSize = new Size(aw, ah);
        _viewRect = new Rect(0, 0, aw * _factor, ah * _factor);

        // Cells stop one pixel short of the right and bottom edges, so neighbour differences stay inside the picture,
        // and a row of cells starts at the horizon: the cells below it never hold sky, which stays still while the
        // player walks without turning (the sky is fixed to the view angle).
        var horizon = (ah + 1) / 2;
        var cellTop = horizon % cell;
        _cellGrid = new Size((aw - 1) / cell, (ah - 1 - cellTop) / cell);
        _cellRect = new Rect(0, cellTop, _cellGrid.Width * cell, _cellGrid.Height * cell);
        _cellKernel.Dispose();
        _cellKernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(cell, cell));

        var m = Measurement;
        m.Resize(_cellGrid.Width, _cellGrid.Height);
        for (var row = 0; row < _cellGrid.Height; row++)
        {
            for (var column = 0; column < _cellGrid.Width; column++)
            {
                var i = (row * _cellGrid.Width) + column;
                var centreX = ((column * cell) + (cell / 2.0)) / aw;
                var centreY = (cellTop + (row * cell) + (cell / 2.0)) / ah;
                m.CellBelowHorizon[i] = cellTop + (row * cell) >= horizon;
                m.CellInWeaponZone[i] = Math.Abs(centreX - 0.5) <= _options.WeaponZoneHalfWidth && centreY >= _options.WeaponZoneTop;
            }
        }

        // One 64-pixel flat of a 320-wide screen, in analysed pixels; 0 when that is no whole number (no tiling test).
        var period = 64.0 * width / 320 / _factor;
        _tilePeriod = Math.Abs(period - Math.Round(period)) < 0.01 && Math.Round(period) <= aw / 2 ? (int)Math.Round(period) : 0;

        _frameWidth = width;
        _frameHeight = height;
        _history = 0;
    }

    private double MeasureStatusBar()
    {
        if (_viewRows >= _frameHeight)
        {
            return double.NaN;
        }

        using var bar = new Mat(Source, new Rect(0, _viewRows, _frameWidth, _frameHeight - _viewRows));
        Cv2.CvtColor(bar, _statusGray, ColorConversionCodes.BGR2GRAY);
        Cv2.Threshold(_statusGray, _statusGray, _options.BlackLevel, 255, ThresholdTypes.Binary);
        return Cv2.CountNonZero(_statusGray) / (double)(_statusGray.Width * _statusGray.Height);
    }

    /// <summary>
    /// The most frequent colour (5 bits a channel), its exact mean, and how much of the view lies within the tolerance
    /// of it (a blank frame); then the clear-colour candidate, the colour of the most solid pixels.
    /// </summary>
    private void MeasureModeColour(FrameMeasurement m, double pixels)
    {
        var bgr = _small.AsSpan<byte>();
        var counts = _histogram;
        int modeKey = 0, modeCount = 0;
        for (var i = 0; i + 2 < bgr.Length; i += 3)
        {
            var key = ((bgr[i] >> 3) << 10) | ((bgr[i + 1] >> 3) << 5) | (bgr[i + 2] >> 3);
            var count = ++counts[key];
            if (count > modeCount)
            {
                modeCount = count;
                modeKey = key;
            }
        }

        Array.Clear(counts);
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
        var t = _options.UniformTolerance;
        Cv2.InRange(_small, new CvScalar(b - t, g - t, r - t), new CvScalar(b + t, g + t, r + t), _flat);
        var inRange = Cv2.CountNonZero(_flat);
        m.ModeFraction = inRange / pixels;
        m.ModeColour = (r << 16) | (g << 8) | b;
        m.ModeLuma = (0.299 * r) + (0.587 * g) + (0.114 * b);

        _patch.Measure(_small);
    }

    /// <summary>Per cell: standard deviation, range, and mean neighbour differences of the luminance.</summary>
    private void MeasureCells(FrameMeasurement m)
    {
        using var cells = new Mat(_gray, _cellRect);
        using var right = new Mat(_gray, new Rect(_cellRect.X + 1, _cellRect.Y, _cellRect.Width, _cellRect.Height));
        using var below = new Mat(_gray, new Rect(_cellRect.X, _cellRect.Y + 1, _cellRect.Width, _cellRect.Height));

        cells.ConvertTo(_grayF, MatType.CV_32F);
        Cv2.Multiply(_grayF, _grayF, _graySq);
        Cv2.Resize(_grayF, _cellMean, _cellGrid, 0, 0, InterpolationFlags.Area);
        Cv2.Resize(_graySq, _cellSq, _cellGrid, 0, 0, InterpolationFlags.Area);

        Cv2.Absdiff(cells, right, _dx);
        Cv2.Absdiff(cells, below, _dy);
        _dx.ConvertTo(_dxF, MatType.CV_32F);
        _dy.ConvertTo(_dyF, MatType.CV_32F);
        Cv2.Resize(_dxF, _cellDx, _cellGrid, 0, 0, InterpolationFlags.Area);
        Cv2.Resize(_dyF, _cellDy, _cellGrid, 0, 0, InterpolationFlags.Area);

        // With the kernel anchored at its corner, the pixel at a cell's corner holds the cell's max (min); nearest
        // resizing by the cell size samples exactly those corners.
        var corner = new Point(0, 0);
        Cv2.Dilate(cells, _localMax, _cellKernel, corner);
        Cv2.Erode(cells, _localMin, _cellKernel, corner);
        Cv2.Resize(_localMax, _cellMax, _cellGrid, 0, 0, InterpolationFlags.Nearest);
        Cv2.Resize(_localMin, _cellMin, _cellGrid, 0, 0, InterpolationFlags.Nearest);

        var mean = _cellMean.AsSpan<float>();
        var sq = _cellSq.AsSpan<float>();
        var max = _cellMax.AsSpan<byte>();
        var min = _cellMin.AsSpan<byte>();
        var meanDx = _cellDx.AsSpan<float>();
        var meanDy = _cellDy.AsSpan<float>();
        // The two diagonals: (x, y) against (x+1, y+1), and (x+1, y) against (x, y+1).
        using (var belowRight = new Mat(_gray, new Rect(_cellRect.X + 1, _cellRect.Y + 1, _cellRect.Width, _cellRect.Height)))
        {
            CellAverage(cells, belowRight, _cellDiagonal);
        }

        CellAverage(right, below, _cellAntiDiagonal);
        var diagonal = _cellDiagonal.AsSpan<float>();
        var antiDiagonal = _cellAntiDiagonal.AsSpan<float>();
        MeasureChroma();
        var chroma = _cellChroma.AsSpan<float>();
        for (var i = 0; i < m.CellCount; i++)
        {
            // Cr and Cb differences summed, averaged over both axes: comparable to (dx + dy) / 2 of the luma.
            m.CellChroma[i] = (chroma[(3 * i) + 1] + chroma[(3 * i) + 2]) / 2;
            m.CellDiagonal[i] = diagonal[i];
            m.CellAntiDiagonal[i] = antiDiagonal[i];
            m.CellMean[i] = mean[i];
            m.CellStd[i] = MathF.Sqrt(MathF.Max(0, sq[i] - (mean[i] * mean[i])));
            m.CellRange[i] = max[i] - min[i];
            m.CellDx[i] = meanDx[i];
            m.CellDy[i] = meanDy[i];
        }
    }

    /// <summary>Per cell, the mean absolute difference of two equally placed areas of the luma.</summary>
    private void CellAverage(Mat a, Mat b, Mat cellMeans)
    {
        Cv2.Absdiff(a, b, _diagonal);
        _diagonal.ConvertTo(_diagonalF, MatType.CV_32F);
        Cv2.Resize(_diagonalF, cellMeans, _cellGrid, 0, 0, InterpolationFlags.Area);
    }

    /// <summary>
    /// Per cell, the mean neighbour differences of the colour (Cr and Cb, both axes): random pixels change hue from
    /// pixel to pixel, while a lit texture, drawn from a few of the palette's colour ramps, varies mostly in brightness.
    /// </summary>
    private void MeasureChroma()
    {
        Cv2.CvtColor(_small, _chroma, ColorConversionCodes.BGR2YCrCb);
        using var cells = new Mat(_chroma, _cellRect);
        using var right = new Mat(_chroma, new Rect(_cellRect.X + 1, _cellRect.Y, _cellRect.Width, _cellRect.Height));
        using var below = new Mat(_chroma, new Rect(_cellRect.X, _cellRect.Y + 1, _cellRect.Width, _cellRect.Height));
        Cv2.Absdiff(cells, right, _chromaDx);
        Cv2.Absdiff(cells, below, _chromaDy);
        Cv2.Add(_chromaDx, _chromaDy, _chromaF, null, MatType.CV_32FC3.Value);
        Cv2.Resize(_chromaF, _cellChroma, _cellGrid, 0, 0, InterpolationFlags.Area);
    }

    /// <summary>How much of a textured view repeats one flat's width to the right (a story screen's tiled flat).</summary>
    private void MeasureTiling(FrameMeasurement m)
    {
        // dx holds the horizontal neighbour differences of the cells' area (MeasureCells).
        if (_tilePeriod == 0 || Cv2.Mean(_dx).Val0 < _options.TiledScreenMinRoughness)
        {
            m.TiledFraction = double.NaN;
            return;
        }

        var width = _analysisSize.Width - _tilePeriod;
        using (var left = new Mat(_gray, new Rect(0, 0, width, _analysisSize.Height)))
        using (var right = new Mat(_gray, new Rect(_tilePeriod, 0, width, _analysisSize.Height)))
        {
            Cv2.Absdiff(left, right, _tileDelta);
        }

        Cv2.Threshold(_tileDelta, _tileDelta, _options.TiledScreenTolerance, 255, ThresholdTypes.BinaryInv);
        m.TiledFraction = Cv2.CountNonZero(_tileDelta) / (double)(width * _analysisSize.Height);
    }

    private void MeasureChange(FrameMeasurement m, double pixels)
    {
        m.HasPrevious = _history >= 1;
        m.HasBeforePrevious = _history >= 2;
        if (!m.HasPrevious)
        {
            m.MeanDelta = m.MeanDelta2 = m.ChangedFraction = 0;
            Array.Clear(m.CellChanged);
            return;
        }

        Cv2.Absdiff(_gray, _previous, _delta);
        m.MeanDelta = Cv2.Mean(_delta).Val0;
        Cv2.Threshold(_delta, _changed, _options.ChangeTolerance, 1, ThresholdTypes.Binary);
        m.ChangedFraction = Cv2.CountNonZero(_changed) / pixels;
        using (var changedCells = new Mat(_changed, _cellRect))
        {
            changedCells.ConvertTo(_grayF, MatType.CV_32F);
        }

        Cv2.Resize(_grayF, _cellChanged, _cellGrid, 0, 0, InterpolationFlags.Area);
        _cellChanged.AsSpan<float>().CopyTo(m.CellChanged);

        if (m.HasBeforePrevious)
        {
            Cv2.Absdiff(_gray, _beforePrevious, _delta2);
            m.MeanDelta2 = Cv2.Mean(_delta2).Val0;
        }
        else
        {
            m.MeanDelta2 = 0;
        }
    }
}
