using RlGameTester.Domain.Bugs;

namespace RlGameTester.Data.Bugs;

/// <summary>
/// Matches findings of two checks of a level (two revisions, or one level checked again) by check, element and place,
/// never by id: each finding of the later check takes one of the earlier check's with the same key; what is left over
/// is new (later) or fixed (earlier). The revision comparison shows the match; triage marks follow it.
/// </summary>
public static class FindingMatch
{
    /// <summary>Each later finding with the earlier one it is the same finding as, or null when it is new.</summary>
    public static List<(Bug After, Bug? Before)> Pair(IReadOnlyList<Bug> before, IReadOnlyList<Bug> after)
    {
        var open = before.GroupBy(Key).ToDictionary(g => g.Key, g => new Queue<Bug>(g), StringComparer.Ordinal);
        return [.. after.Select(bug => (bug, open.TryGetValue(Key(bug), out var same) && same.TryDequeue(out var earlier) ? earlier : null))];
    }

    public static (List<Bug> New, List<Bug> Fixed, List<Bug> Unchanged) Compare(IReadOnlyList<Bug> before, IReadOnlyList<Bug> after)
    {
        var pairs = Pair(before, after);
        var matched = pairs.Where(p => p.Before is not null).Select(p => p.Before!).ToHashSet(ReferenceEqualityComparer.Instance);
        return (
            pairs.Where(p => p.Before is null).Select(p => p.After).ToList(),
            before.Where(b => !matched.Contains(b)).ToList(),
            pairs.Where(p => p.Before is not null).Select(p => p.After).ToList());
    }

    /// <summary>The findings of a level that revisions compare by (those of its checks and filed on it, none of a run), in id order.</summary>
    public static IQueryable<Bug> LevelFindings(this IQueryable<Bug> bugs, long mapId) =>
        bugs.Where(b => b.MapId == mapId && b.RunId == null).OrderBy(b => b.Id);

    private static string Key(Bug bug) =>
        FindingIdentity.Of(bug.CheckName ?? bug.BugType.ToString(), bug.ElementKind, bug.ElementIndex, bug.PositionX, bug.PositionY);
}
