using System.Globalization;

namespace RlGameTester.Doom.Exploration;

/// <summary>How findings write numbers and places.</summary>
internal static class FindingText
{
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string At(NavGrid grid, int c) => $"({N(grid.X(c))}, {N(grid.Y(c))})";
}
