using RlGameTester.Web.Components.Pages;

namespace RlGameTester.Web.Tests.Pages;

/// <summary>
/// A level's page (<c>/levels/{id}</c>) against the real Api: markers and rows of its findings, the filters, a triage
/// mark stored through the Api, its runs page by page past the Api's first 100, and the Api's own reason for a level
/// that does not exist.
/// </summary>
public sealed class LevelPageTests(PagesApi api) : IClassFixture<PagesApi>, IAsyncLifetime
{
    private BunitContext _context = null!;

    public async ValueTask InitializeAsync() => _context = PageContext.Create(api, await api.KeyWithRolesAsync("tester"));

    [Fact]
    public async Task FindingsShowAsMarkersAndRowsTheFiltersNarrowThemAndATriageMarkIsStoredByTheApi()
    {
        var level = await api.UploadLevelAsync("Findings");
        var run = await api.PlayedRunAsync(level, Played.TwoEpisodes());
        var exit = await api.FileAsync(level, null, "critical", "static", "Exit unreachable", "exit_unreachable", x: 10, y: 20);
        var texture = await api.FileAsync(level, null, "minor", "static", "Missing texture", "missing_texture", x: 30, y: 40, line: 3);
        var stuck = await api.FileAsync(level, run, "major", "telemetry", "Stuck by the lift", x: 50, y: 60);

        var page = Render(level);

        page.WaitForAssertion(() => Assert.Equal("Findings (3 of 3)", page.Find("#findings-title").TextContent));
        Assert.Equal([exit, stuck, texture], Rows(page));
        Assert.Equal(new[] { exit, stuck, texture }.Order(), page.FindAll("circle.marker").Select(m => long.Parse(m.GetAttribute("data-finding")!, System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.Equal("line 3", page.Find($"button[data-finding='{texture}']").Closest("tr")!.QuerySelectorAll("td")[3].TextContent);

        await page.Find("#source").ChangeAsync(new() { Value = "static" });
        Assert.Equal([exit, texture], Rows(page));
        await Severity(page, "minor").ChangeAsync(new() { Value = false });
        Assert.Equal([exit], Rows(page));
        Assert.Equal("Findings (1 of 3)", page.Find("#findings-title").TextContent);
        await page.Find("#source").ChangeAsync(new() { Value = "" });
        await Severity(page, "minor").ChangeAsync(new() { Value = true });
        Assert.Equal([exit, stuck, texture], Rows(page));

        await page.Find($"button.finding-row[data-finding='{stuck}']").ClickAsync(new());
        Assert.EndsWith("Stuck by the lift", page.Find("#finding-title").TextContent.Trim(), StringComparison.Ordinal);
        await page.Find("#triage-status").ChangeAsync(new() { Value = "false_positive" });
        await page.Find("#triage-note").ChangeAsync(new() { Value = "the lift is meant to wait" });
        await page.Find("form.triage").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("Marked false positive by key:", page.Find("#triage-current").TextContent, StringComparison.Ordinal));
        var stored = await api.GetAsync($"/api/bugs/{stuck}");
        Assert.Equal("false_positive", stored["triage"]!["status"]!.GetValue<string>());
        Assert.Equal("the lift is meant to wait", stored["triage"]!["note"]!.GetValue<string>());
        Assert.Equal("false positive", page.Find($"button[data-finding='{stuck}']").Closest("tr")!.QuerySelector(".triage-cell")!.TextContent);
        await page.Find("#triage-filter").ChangeAsync(new() { Value = "false_positive" });
        Assert.Equal([stuck], Rows(page));
        await page.Find("#triage-filter").ChangeAsync(new() { Value = "none" });
        Assert.Equal([exit, texture], Rows(page));
    }

    [Fact]
    public async Task RunsPastTheApisFirstHundredAreReachedWithOlderAndNewerRuns()
    {
        var level = await api.UploadLevelAsync("Busy");
        var runs = new List<long>();
        for (var i = 0; i < 105; i++)
        {
            runs.Add(await api.CreateRunAsync(level, seed: i));
        }

        var page = Render(level);

        page.WaitForAssertion(() => Assert.Equal("Runs 1–100 of 105, newest first", page.Find("#runs-range").TextContent));
        Assert.Equal(runs.AsEnumerable().Reverse().Take(100), RunLinks(page));
        Assert.True(page.Find("#runs-newer").HasAttribute("disabled"));

        await page.Find("#runs-older").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Runs 101–105 of 105, newest first", page.Find("#runs-range").TextContent));
        Assert.Equal(runs.Take(5).Reverse(), RunLinks(page));
        Assert.True(page.Find("#runs-older").HasAttribute("disabled"));

        await page.Find("#runs-newer").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Runs 1–100 of 105, newest first", page.Find("#runs-range").TextContent));
        Assert.Equal(runs[^1], RunLinks(page)[0]);
    }

    [Fact]
    public async Task ALevelThatDoesNotExistShowsTheApisReason()
    {
        var detail = (await api.Admin.GetAsync("/api/maps/987654321", Xunit.TestContext.Current.CancellationToken)).Content;
        var expected = System.Text.Json.Nodes.JsonNode.Parse(await detail.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken))!["detail"]!.GetValue<string>();

        var page = Render(987654321);

        page.WaitForAssertion(() => Assert.Contains(expected, page.Find("p.error[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("table.findings"));
    }

    private IRenderedComponent<Level> Render(long level) => _context.Render<Level>(p => p.Add(l => l.Id, level));

    private static List<long> Rows(IRenderedComponent<Level> page) =>
        [.. page.FindAll("table.findings button.finding-row").Select(b => long.Parse(b.GetAttribute("data-finding")!, System.Globalization.CultureInfo.InvariantCulture))];

    private static List<long> RunLinks(IRenderedComponent<Level> page) =>
        [.. page.FindAll("ul.runs a").Select(a => long.Parse(a.GetAttribute("href")!["runs/".Length..], System.Globalization.CultureInfo.InvariantCulture))];

    private static AngleSharp.Dom.IElement Severity(IRenderedComponent<Level> page, string severity) =>
        page.FindAll("fieldset.filters label").Single(l => l.TextContent.Trim() == severity).QuerySelector("input[type=checkbox]")!;

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
