using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RlGameTester.Web.Components.Pages;

namespace RlGameTester.Web.Tests.Pages;

/// <summary>The compare page (<c>/compare?map=</c>) against the real Api: the latest two ended runs, as new, fixed and unchanged lists.</summary>
public sealed class ComparePageTests(PagesApi api) : IClassFixture<PagesApi>, IAsyncLifetime
{
    private BunitContext _context = null!;

    public async ValueTask InitializeAsync() => _context = PageContext.Create(api, await api.KeyWithRolesAsync("reader"));

    [Fact]
    public async Task TheLatestTwoEndedRunsCompareAsNewFixedAndUnchanged()
    {
        var level = await api.UploadLevelAsync("Compared");
        var first = await api.PlayedRunAsync(level, []);
        var earlier = await api.PlayedRunAsync(level, []);
        var later = await api.PlayedRunAsync(level, []);
        await api.FileAsync(level, earlier, "major", "telemetry", "Stuck near the lift", x: 1056.2, y: -3616, line: 214);
        var died = await api.FileAsync(level, earlier, "critical", "telemetry", "Died at once in the pit", "instant_death", x: 100, y: 100);
        var stuck = await api.FileAsync(level, later, "major", "telemetry", "Stuck by the lift again", x: 1055.9, y: -3616, line: 214);
        var glitch = await api.FileAsync(level, later, "minor", "frames", "HOM on the east wall", "visual_glitch", x: 5, y: 5);

        var page = RenderAt($"compare?map={level}");

        page.WaitForAssertion(() => Assert.Equal($"Run #{earlier} to run #{later}: 1 new, 1 fixed, 1 unchanged.", page.Find("#compare-summary").TextContent));
        Assert.Equal([glitch], Listed(page, "compare-new"));
        Assert.Equal([died], Listed(page, "compare-fixed"));
        Assert.Equal([stuck], Listed(page, "compare-unchanged"));
        Assert.Equal([first, earlier, later], page.FindAll("#compare-from option").Select(o => long.Parse(o.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(earlier.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find("#compare-from option[selected]").GetAttribute("value"));
    }

    [Fact]
    public async Task ALevelWithOneEndedRunSaysTwoAreNeeded()
    {
        var level = await api.UploadLevelAsync("Once");
        await api.PlayedRunAsync(level, []);
        await api.CreateRunAsync(level);

        var page = RenderAt($"compare?map={level}");

        page.WaitForAssertion(() => Assert.Equal("This level has 1 ended run(s); start another from the level page to compare two.", page.Find("#compare-too-few").TextContent));
        Assert.Empty(page.FindAll("#compare-summary"));
    }

    private IRenderedComponent<Compare> RenderAt(string address)
    {
        // The page reads its choice from the address, as a shared comparison link gives it.
        var navigation = _context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(address);
        return _context.Render<Compare>();
    }

    private static List<long> Listed(IRenderedComponent<Compare> page, string list) =>
        [.. page.FindAll($"#{list} li").Select(li => long.Parse(li.GetAttribute("data-finding")!, System.Globalization.CultureInfo.InvariantCulture))];

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
