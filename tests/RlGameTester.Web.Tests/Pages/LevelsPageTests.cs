using RlGameTester.Web.Components.Pages;

namespace RlGameTester.Web.Tests.Pages;

/// <summary>The levels page (<c>/</c>) against the real Api: each level's findings by severity, hardness and last run; search.</summary>
public sealed class LevelsPageTests(PagesApi api) : IClassFixture<PagesApi>, IAsyncLifetime
{
    private BunitContext _context = null!;

    public async ValueTask InitializeAsync() => _context = PageContext.Create(api, await api.KeyWithRolesAsync("reader"));

    [Fact]
    public async Task EachLevelShowsItsFindingsBySeverityItsHardnessAndItsLastRunAndSearchNarrowsTheList()
    {
        var alpha = await api.UploadLevelAsync("Alpha");
        var bravo = await api.UploadLevelAsync("Bravo");
        await api.FileAsync(alpha, null, "critical", "static", "Exit unreachable", "exit_unreachable");
        await api.FileAsync(alpha, null, "major", "static", "Missing texture", "missing_texture");
        var run = await api.PlayedRunAsync(alpha, Played.TwoEpisodes());
        await api.FileAsync(alpha, run, "major", "telemetry", "Stuck by the lift");

        var page = _context.Render<Levels>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("table.levels tbody tr").Count));
        var row = Row(page, alpha);
        Assert.Equal(["1", "2", "0", "0"], row.QuerySelectorAll("td.num").Select(c => c.TextContent));
        Assert.Equal("49.4 (medium)", row.QuerySelectorAll("td")[4].TextContent);
        Assert.Equal($"#{run} explorer: completed", row.QuerySelector($"a[href='runs/{run}']")!.TextContent);
        var other = Row(page, bravo);
        Assert.Equal(["0", "0", "0", "0"], other.QuerySelectorAll("td.num").Select(c => c.TextContent));
        Assert.Equal(["not played", "none"], other.QuerySelectorAll("td").Skip(4).Select(c => c.TextContent.Trim()));

        await page.Find("input[type=search]").InputAsync(new() { Value = "Bravo" });

        page.WaitForAssertion(() => Assert.Single(page.FindAll("table.levels tbody tr")));
        Assert.NotNull(page.Find($"a[href='levels/{bravo}']"));
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<Levels> page, long level) =>
        page.Find($"a[href='levels/{level}']").Closest("tr")!;

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
