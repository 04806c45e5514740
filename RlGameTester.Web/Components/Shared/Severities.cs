namespace RlGameTester.Web.Components.Shared;

/// <summary>The Api's severities, most severe first, as the pages order and colour them.</summary>
public static class Severities
{
    public static readonly IReadOnlyList<string> All = ["critical", "major", "minor", "info"];

    public static int Rank(string severity)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == severity)
            {
                return i;
            }
        }

        return All.Count;
    }
}
