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

    private readonly FrameCheckOptions options;
    private readonly Mat converted = new();
    private readonly Mat small = new();
    private readonly Mat lit = new();
    private readonly Mat flat = new();
    private readonly Mat flatEroded = new();
    private readonly Mat flatLabels = new();
    private readonly Mat flatStats = new();
    private readonly Mat flatCentroids = new();
    private readonly Mat statusGray = new();
    private readonly Mat grayF = new();
    private readonly Mat graySq = new();
    private readonly Mat cellMean = new();
    private readonly Mat cellSq = new();
    private readonly Mat dx = new();
    private readonly Mat dy = new();
    private readonly Mat dxF = new();
    private readonly Mat dyF = new();
    private readonly Mat cellDx = new();
    private readonly Mat cellDy = new();
    private readonly Mat localMax = new();
    private readonly Mat localMin = new();
    private readonly Mat cellMax = new();
    private readonly Mat cellMin = new();
    private readonly Mat delta = new();
    private readonly Mat changed = new();
    private readonly Mat cellChanged = new();
    private readonly Mat delta2 = new();
    private readonly Mat tileDelta = new();
    private readonly Mat solidKernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));
    private readonly int[] histogram = new int[1 << (3 * HistogramBits)];
    private Mat cellKernel = new();
    private Mat gray = new();
    private Mat previous = new();
    private Mat beforePrevious = new();
    private int history;
    private int frameWidth = -1;
    private int frameHeight = -1;
    private int viewRows;
    private int factor;
    private int tilePeriod;
    private Size analysisSize;
    private Rect viewRect;
    private Rect cellRect;
    private Size cellGrid;

    public FrameAnalyzer(FrameCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
    }

    public FrameMeasurement Measurement { get; } = new();

    /// <summary>The current frame as 8-bit BGR (the caller's Mat, or a converted copy); valid until the next call.</summary>
    public Mat Source { get; private set; } = new();

    /// <summary>Forgets the previous frames: the next frame starts a new stream.</summary>
    public void Reset() => history = 0;

    /// <summary>Measures one frame (8-bit BGR, BGRA or grey) and remembers it for the temporal statistics.</summary>
    /// <exception cref="ArgumentException">The frame is empty, of another pixel type, or too small to analyse.</exception>
    public FrameMeasurement Measure(Mat frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Source = ToBgr(frame);
        if (Source.Width != frameWidth || Source.Height != frameHeight)
        {
            Configure(Source.Width, Source.Height);
        }

        var m = Measurement;
        using (var view = new Mat(Source, viewRect))
        {
            Cv2.Resize(view, small, analysisSize, 0, 0, InterpolationFlags.Area);
        }

        Cv2.CvtColor(small, gray, ColorConversionCodes.BGR2GRAY);
        var pixels = (double)(analysisSize.Width * analysisSize.Height);

        m.PreviousMeanLuma = m.MeanLuma;
        m.MeanLuma = Cv2.Mean(gray).Val0;
        Cv2.Threshold(gray, lit, options.BlackLevel, 255, ThresholdTypes.Binary);
        m.LitFraction = Cv2.CountNonZero(lit) / pixels;
        var dark = m.LitFraction <= options.BlackMaxLitFraction;
        m.StatusBarLitFraction = dark ? MeasureStatusBar() : double.NaN;
        if (dark)
        {
            Cv2.Threshold(gray, lit, options.BlackNoiseLevel, 255, ThresholdTypes.Binary);
            m.ShadedFraction = Cv2.CountNonZero(lit) / pixels;
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
        (beforePrevious, previous, gray) = (previous, gray, beforePrevious);
        history = Math.Min(2, history + 1);
        return m;
    }

    public void Dispose()
    {
        foreach (var mat in new[]
                 {
                     converted, small, lit, flat, flatEroded, flatLabels, flatStats, flatCentroids, statusGray, grayF, graySq,
                     cellMean, cellSq, dx, dy, dxF, dyF, cellDx, cellDy, localMax, localMin, cellMax, cellMin, delta, changed,
                     cellChanged, delta2, solidKernel, cellKernel, gray, previous, beforePrevious, tileDelta,
                 })
        {
            mat.Dispose();
        }
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
            Cv2.CvtColor(frame, converted, ColorConversionCodes.GRAY2BGR);
            return converted;
        }

        if (type == MatType.CV_8UC4)
        {
            Cv2.CvtColor(frame, converted, ColorConversionCodes.BGRA2BGR);
            return converted;
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
        var cell = options.CellSize;
        if (!CanMeasure(width, height, options))
        {
            throw new ArgumentException($"A {width}x{height} frame is too small to analyse with {cell}-pixel cells.", nameof(width));
        }

        viewRows = ViewRows(height, options);
        factor = Factor(width, options);
        var aw = width / factor;
        var ah = viewRows / factor;

        analysisSize = new Size(aw, ah);
        viewRect = new Rect(0, 0, aw * factor, ah * factor);

        // Cells stop one pixel short of the right and bottom edges, so neighbour differences stay inside the picture,
        // and a row of cells starts at the horizon: the cells below it never hold sky, which stays still while the
        // player walks without turning (the sky is fixed to the view angle).
        var horizon = (ah + 1) / 2;
        var cellTop = horizon % cell;
        cellGrid = new Size((aw - 1) / cell, (ah - 1 - cellTop) / cell);
        cellRect = new Rect(0, cellTop, cellGrid.Width * cell, cellGrid.Height * cell);
        cellKernel.Dispose();
        cellKernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(cell, cell));

        var m = Measurement;
        m.Resize(cellGrid.Width, cellGrid.Height);
        for (var row = 0; row < cellGrid.Height; row++)
        {
            for (var column = 0; column < cellGrid.Width; column++)
            {
                var i = (row * cellGrid.Width) + column;
                var centreX = ((column * cell) + (cell / 2.0)) / aw;
                var centreY = (cellTop + (row * cell) + (cell / 2.0)) / ah;
                m.CellBelowHorizon[i] = cellTop + (row * cell) >= horizon;
                m.CellInWeaponZone[i] = Math.Abs(centreX - 0.5) <= options.WeaponZoneHalfWidth && centreY >= options.WeaponZoneTop;
            }
        }

        // One 64-pixel flat of a 320-wide screen, in analysed pixels; 0 when that is no whole number (no tiling test).
        var period = 64.0 * width / 320 / factor;
        tilePeriod = Math.Abs(period - Math.Round(period)) < 0.01 && Math.Round(period) <= aw / 2 ? (int)Math.Round(period) : 0;

        frameWidth = width;
        frameHeight = height;
        history = 0;
    }

    private double MeasureStatusBar()
    {
        if (viewRows >= frameHeight)
        {
            return double.NaN;
        }

        using var bar = new Mat(Source, new Rect(0, viewRows, frameWidth, frameHeight - viewRows));
        Cv2.CvtColor(bar, statusGray, ColorConversionCodes.BGR2GRAY);
        Cv2.Threshold(statusGray, statusGray, options.BlackLevel, 255, ThresholdTypes.Binary);
        return Cv2.CountNonZero(statusGray) / (double)(statusGray.Width * statusGray.Height);
    }

    /// <summary>The most frequent colour (5 bits a channel), its exact mean, and how much of the view lies within the tolerance of it.</summary>
    private void MeasureModeColour(FrameMeasurement m, double pixels)
    {
        var bgr = small.AsSpan<byte>();
        var counts = histogram;
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
        var t = options.UniformTolerance;
        Cv2.InRange(small, new CvScalar(b - t, g - t, r - t), new CvScalar(b + t, g + t, r + t), flat);
        var inRange = Cv2.CountNonZero(flat);
        m.ModeFraction = inRange / pixels;
        m.ModeColour = (r << 16) | (g << 8) | b;
        m.ModeLuma = (0.299 * r) + (0.587 * g) + (0.114 * b);

        // Solidity only matters for a candidate clear-colour fill; most frames skip the erosion.
        var candidate = m.ModeFraction >= options.ClearColourMinFraction && m.ModeFraction < options.BlankMinFraction
            && m.ModeLuma >= options.ClearColourMinLuma;
        if (candidate)
        {
            Cv2.Erode(flat, flatEroded, solidKernel);
            m.ModeSolidity = Cv2.CountNonZero(flatEroded) / (double)inRange;
        }
        else
        {
            m.ModeSolidity = double.NaN;
        }
    }

    /// <summary>
    /// The share of the current frame's most frequent colour (within the tolerance) that lies in its largest connected
    /// patch. Measured on demand, for the few frames that would otherwise be a clear-colour fill.
    /// </summary>
    public double ModeLargestShare()
    {
        var count = Cv2.ConnectedComponentsWithStats(flat, flatLabels, flatStats, flatCentroids, PixelConnectivity.Connectivity8);
        int largest = 0, total = 0;
        for (var i = 1; i < count; i++)
        {
            var area = flatStats.At<int>(i, (int)ConnectedComponentsTypes.Area);
            largest = Math.Max(largest, area);
            total += area;
        }

        return total == 0 ? 0 : largest / (double)total;
    }

    /// <summary>Per cell: standard deviation, range, and mean neighbour differences of the luminance.</summary>
    private void MeasureCells(FrameMeasurement m)
    {
        using var cells = new Mat(gray, cellRect);
        using var right = new Mat(gray, new Rect(cellRect.X + 1, cellRect.Y, cellRect.Width, cellRect.Height));
        using var below = new Mat(gray, new Rect(cellRect.X, cellRect.Y + 1, cellRect.Width, cellRect.Height));

        cells.ConvertTo(grayF, MatType.CV_32F);
        Cv2.Multiply(grayF, grayF, graySq);
        Cv2.Resize(grayF, cellMean, cellGrid, 0, 0, InterpolationFlags.Area);
        Cv2.Resize(graySq, cellSq, cellGrid, 0, 0, InterpolationFlags.Area);

        Cv2.Absdiff(cells, right, dx);
        Cv2.Absdiff(cells, below, dy);
        dx.ConvertTo(dxF, MatType.CV_32F);
        dy.ConvertTo(dyF, MatType.CV_32F);
        Cv2.Resize(dxF, cellDx, cellGrid, 0, 0, InterpolationFlags.Area);
        Cv2.Resize(dyF, cellDy, cellGrid, 0, 0, InterpolationFlags.Area);

        // With the kernel anchored at its corner, the pixel at a cell's corner holds the cell's max (min); nearest
        // resizing by the cell size samples exactly those corners.
        var corner = new Point(0, 0);
        Cv2.Dilate(cells, localMax, cellKernel, corner);
        Cv2.Erode(cells, localMin, cellKernel, corner);
        Cv2.Resize(localMax, cellMax, cellGrid, 0, 0, InterpolationFlags.Nearest);
        Cv2.Resize(localMin, cellMin, cellGrid, 0, 0, InterpolationFlags.Nearest);

        var mean = cellMean.AsSpan<float>();
        var sq = cellSq.AsSpan<float>();
        var max = cellMax.AsSpan<byte>();
        var min = cellMin.AsSpan<byte>();
        var meanDx = cellDx.AsSpan<float>();
        var meanDy = cellDy.AsSpan<float>();
        for (var i = 0; i < m.CellCount; i++)
        {
            m.CellMean[i] = mean[i];
            m.CellStd[i] = MathF.Sqrt(MathF.Max(0, sq[i] - (mean[i] * mean[i])));
            m.CellRange[i] = max[i] - min[i];
            m.CellDx[i] = meanDx[i];
            m.CellDy[i] = meanDy[i];
        }
    }

    /// <summary>How much of a textured view repeats one flat's width to the right (a story screen's tiled flat).</summary>
    private void MeasureTiling(FrameMeasurement m)
    {
        // dx holds the horizontal neighbour differences of the cells' area (MeasureCells).
        if (tilePeriod == 0 || Cv2.Mean(dx).Val0 < options.TiledScreenMinRoughness)
        {
            m.TiledFraction = double.NaN;
            return;
        }

        var width = analysisSize.Width - tilePeriod;
        using (var left = new Mat(gray, new Rect(0, 0, width, analysisSize.Height)))
        using (var right = new Mat(gray, new Rect(tilePeriod, 0, width, analysisSize.Height)))
        {
            Cv2.Absdiff(left, right, tileDelta);
        }

        Cv2.Threshold(tileDelta, tileDelta, options.TiledScreenTolerance, 255, ThresholdTypes.BinaryInv);
        m.TiledFraction = Cv2.CountNonZero(tileDelta) / (double)(width * analysisSize.Height);
    }

    private void MeasureChange(FrameMeasurement m, double pixels)
    {
        m.HasPrevious = history >= 1;
        m.HasBeforePrevious = history >= 2;
        if (!m.HasPrevious)
        {
            m.MeanDelta = m.MeanDelta2 = m.ChangedFraction = 0;
            Array.Clear(m.CellChanged);
            return;
        }

        Cv2.Absdiff(gray, previous, delta);
        m.MeanDelta = Cv2.Mean(delta).Val0;
        Cv2.Threshold(delta, changed, options.ChangeTolerance, 1, ThresholdTypes.Binary);
        m.ChangedFraction = Cv2.CountNonZero(changed) / pixels;
        using (var changedCells = new Mat(changed, cellRect))
        {
            changedCells.ConvertTo(grayF, MatType.CV_32F);
        }

        Cv2.Resize(grayF, cellChanged, cellGrid, 0, 0, InterpolationFlags.Area);
        cellChanged.AsSpan<float>().CopyTo(m.CellChanged);

        if (m.HasBeforePrevious)
        {
            Cv2.Absdiff(gray, beforePrevious, delta2);
            m.MeanDelta2 = Cv2.Mean(delta2).Val0;
        }
        else
        {
            m.MeanDelta2 = 0;
        }
    }
}
