using OpenCvSharp;

namespace RlGameTester.Analysis.Rendering;

/// <summary>
/// A run drawn over its level's image: where the player spent time (heat), the path it took, and the findings as
/// labelled markers coloured by severity. Positions are added one at a time as they stream from the database, so a
/// run of millions of positions needs no more memory than the image. Uses the level image's transform, so every mark
/// lands where the level drew that place.
/// </summary>
public sealed class RunOverlay : IDisposable
{
    /// <summary>The level is dimmed under the overlay so that the path and the heat stand out.</summary>
    public const double LevelDimming = 0.6;

    private readonly MapTransform _transform;
    private readonly RenderOptions _options;
    private readonly Mat _path;
    private readonly int[] _heat;
    private readonly int _heatColumns;
    private readonly int _heatRows;
    private (double X, double Y, int? Episode)? _previous;

    public RunOverlay(LevelImage image, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(options);
        _transform = image.Transform;
        _options = options;
        _path = new Mat(image.Height, image.Width, MatType.CV_8UC1, Scalar.All(0));
        _heatColumns = (_transform.MapArea.Width + options.HeatCellPixels - 1) / options.HeatCellPixels;
        _heatRows = (_transform.MapArea.Height + options.HeatCellPixels - 1) / options.HeatCellPixels;
        _heat = new int[_heatColumns * _heatRows];
    }

    /// <summary>What the overlay adds to the level's legend.</summary>
    public static IReadOnlyList<LegendEntry> LegendEntries { get; } =
    [
        new("path", MapPalette.Path, LegendSymbol.Line),
        new("time spent (dark to bright)", Heat(0.75), LegendSymbol.Fill),
        new("critical finding (#bug id)", MapPalette.Critical, LegendSymbol.Marker),
        new("major finding", MapPalette.Major, LegendSymbol.Marker),
        new("minor finding", MapPalette.Minor, LegendSymbol.Marker),
        new("info finding", MapPalette.Info, LegendSymbol.Marker),
        new("level check finding", MapPalette.Major, LegendSymbol.HollowMarker),
    ];

    /// <summary>Positions added so far.</summary>
    public int Positions { get; private set; }

