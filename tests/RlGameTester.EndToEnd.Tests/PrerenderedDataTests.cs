using System.Text.Json.Nodes;
using RlGameTester.TestSupport;

namespace RlGameTester.EndToEnd.Tests;

/// <summary>
/// The levels and a level page keep what their prerender loaded when they turn interactive: the browser never sees
/// "Loading…" in between (the interactive render would otherwise load the data again and show it while it does).
/// </summary>
public sealed class PrerenderedDataTests(AppHostFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // From the first byte of every page on: whether "Loading…" was ever in it.
    private const string WatchForLoading = """
        window.__sawLoading = false;
        new MutationObserver(() => { if (document.body && document.body.textContent.includes("Loading…")) window.__sawLoading = true; })
          .observe(document, { subtree: true, childList: true, characterData: true });
        """;

    [Fact]
    public async Task TheLevelsAndALevelTurnInteractiveWithoutLoadingTheirDataAgain()
    {
        using var api = fixture.ApiClient();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(WadBuilder.Unique(Fixtures.Freedoom1)), "file", $"rlgt-prerender-{Guid.NewGuid():N}.wad" } };
        using var uploaded = await api.PostAsync("/api/maps", form, Token);
        Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync(Token));
        var e1m1 = JsonNode.Parse(await uploaded.Content.ReadAsStringAsync(Token))!.AsArray()
            .Single(m => m!["level_name"]!.GetValue<string>() == "E1M1")!["id"]!.GetValue<long>();

        await using var browser = await Browser.OpenAsync(fixture.App.GetEndpoint("web", "http"));
        var page = browser.Page;
        await browser.StepsAsync("prerendered", async () =>
        {
            await browser.SignInAsync(fixture.DevelopmentKey);
            await page.AddInitScriptAsync(WatchForLoading);

            foreach (var (path, shown) in new[] { ("/", "table.levels"), ($"/levels/{e1m1}", "svg.level-map path.wall") })
            {
                await page.GotoAsync(path);
                await page.WaitForSelectorAsync(shown);
                await browser.InteractiveAsync();
                // The circuit's first render is done when the page says it is interactive; a second load would show
                // "Loading…" now, and its answer a moment later.
                await page.WaitForTimeoutAsync(1_000);
                Assert.False(await page.EvaluateAsync<bool>("window.__sawLoading"), $"{path} showed \"Loading…\" on its way to interactive");
                await page.WaitForSelectorAsync(shown);
            }
        });
    }
}
