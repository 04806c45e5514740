using System.Globalization;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// The heights a plane (or the body's feet) may be at: one height for a plane that stays put, a span for a lift or a
/// perpetual platform, which the verdict accepts at any height between its two floors.
/// </summary>
internal readonly record struct HeightRange(double Low, double High)
{
    public static HeightRange At(double height) => new(height, height);

    public bool IsFixed => Low == High;

    /// <summary>The higher of two floors: whichever height each takes, the highest of them bounds the body.</summary>
    public static HeightRange Highest(HeightRange a, HeightRange b) => new(Math.Max(a.Low, b.Low), Math.Max(a.High, b.High));

    /// <summary>The lower of two ceilings.</summary>
    public static HeightRange Lowest(HeightRange a, HeightRange b) => new(Math.Min(a.Low, b.Low), Math.Min(a.High, b.High));

    public HeightRange Plus(double amount) => new(Low + amount, High + amount);

    public override string ToString() => IsFixed
        ? Low.ToString("0.##", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Low:0.##}..{High:0.##}");
}