    /// <summary>
    /// Adds the next position of the run. It is joined to the previous one unless the episode changed or the jump is
    /// longer than <see cref="RenderOptions.MaxPathStep"/> (a teleport or a respawn).
    /// </summary>
    public void Add(double x, double y, int? episode)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            return;
        }

        Positions++;
        var point = _transform.ToPixel(x, y);
        var area = _transform.MapArea;
        if (area.Contains(point))
        {
            _heat[(((point.Y - area.Y) / _options.HeatCellPixels) * _heatColumns) + ((point.X - area.X) / _options.HeatCellPixels)]++;
        }

        if (_previous is { } last && last.Episode == episode && Math.Sqrt(((x - last.X) * (x - last.X)) + ((y - last.Y) * (y - last.Y))) <= _options.MaxPathStep)
        {
            var from = _transform.ToPixel(last.X, last.Y);
            if (from != point)
            {
                Cv2.Line(_path, from, point, Scalar.All(255), 2, LineTypes.Link8);
            }
        }
        else
        {
            Cv2.Circle(_path, point, 1, Scalar.All(255), -1, LineTypes.Link8);
        }

        _previous = (x, y, episode);
    }

    /// <summary>Draws the heat, the path and then the markers (the most severe on top) onto the level's image.</summary>
    public void Draw(LevelImage image, IEnumerable<ImageMarker> markers)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(markers);
        var area = _transform.MapArea;
        using (var map = new Mat(image.Canvas, area))
        using (var pathInMap = new Mat(_path, area))
        {
            map.ConvertTo(map, -1, LevelDimming);
            DrawHeat(map);

            // A path that leaves the map (an agent outside the level) stops at its edge, off the title and the legend.
            map.SetTo(MapPalette.Path, pathInMap);
        }

        var labels = new List<Rect>();
        foreach (var marker in markers.OrderBy(m => !m.OfLevel).ThenByDescending(m => m.Severity))
        {
            // A finding outside the map is shown at its edge rather than not at all.
            var exact = _transform.ToPixel(marker.X, marker.Y);
            var centre = new Point(Math.Clamp(exact.X, area.Left, area.Right - 1), Math.Clamp(exact.Y, area.Top, area.Bottom - 1));
            var colour = MapPalette.OfSeverity(marker.Severity);
            if (marker.OfLevel)
            {
                Shapes.HollowMarker(image.Canvas, centre, 6, colour);
            }
            else
            {
                Shapes.Marker(image.Canvas, centre, 7, colour);
            }

            Shapes.Label(image.Canvas, marker.Label, LabelOrigin(marker.Label, centre, labels));
        }
    }

    /// <summary>
    /// Where a marker's label goes: beside it on the right if that is free, else the nearest free row above or below it,
    /// then the same on the left, so that findings close together keep readable ids; the right side when none is free.
    /// </summary>
    internal static Point LabelOrigin(string text, Point centre, List<Rect> placed)
    {
        var size = Shapes.LabelSize(text);
        var line = size.Height + 6;
        // Rows beside the marker, nearest first, on the right then on the left.
        int[] rows = [0, -1, 1, -2, 2, -3, 3];
        var offsets = rows.Select(r => new Point(10, -8 + (r * line)))
            .Concat(rows.Select(r => new Point(-10 - size.Width, -8 + (r * line))))
            .ToArray();
        foreach (var offset in offsets)
        {
            var origin = new Point(centre.X + offset.X, centre.Y + offset.Y);
            // PutText's origin is the baseline's left end: the box extends above it.
            var box = new Rect(origin.X - 1, origin.Y - size.Height - 1, size.Width + 2, size.Height + 4);
            if (!placed.Any(other => (other & box).Width > 0))
            {
                placed.Add(box);
                return origin;
            }
        }

        return new Point(centre.X + offsets[0].X, centre.Y + offsets[0].Y);
    }

    public void Dispose() => _path.Dispose();

    /// <summary>The heat colour at a level of 0 (a moment) to 1 (where the run spent longest).</summary>
    private static Scalar Heat(double level)
    {
        using var one = new Mat(1, 1, MatType.CV_8UC1, Scalar.All(HeatValue(level)));
        using var coloured = new Mat();
        Cv2.ApplyColorMap(one, coloured, ColormapTypes.Inferno);
        var bgr = coloured.At<Vec3b>(0, 0);
        return new Scalar(bgr.Item0, bgr.Item1, bgr.Item2);
    }

    // A cell visited once must show: the colour scale starts a third of the way up, then grows with the log of the time.
    private static int HeatValue(double level) => 80 + (int)Math.Round(175 * Math.Clamp(level, 0, 1));

    private void DrawHeat(Mat map)
    {
        var most = _heat.Length == 0 ? 0 : _heat.Max();
        if (most == 0)
        {
            return;
        }

        var values = new byte[_heat.Length];
        var scale = Math.Log(1 + most);
        for (var i = 0; i < _heat.Length; i++)
        {
            values[i] = _heat[i] == 0 ? (byte)0 : (byte)HeatValue(Math.Log(1 + _heat[i]) / scale);
        }

        var cell = _options.HeatCellPixels;
        var full = new Size(_heatColumns * cell, _heatRows * cell);
        var crop = new Rect(0, 0, map.Width, map.Height);
        using var small = Mat.FromPixelData(_heatRows, _heatColumns, MatType.CV_8UC1, values);
        using var colours = new Mat();
        using var grown = new Mat();
        using var grownMask = new Mat();
        using var blended = new Mat();
        Cv2.ApplyColorMap(small, colours, ColormapTypes.Inferno);
        Cv2.Resize(colours, grown, full, 0, 0, InterpolationFlags.Nearest);
        Cv2.Resize(small, grownMask, full, 0, 0, InterpolationFlags.Nearest);
        using var heatColours = new Mat(grown, crop);
        using var mask = new Mat(grownMask, crop);
        Cv2.AddWeighted(map, 0.35, heatColours, 0.65, 0, blended);
        blended.CopyTo(map, mask);
        GC.KeepAlive(values);
    }
}
