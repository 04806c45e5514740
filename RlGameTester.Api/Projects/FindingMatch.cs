using RlGameTester.Data.Bugs;
using RlGameTester.Domain.Bugs;

namespace RlGameTester.Api.Projects;

/// <summary>
/// Matches findings of two revisions by check, element and place, never by id: each finding of the later revision takes
/// one of the earlier revision's with the same key; what is left over is new (later) or fixed (earlier).
/// </summary>
internal static class FindingMatch
{
    public static (List<Bug> New, List<Bug> Fixed, List<Bug> Unchanged) Compare(IReadOnlyList<Bug> before, IReadOnlyList<Bug> after)
    {
        var open = before.GroupBy(Key).ToDictionary(g => g.Key, g => new Queue<Bug>(g), StringComparer.Ordinal);
        var added = new List<Bug>();
        var unchanged = new List<Bug>();
        foreach (var bug in after)
        {
            if (open.TryGetValue(Key(bug), out var same) && same.TryDequeue(out _))
            {
                unchanged.Add(bug);
            }
            else
            {
                added.Add(bug);
            }
        }

        return (added, [.. open.Values.SelectMany(q => q)], unchanged);
    }

    private static string Key(Bug bug) =>
        FindingIdentity.Of(bug.CheckName ?? bug.BugType.ToString(), bug.ElementKind, bug.ElementIndex, bug.PositionX, bug.PositionY);
}
