namespace RlGameTester.Analysis.Frames;

/// <summary>
/// The statistics of one frame that the checks decide on, filled by <see cref="FrameAnalyzer"/> and reused from frame
/// to frame. Cell arrays are row-major over the view's grid of <see cref="FrameCheckOptions.CellSize"/> cells.
/// </summary>
internal sealed class FrameMeasurement
{
    public int CellColumns { get; private set; }

    public int CellRows { get; private set; }

    public int CellCount => CellColumns * CellRows;

    /// <summary>Mean luminance per cell.</summary>
    public float[] CellMean { get; private set; } = [];

    /// <summary>Luminance standard deviation per cell.</summary>
    public float[] CellStd { get; private set; } = [];

    /// <summary>Luminance range (max - min) per cell.</summary>
    public float[] CellRange { get; private set; } = [];

    /// <summary>Mean absolute difference between horizontal neighbours per cell.</summary>
    public float[] CellDx { get; private set; } = [];

    /// <summary>Mean absolute difference between vertical neighbours per cell.</summary>
    public float[] CellDy { get; private set; } = [];

    /// <summary>Mean absolute difference between each pixel and its lower right neighbour per cell.</summary>
    public float[] CellDiagonal { get; private set; } = [];

    /// <summary>Mean absolute difference between each pixel's right and lower neighbours per cell (the other diagonal).</summary>
    public float[] CellAntiDiagonal { get; private set; } = [];

    /// <summary>Mean neighbour difference of the colour per cell: |dCr| + |dCb|, averaged over both axes.</summary>
    public float[] CellChroma { get; private set; } = [];

    /// <summary>Share of the cell's pixels that changed since the previous frame (0 when there is none).</summary>
    public float[] CellChanged { get; private set; } = [];

    /// <summary>The cell lies below the horizon (the view's middle row), where sky is never drawn.</summary>
    public bool[] CellBelowHorizon { get; private set; } = [];

    /// <summary>The cell lies in the weapon sprite's box.</summary>
    public bool[] CellInWeaponZone { get; private set; } = [];

    /// <summary>Share of the view brighter than the black level.</summary>
    public double LitFraction { get; set; }

    /// <summary>Share of the view above the black noise level (faint shades); measured only for dark views, NaN otherwise.</summary>
    public double ShadedFraction { get; set; } = double.NaN;

    /// <summary>Share of the status bar brighter than the black level; measured only for black views, NaN otherwise.</summary>
    public double StatusBarLitFraction { get; set; } = double.NaN;

    /// <summary>Share of the view within the tolerance of its most frequent colour.</summary>
    public double ModeFraction { get; set; }

    /// <summary>The most frequent colour as 0xRRGGBB.</summary>
    public int ModeColour { get; set; }

    public double ModeLuma { get; set; }

    /// <summary>
    /// Share of the view equal (within <see cref="FrameCheckOptions.TiledScreenTolerance"/>) to the view one flat's width
    /// to its right, when the view is textured: Doom's story screens tile a 64x64 flat over the 320-wide screen. NaN when
    /// not measured (the flat's width is no whole number of analysed pixels, or the view is too smooth to tell).
    /// </summary>
    public double TiledFraction { get; set; } = double.NaN;

    /// <summary>Mean luminance of the view.</summary>
    public double MeanLuma { get; set; }

    /// <summary>Mean luminance of the previous frame's view.</summary>
    public double PreviousMeanLuma { get; set; }

    public bool HasPrevious { get; set; }

    public bool HasBeforePrevious { get; set; }

    /// <summary>Mean absolute luminance change against the previous frame.</summary>
    public double MeanDelta { get; set; }

    /// <summary>Mean absolute luminance change against the frame before the previous one.</summary>
    public double MeanDelta2 { get; set; }

    /// <summary>Share of the view's pixels that changed beyond the tolerance since the previous frame.</summary>
    public double ChangedFraction { get; set; }

    internal void Resize(int columns, int rows)
    {
        CellColumns = columns;
        CellRows = rows;
        var n = columns * rows;
        CellMean = new float[n];
        CellStd = new float[n];
        CellRange = new float[n];
        CellDx = new float[n];
        CellDy = new float[n];
        CellChroma = new float[n];
        CellDiagonal = new float[n];
        CellAntiDiagonal = new float[n];
        CellChanged = new float[n];
        CellBelowHorizon = new bool[n];
        CellInWeaponZone = new bool[n];
    }
}
