using OpenCvSharp;

namespace RlGameTester.Analysis.Rendering;

/// <summary>The legend panel: what every colour of a level image means, in the order of <see cref="Entries"/>.</summary>
internal static class Legend
{
    public const int RowHeight = 18;
    private const int LabelOffset = 36;
    private const double FontScale = 0.42;

    public static IReadOnlyList<LegendEntry> Entries { get; } =
    [
        new("wall (one-sided)", MapPalette.Wall, LegendSymbol.Line),
        new("two-sided, same floor", MapPalette.Level, LegendSymbol.Line),
        new("floor step <= 24", MapPalette.Step, LegendSymbol.Line),
        new("floor step > 24 (no climb)", MapPalette.HighStep, LegendSymbol.Line),
        new("door", MapPalette.Door, LegendSymbol.Line),
        new("lift / moving floor", MapPalette.Lift, LegendSymbol.Line),
        new("teleporter line", MapPalette.Teleport, LegendSymbol.Line),
        new("exit", MapPalette.Exit, LegendSymbol.ThickLine),
        new("secret exit", MapPalette.SecretExit, LegendSymbol.ThickLine),
        new("exit floor / boss exit", MapPalette.ExitSector, LegendSymbol.Fill),
        new("secret sector", MapPalette.SecretSector, LegendSymbol.Fill),
        new("damaging floor", MapPalette.DamagingFloor, LegendSymbol.Fill),
        new("player 1 start", MapPalette.Player1Start, LegendSymbol.Arrow),
        new("players 2-4 starts", MapPalette.OtherStart, LegendSymbol.Arrow),
        new("deathmatch start", MapPalette.DeathmatchStart, LegendSymbol.Arrow),
        new("monster", MapPalette.Monster, LegendSymbol.Dot),
        new("weapon", MapPalette.Weapon, LegendSymbol.Dot),
        new("ammo, health, armour, power-up", MapPalette.Item, LegendSymbol.Dot),
        new("decoration", MapPalette.Decoration, LegendSymbol.Dot),
        new("blue key / locked door", MapPalette.BlueKey, LegendSymbol.Key),
        new("yellow key / locked door", MapPalette.YellowKey, LegendSymbol.Key),
        new("red key / locked door", MapPalette.RedKey, LegendSymbol.Key),
    ];

    /// <summary>The panel's width: the sample, the longest label and a margin.</summary>
    public static int Width(IEnumerable<LegendEntry> entries) =>
        LabelOffset + entries.Max(e => Cv2.GetTextSize(e.Label, HersheyFonts.HersheySimplex, FontScale, 1, out _).Width) + 16;

    public static void Draw(Mat canvas, int left, int top, IEnumerable<LegendEntry> entries)
    {
        var y = top;
        foreach (var entry in entries)
        {
            var centre = new Point(left + 14, y + (RowHeight / 2));
            switch (entry.Symbol)
            {
                case LegendSymbol.Line or LegendSymbol.ThickLine:
                    Cv2.Line(canvas, new Point(left + 2, centre.Y), new Point(left + 26, centre.Y), entry.Colour, entry.Symbol == LegendSymbol.Line ? 2 : 3, LineTypes.AntiAlias);
                    break;
                case LegendSymbol.Fill:
                    Cv2.Rectangle(canvas, new Rect(left + 2, y + 3, 24, RowHeight - 6), entry.Colour, -1);
                    break;
                case LegendSymbol.Dot:
                    Cv2.Circle(canvas, centre, 4, entry.Colour, -1, LineTypes.AntiAlias);
                    break;
                case LegendSymbol.Arrow:
                    Cv2.Circle(canvas, new Point(left + 6, centre.Y), 4, entry.Colour, -1, LineTypes.AntiAlias);
                    Cv2.ArrowedLine(canvas, new Point(left + 6, centre.Y), new Point(left + 26, centre.Y), entry.Colour, 2, LineTypes.AntiAlias, 0, 0.35);
                    break;
                case LegendSymbol.Key:
                    Shapes.Key(canvas, centre, 6, entry.Colour);
                    break;
                case LegendSymbol.Ring:
                    Cv2.Circle(canvas, centre, 6, entry.Colour, 2, LineTypes.AntiAlias);
                    break;
                case LegendSymbol.Marker:
                    Shapes.Marker(canvas, centre, 6, entry.Colour);
                    break;
                case LegendSymbol.HollowMarker:
                    Shapes.HollowMarker(canvas, centre, 5, entry.Colour);
                    break;
            }

            Cv2.PutText(canvas, entry.Label, new Point(left + LabelOffset, y + RowHeight - 5), HersheyFonts.HersheySimplex, FontScale, MapPalette.Text, 1, LineTypes.AntiAlias);
            y += RowHeight;
        }
    }
}
