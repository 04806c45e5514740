using RlGameTester.Web.Api;
using RlGameTester.Web.Components.Shared;

namespace RlGameTester.Web.Tests;

/// <summary>The three lists of a comparison: each with its count, most severe first, and saying so when empty.</summary>
public sealed class ComparisonListsTests : IDisposable
{
    private readonly BunitContext _context = new();

    [Fact]
    public void NewFixedAndUnchangedAreListedWithCountsMostSevereFirst()
    {
        Finding[] added =
        [
            new() { Id = 5, MapId = 2, Severity = "minor", Title = "Misaligned texture", CheckName = "texture_alignment", ElementKind = "side", ElementIndex = 40 },
            new() { Id = 6, MapId = 2, Severity = "critical", Title = "Exit unreachable", BugType = "soft_lock" },
        ];
        Finding[] unchanged = [new() { Id = 9, MapId = 2, Severity = "major", Title = "Stuck by the lift", Triage = new TriageMark { Status = "wont_fix" } }];

        var lists = _context.Render<ComparisonLists>(p => p.Add(c => c.New, added).Add(c => c.Fixed, []).Add(c => c.Unchanged, unchanged));

        Assert.Equal(["New 2", "Fixed 0", "Unchanged 1"], lists.FindAll(".comparison-list h2").Select(h => h.TextContent));
        Assert.Equal(["6", "5"], lists.FindAll("#compare-new li").Select(l => l.GetAttribute("data-finding")));
        Assert.Equal("levels/2", lists.Find("#compare-new li a").GetAttribute("href"));
        Assert.Equal("soft_lock", lists.Find("#compare-new li small").TextContent);
        Assert.Equal("texture_alignment, side 40", lists.FindAll("#compare-new li small")[1].TextContent);
        Assert.Equal("Nothing fixed.", lists.Find("#compare-fixed p").TextContent);
        Assert.Contains("wont fix", lists.Find("#compare-unchanged li small").TextContent, StringComparison.Ordinal);
    }

    public void Dispose() => _context.Dispose();
}
