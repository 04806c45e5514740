using Microsoft.Playwright;
using RlGameTester.TestSupport;

namespace RlGameTester.EndToEnd.Tests;

/// <summary>The web app in a real headless Chromium against the whole running stack, as a designer uses it.</summary>
public sealed class WebAppTests(AppHostFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADesignerUploadsAWadOpensALevelPlaysItReadsAFindingAndMarksItAFalsePositive()
    {
        await using var browser = await Browser.OpenAsync(fixture.App.GetEndpoint("web", "http"));
        var page = browser.Page;
        await browser.StepsAsync("designer", async () =>
        {
        await browser.SignInAsync(fixture.DevelopmentKey);

        // Upload through the page: a copy of freedoom1.wad with bytes of its own, so it is a new file here.
        var wad = Path.Combine(Path.GetTempPath(), $"rlgt-web-{Guid.NewGuid():N}", "freedoom1.wad");
        Directory.CreateDirectory(Path.GetDirectoryName(wad)!);
        await File.WriteAllBytesAsync(wad, WadBuilder.Unique(Fixtures.Freedoom1), Token);
        await page.SetInputFilesAsync("#map-file", wad);
        await page.ClickAsync("#upload");
        var e1m1 = page.Locator("a.uploaded", new PageLocatorOptions { HasText = "E1M1" });
        await e1m1.WaitForAsync(new LocatorWaitForOptions { Timeout = 180_000 });
        Assert.Equal(await page.GetAttributeAsync("#upload-progress", "max"), await page.GetAttributeAsync("#upload-progress", "value"));
        await browser.ScreenshotAsync("levels");

        // The level: its lines from above (freedoom1's E1M1 passes the static checks: no finding yet).
        await e1m1.ClickAsync();
        await page.WaitForSelectorAsync("svg.level-map path.wall");
        await browser.InteractiveAsync();
        var levelUrl = page.Url;
        await browser.ScreenshotAsync("level");

        // An explorer run from the level page: the progress bar fills when the run ends, then the result shows.
        await page.SelectOptionAsync("#skill", "3");
        await page.ClickAsync("#start-run");
        await page.WaitForURLAsync("**/runs/*");
        await browser.InteractiveAsync();
        await page.WaitForSelectorAsync("#run-progress[value='1']", new PageWaitForSelectorOptions { Timeout = 180_000 });

        Assert.StartsWith("completed", await page.InnerTextAsync("#run-status"), StringComparison.Ordinal);
        await page.WaitForSelectorAsync("img.run-image", new PageWaitForSelectorOptions { Timeout = 120_000 });
        await page.WaitForFunctionAsync("document.querySelector('img.run-image').naturalWidth > 0");
        await browser.ScreenshotAsync("run");

        // Back on the level, the run's finding (a stuck spot) is on the map; clicking it shows it in full.
        await page.GotoAsync(levelUrl);
        await browser.InteractiveAsync();
        var marker = page.Locator("svg.level-map .marker").First;
        await marker.WaitForAsync();
        var id = await marker.GetAttributeAsync("data-finding");
        var title = await page.Locator($"button.finding-row[data-finding='{id}']").InnerTextAsync();
        await marker.ClickAsync();
        await page.WaitForSelectorAsync("#finding-title");
        Assert.Contains(title, await page.InnerTextAsync("#finding-title"), StringComparison.Ordinal);
        Assert.Contains("Found by", await page.InnerTextAsync(".finding-details"), StringComparison.Ordinal);
        // The level's report, rendered from its Markdown.
        Assert.StartsWith("Level report: E1M1", await page.InnerTextAsync(".markdown h1"), StringComparison.Ordinal);
        await browser.ScreenshotAsync("level-finding");

        // Marked a false positive with a note, the mark is the Api's: a reload shows it, and the triage filter finds it.
        await page.SelectOptionAsync("#triage-status", "false_positive");
        await page.FillAsync("#triage-note", "the gap is a window, not a way");
        await page.ClickAsync("#triage-save");
        await page.WaitForSelectorAsync("#triage-current");
        await page.ReloadAsync();
        await browser.InteractiveAsync();
        await page.Locator($"button.finding-row[data-finding='{id}']").ClickAsync();
        var kept = await page.Locator("#triage-current").InnerTextAsync();
        Assert.Contains("false positive", kept, StringComparison.Ordinal);
        Assert.Contains("the gap is a window, not a way", kept, StringComparison.Ordinal);
        var row = page.Locator($"button.finding-row[data-finding='{id}']");
        await page.SelectOptionAsync("#triage-filter", "none");
        await row.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await page.SelectOptionAsync("#triage-filter", "false_positive");
        await row.WaitForAsync();
        await browser.ScreenshotAsync("level-triage");
        });
    }

    [Fact]
    public async Task OnAPhonesWidthThePagesFitWithoutSidewaysScrolling()
    {
        using var api = fixture.ApiClient();
        // A long generated file name, as CI jobs make them: a word with nowhere to break.
        using var form = new MultipartFormDataContent { { new ByteArrayContent(WadBuilder.Unique(Fixtures.Freedoom1)), "file", $"rlgt-phone-{Guid.NewGuid():N}.wad" } };
        using var uploaded = await api.PostAsync("/api/maps", form, Token);
        Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync(Token));
        var e1m1 = System.Text.Json.Nodes.JsonNode.Parse(await uploaded.Content.ReadAsStringAsync(Token))!.AsArray()
            .Single(m => m!["level_name"]!.GetValue<string>() == "E1M1")!["id"]!.GetValue<long>();

        await using var browser = await Browser.OpenAsync(fixture.App.GetEndpoint("web", "http"), width: 390, height: 844);
        var page = browser.Page;
        await browser.StepsAsync("phone", async () =>
        {
            await browser.SignInAsync(fixture.DevelopmentKey);
            await page.WaitForSelectorAsync("table.levels");
            Assert.Equal("", await WiderThanScreenAsync(page));
            await browser.ScreenshotAsync("phone-levels");

            await page.GotoAsync($"levels/{e1m1}");
            await browser.InteractiveAsync();
            // The interactive page loads the level again after the prerender: judge the page once it shows it.
            await page.WaitForSelectorAsync("svg.level-map path.wall");
            await page.WaitForSelectorAsync("table.findings");
            Assert.Equal("", await WiderThanScreenAsync(page));
            await browser.ScreenshotAsync("phone-level");
        });
    }

    // Wide tables scroll inside their own box; the page itself must not be wider than the screen. Empty when it fits,
    // else the elements that reach past the screen's right edge (outside any box that scrolls on its own).
    private static async Task<string> WiderThanScreenAsync(IPage page) =>
        await page.EvaluateAsync<string>("""
            () => {
              if (document.scrollingElement.scrollWidth <= window.innerWidth) return "";
              const inScroller = e => { for (let p = e.parentElement; p; p = p.parentElement) if (getComputedStyle(p).overflowX === "auto") return true; return false; };
              return [...document.body.querySelectorAll("*")]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !inScroller(e))
                .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent || "").trim().slice(0, 40)}"`).join("; ");
            }
            """);

    [Fact]
    public async Task AWrongKeyIsRefusedWithTheApisReasonAndNoPageOpens()
    {
        await using var browser = await Browser.OpenAsync(fixture.App.GetEndpoint("web", "http"));
        var page = browser.Page;

        await page.GotoAsync("/levels/1");
        await page.WaitForURLAsync("**/signin**");
        await page.FillAsync("#key", "rlgt_not_a_key");
        await page.ClickAsync("#signin-key");

        await page.WaitForSelectorAsync(".error");
        Assert.Contains("The Api refused the key", await page.InnerTextAsync(".error"), StringComparison.Ordinal);
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
    }
}
