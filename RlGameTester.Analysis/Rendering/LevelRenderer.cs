using System.Buffers;
using System.Globalization;
using OpenCvSharp;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Metadata;
using RlGameTester.Doom.Specials;
using CvScalar = OpenCvSharp.Scalar;

namespace RlGameTester.Analysis.Rendering;

/// <summary>
/// Draws a level from above with OpenCvSharp: floors shaded by height and tinted by what they do (secret, damaging,
/// exit, door, lift), walls bright, steps by height, doors, lifts, teleporters and exits in their colours, things as
/// dots by class, keys in their colour, the starts as arrows, the level's name and a legend. North is up. Stateless:
/// one instance can draw any number of levels, on any thread.
/// </summary>
public sealed class LevelRenderer(RenderOptions options)
{
    public const int TitleHeight = 44;
    public const int Margin = 16;

    // Line end points are passed to OpenCV in 1/16 pixel (shift 4): lines fall where the transform says, not a rounding away.
    private const int Shift = 4;
    private const double SubPixel = 1 << Shift;

    /// <summary>
    /// Draws the level. Its geometry and metadata are computed when not given (pass them when already built). Extra
    /// legend entries (an overlay's) are listed below the level's own, and the image is made tall enough for them.
    /// </summary>
    public LevelImage Render(Level level, LevelGeometry? geometry = null, LevelMetadata? metadata = null, string? title = null, IReadOnlyList<LegendEntry>? extraLegend = null)
    {
        ArgumentNullException.ThrowIfNull(level);
        geometry ??= new LevelGeometry(level);
        metadata ??= LevelMetadata.Create(level, geometry);
        var features = LevelFeatures.Classify(level, geometry, metadata);
        var legend = extraLegend is { Count: > 0 } ? [.. Legend.Entries, .. extraLegend] : Legend.Entries;

        var legendWidth = Legend.Width(legend);
        var (width, height, area) = Layout(geometry.Bounds, legend.Count, legendWidth);
        var transform = MapTransform.Fit(geometry.Bounds, area);
        // Several megabytes a level: rented, so that drawing level after level does not churn the large object heap.
        var pixels = ArrayPool<byte>.Shared.Rent(width * height * 3);
        SectorFill.FillSpan(pixels.AsSpan(0, width * height * 3), [(byte)MapPalette.Background.Val0, (byte)MapPalette.Background.Val1, (byte)MapPalette.Background.Val2]);
        SectorFill.Paint(level, geometry, transform, pixels, width, SectorColours(level, features));

        var image = new LevelImage(pixels, width, height, transform);
        var canvas = image.Canvas;
        DrawLines(canvas, geometry, transform, features, LineKind.Level, LineKind.Teleport);
        DrawThings(canvas, level, transform);
        DrawLines(canvas, geometry, transform, features, LineKind.LockedDoor, LineKind.Exit);
        DrawKeysAndExits(canvas, level, metadata, transform);
        DrawStarts(canvas, level, metadata, transform);

        var heading = title ?? level.Name;
        Cv2.PutText(canvas, heading, new Point(Margin, 30), HersheyFonts.HersheySimplex, 0.8, MapPalette.Text, 2, LineTypes.AntiAlias);
        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"{metadata.Format.ToString().ToLowerInvariant()} format, {metadata.LineCount} lines, {metadata.SectorCount} sectors, {metadata.ThingCount} things, {metadata.Bounds.Width:0} x {metadata.Bounds.Height:0} units, north up");
        var headingWidth = Cv2.GetTextSize(heading, HersheyFonts.HersheySimplex, 0.8, 2, out _).Width;
        Cv2.PutText(canvas, subtitle, new Point(Margin + headingWidth + 16, 30), HersheyFonts.HersheySimplex, 0.42, MapPalette.SubtleText, 1, LineTypes.AntiAlias);
        Legend.Draw(canvas, width - legendWidth, TitleHeight + Margin, legend);
        return image;
    }

    /// <summary>
    /// The image's size and the map's area in it: the longer side is <see cref="RenderOptions.LongestSide"/>, the title
    /// runs across the top, the legend down the right, and the map fills the rest at its own aspect ratio.
    /// </summary>
    private (int Width, int Height, Rect Area) Layout(MapBounds bounds, int legendRows, int legendWidth)
    {
        var longest = options.LongestSide;
        var mapWidth = Math.Max(bounds.Width, 1);
        var mapHeight = Math.Max(bounds.Height, 1);
        var minHeight = TitleHeight + (2 * Margin) + (legendRows * Legend.RowHeight);
        var minWidth = legendWidth + (2 * Margin) + 400;
        int width, height;
        var landscapeScale = (longest - legendWidth - (2 * Margin)) / mapWidth;
        var landscapeHeight = TitleHeight + (2 * Margin) + (int)Math.Ceiling(mapHeight * landscapeScale);
        if (landscapeHeight <= longest)
        {
            width = longest;
            height = Math.Clamp(landscapeHeight, Math.Min(minHeight, longest), longest);
        }
        else
        {
            height = longest;
            var scale = (longest - TitleHeight - (2 * Margin)) / mapHeight;
            width = Math.Clamp(legendWidth + (2 * Margin) + (int)Math.Ceiling(mapWidth * scale), minWidth, longest);
        }

        return (width, height, new Rect(Margin, TitleHeight + Margin, width - legendWidth - (2 * Margin), height - TitleHeight - (2 * Margin)));
    }

    /// <summary>Each sector's colour: its tint, or a grey by its floor height's rank among the level's floors.</summary>
    private static byte[] SectorColours(Level level, LevelFeatures features)
    {
        var heights = level.Sectors.Select(s => s.FloorHeight).Distinct().Order().ToArray();
        var colours = new byte[level.Sectors.Length * 3];
        for (var s = 0; s < level.Sectors.Length; s++)
        {
            var colour = features.Sectors[s] switch
            {
                SectorKind.Exit => MapPalette.ExitSector,
                SectorKind.Damaging => MapPalette.DamagingFloor,
                SectorKind.Secret => MapPalette.SecretSector,
                SectorKind.Door => MapPalette.DoorSector,
                SectorKind.Lift => MapPalette.LiftSector,
                _ => Blend(MapPalette.FloorLow, MapPalette.FloorHigh, heights.Length < 2 ? 0.5 : (double)Array.BinarySearch(heights, level.Sectors[s].FloorHeight) / (heights.Length - 1)),
            };
            colours[s * 3] = (byte)colour.Val0;
            colours[(s * 3) + 1] = (byte)colour.Val1;
            colours[(s * 3) + 2] = (byte)colour.Val2;
        }

        return colours;
    }

    private static void DrawLines(Mat canvas, LevelGeometry geometry, MapTransform transform, LevelFeatures features, LineKind from, LineKind to)
    {
        for (var kind = from; kind <= to; kind++)
        {
            var thickness = kind switch
            {
                LineKind.Level or LineKind.Step => 1,
                LineKind.LockedDoor or LineKind.Exit or LineKind.SecretExit => 3,
                _ => 2,
            };
            for (var i = 0; i < features.Lines.Length; i++)
            {
                if (features.Lines[i] != kind)
                {
                    continue;
                }

                var colour = kind switch
                {
                    LineKind.Level => MapPalette.Level,
                    LineKind.Step => MapPalette.Step,
                    LineKind.Wall => MapPalette.Wall,
                    LineKind.HighStep => MapPalette.HighStep,
                    LineKind.Lift => MapPalette.Lift,
                    LineKind.Door => MapPalette.Door,
                    LineKind.Teleport => MapPalette.Teleport,
                    LineKind.LockedDoor => MapPalette.OfKey(features.LineKeys[i]) ?? MapPalette.Door,
                    LineKind.SecretExit => MapPalette.SecretExit,
                    _ => MapPalette.Exit,
                };
                var (x1, y1, x2, y2) = geometry.Segment(i);
                Cv2.Line(canvas, Fixed(transform, x1, y1), Fixed(transform, x2, y2), colour, thickness, LineTypes.AntiAlias, Shift);
            }
        }
    }

    /// <summary>Things as dots by class, monsters sized by their radius; keys, starts and helpers are drawn elsewhere or not at all.</summary>
    private static void DrawThings(Mat canvas, Level level, MapTransform transform)
    {
        foreach (var thing in level.Things)
        {
            var info = ThingTypes.Find(thing.Type);
            var centre = transform.ToPixel(thing.X, thing.Y);
            switch (info?.Category)
            {
                case ThingCategory.Monster:
                    var radius = (int)Math.Round(Math.Clamp(transform.ToPixels(info.Radius), 2.5, 9));
                    Cv2.Circle(canvas, centre, radius, MapPalette.Monster, -1, LineTypes.AntiAlias);
                    break;
                case ThingCategory.Weapon:
                    Cv2.Circle(canvas, centre, 4, MapPalette.Weapon, -1, LineTypes.AntiAlias);
                    break;
                case ThingCategory.Ammo or ThingCategory.Health or ThingCategory.Armor or ThingCategory.Powerup:
                    Cv2.Circle(canvas, centre, 3, MapPalette.Item, -1, LineTypes.AntiAlias);
                    break;
                case ThingCategory.TeleportDestination:
                    Cv2.Circle(canvas, centre, 5, MapPalette.Teleport, 1, LineTypes.AntiAlias);
                    break;
                case ThingCategory.Obstacle or ThingCategory.Light or ThingCategory.Decoration or null:
                    Cv2.Circle(canvas, centre, 2, MapPalette.Decoration, -1, LineTypes.AntiAlias);
                    break;
            }
        }
    }

    private static void DrawKeysAndExits(Mat canvas, Level level, LevelMetadata metadata, MapTransform transform)
    {
        foreach (var exit in metadata.Exits)
        {
            if (exit.Trigger == ExitTrigger.BossDeath)
            {
                Cv2.Circle(canvas, transform.ToPixel(exit.X, exit.Y), 12, MapPalette.Exit, 2, LineTypes.AntiAlias);
            }
        }

        foreach (var key in metadata.Keys)
        {
            if (MapPalette.OfKey(key.Key) is { } colour)
            {
                Shapes.Key(canvas, transform.ToPixel(key.X, key.Y), 7, colour);
            }
        }
    }

    /// <summary>Starts as arrows pointing the way the player faces (Doom's angle: 0 east, 90 north); player 1's is the largest and drawn last.</summary>
    private static void DrawStarts(Mat canvas, Level level, LevelMetadata metadata, MapTransform transform)
    {
        var starts = level.Things.Where(t => ThingTypes.Find(t.Type)?.Category == ThingCategory.DeathmatchStart)
            .Select(t => (t.X, t.Y, t.Angle, Colour: MapPalette.DeathmatchStart, Radius: 3, Length: 11))
            .Concat(metadata.PlayerStarts.Where(s => s.Player != 1).Select(s => (s.X, s.Y, s.Angle, Colour: MapPalette.OtherStart, Radius: 4, Length: 15)))
            .Concat(metadata.PlayerStarts.Where(s => s.Player == 1).Select(s => (s.X, s.Y, s.Angle, Colour: MapPalette.Player1Start, Radius: 5, Length: 22)));
        foreach (var (x, y, degrees, colour, radius, length) in starts)
        {
            var centre = transform.ToPixel(x, y);
            var angle = degrees * Math.PI / 180;
            var tip = new Point(centre.X + (int)Math.Round(Math.Cos(angle) * length), centre.Y - (int)Math.Round(Math.Sin(angle) * length));
            Cv2.ArrowedLine(canvas, centre, tip, colour, 2, LineTypes.AntiAlias, 0, 0.4);
            Cv2.Circle(canvas, centre, radius, colour, -1, LineTypes.AntiAlias);
        }
    }

    private static Point Fixed(MapTransform transform, double x, double y)
    {
        var (px, py) = transform.ToPixelExact(x, y);
        return new Point((int)Math.Round(px * SubPixel), (int)Math.Round(py * SubPixel));
    }

    private static CvScalar Blend(CvScalar low, CvScalar high, double t) =>
        new(low.Val0 + ((high.Val0 - low.Val0) * t), low.Val1 + ((high.Val1 - low.Val1) * t), low.Val2 + ((high.Val2 - low.Val2) * t));
}
