using System.Globalization;

namespace RlGameTester.Domain.Bugs;

/// <summary>
/// What makes two findings the same finding across checks of a level (revisions of it, commits of a map repository):
/// the check, the element and the place to the map unit, never an id or the wording. The revision comparison and the
/// command line's SARIF fingerprints both match by it.
/// </summary>
public static class FindingIdentity
{
    public static string Of(string check, string? elementKind, int? elementIndex, double? x, double? y) => string.Create(CultureInfo.InvariantCulture,
        $"{check}/{elementKind ?? "level"}/{elementIndex?.ToString(CultureInfo.InvariantCulture) ?? "-"}/{Math.Round(x ?? 0)}/{Math.Round(y ?? 0)}");
}
