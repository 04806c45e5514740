using System.Net.Http.Json;
using Microsoft.Playwright;
using RlGameTester.TestSupport;

namespace RlGameTester.EndToEnd.Tests;

/// <summary>The web app in a real headless Chromium against the whole running stack, as a designer uses it.</summary>
public sealed class WebAppTests(AppHostFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // Milliseconds a run started from the page may take to end (see its use).
    private const float RunTimeout = 600_000;

    [Fact]
    public async Task ADesignerUploadsAWadOpensALevelPlaysItReadsAFindingAndMarksItAFalsePositive()
    {
        await using var browser = await Browser.OpenAsync(fixture.App.GetEndpoint("web", "http"));
        var page = browser.Page;
        await browser.StepsAsync("designer", fixture.RunLog, async () =>
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
        await browser.AtAsync("/runs/");
        await browser.InteractiveAsync();
        // The run's own end is what is waited for; the bound is wide because under the whole suite on two cores the
        // play, 886 frames' upload to Azurite and the analysis have taken over three minutes (17 s on an idle machine).
        await page.WaitForSelectorAsync("#run-progress[value='1']", new PageWaitForSelectorOptions { Timeout = RunTimeout });

        Assert.StartsWith("completed", await page.InnerTextAsync("#run-status"), StringComparison.Ordinal);
        await page.WaitForSelectorAsync("img.run-image", new PageWaitForSelectorOptions { Timeout = 300_000 });
        await page.WaitForFunctionAsync("document.querySelector('img.run-image').naturalWidth > 0");
        // The hardness and what drives it (the explorer meets no monster: it earns the kills points itself), and the
        // timeline of the health it picked up (E1M1 has 17 health bonuses).
        Assert.Matches(@"^\d+(\.\d+)?$", await page.InnerTextAsync("#hardness-score"));
        Assert.Equal(["Deaths", "Few kills", "Health lost", "Stuck"], await page.Locator(".hardness-factors dt").AllInnerTextsAsync());
        Assert.Contains("plays without monsters", await page.InnerTextAsync(".hardness"), StringComparison.Ordinal);
        var health = page.Locator("svg.timeline-chart polyline.health");
        await health.WaitForAsync();
        Assert.NotEmpty(await health.GetAttributeAsync("points") ?? "");
        Assert.Matches(@"^\d+ events, ", await page.Locator("#timeline-desc").TextContentAsync());
        // The explorer renders its path as frames (every 8 tics): the first is shown, drawn at the renderer's 320x200.
        var frame = page.Locator("img.frame");
        await frame.WaitForAsync();
        Assert.Equal(320, await frame.EvaluateAsync<int>("img => img.complete && img.naturalWidth > 0 ? img.naturalWidth : new Promise(r => img.addEventListener('load', () => r(img.naturalWidth)))"));
        var firstRun = page.Url;
        await browser.ScreenshotAsync("run");

        // Back on the level, the run's finding (a stuck spot) is on the map; clicking it shows it in full.
        await page.GotoAsync(levelUrl, Browser.Opened);
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

        // A second run with another seed, then the two compared from the level: what each found that the other did not.
        await page.FillAsync("#seed", "1");
        await page.ClickAsync("#start-run");
        // The page's own address, polled: the circuit moves to the run page within the document, which a wait for a
        // navigation event could miss (a fresh-clone run timed out here on the run page itself).
        await page.WaitForFunctionAsync("level => location.href !== level && location.pathname.includes('/runs/')", levelUrl);
        Assert.NotEqual(firstRun, page.Url);
        await browser.InteractiveAsync();
        var secondRun = page.Url;
        await page.WaitForSelectorAsync("#hardness-score", new PageWaitForSelectorOptions { Timeout = RunTimeout });
        var secondFindings = int.Parse(System.Text.RegularExpressions.Regex.Match(await page.InnerTextAsync("#run-findings-title"), @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
        await page.GotoAsync(levelUrl, Browser.Opened);
        await browser.InteractiveAsync();
        await page.ClickAsync("#compare-runs");
        await page.WaitForSelectorAsync("#compare-summary");
        Assert.StartsWith($"Run #{RunId(firstRun)} to run #{RunId(secondRun)}:", await page.InnerTextAsync("#compare-summary"), StringComparison.Ordinal);
        var counts = new Dictionary<string, int>();
        foreach (var list in (string[])["new", "fixed", "unchanged"])
        {
            counts[list] = int.Parse(await page.InnerTextAsync($"#compare-{list} .count"), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(counts[list], await page.Locator($"#compare-{list} li").CountAsync());
        }

        // Every finding of the later run is either new or unchanged.
        Assert.Equal(secondFindings, counts["new"] + counts["unchanged"]);
        await browser.ScreenshotAsync("compare");
        });
    }

    private static string RunId(string url) => url[(url.LastIndexOf('/') + 1)..];

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

        // Two ended runs of the level, made through the Api rather than played (seconds, not minutes): the first with a
        // timeline, metrics and two findings, the second with one of them, so their run and compare pages have content.
        async Task<System.Text.Json.Nodes.JsonNode> PostAsync(string url, object body)
        {
            using var response = await api.PostAsJsonAsync(url, body, Token);
            var text = await response.Content.ReadAsStringAsync(Token);
            Assert.True(response.IsSuccessStatusCode, $"POST {url}: {text}");
            return System.Text.Json.Nodes.JsonNode.Parse(text)!;
        }

        // A run with frames first, so the two compared by default are the two below.
        var framed = (await PostAsync("/api/runs", new { map_id = e1m1, agent = "explorer" }))["id"]!.GetValue<long>();
        await PostAsync($"/api/runs/{framed}/cancel", new { });
        var runs = new List<long>();
        for (var i = 0; i < 2; i++)
        {
            runs.Add((await PostAsync("/api/runs", new { map_id = e1m1, agent = "explorer" }))["id"]!.GetValue<long>());
            await PostAsync("/api/bugs", new { run_id = runs[i], bug_type = "stuck_state", severity = "major", detection_source = "telemetry", check_name = "stuck", title = "Stuck by the lift", position_x = 1056, position_y = -3616, element_kind = "line", element_index = 214 });
        }

        await PostAsync("/api/bugs", new { run_id = runs[0], bug_type = "instant_death", severity = "critical", detection_source = "telemetry", check_name = "death", title = "Died at once in the pit", position_x = 100, position_y = 100 });
        var now = DateTime.UtcNow;
        foreach (var (type, frame, data) in new (string, int, object?)[] { ("health_change", 35, new { old = 100, @new = 60 }), ("kill", 70, null), ("health_change", 140, new { old = 60, @new = 80 }) })
        {
            await PostAsync("/api/events", new { run_id = runs[0], event_type = type, timestamp = now.AddSeconds(frame / 35.0), episode = 1, frame, data });
        }

        await PostAsync($"/api/metrics/{runs[0]}/calculate", new { });
        foreach (var run in runs)
        {
            await PostAsync($"/api/runs/{run}/cancel", new { });
        }

        await using var browser = await Browser.OpenAsync(fixture.App.GetEndpoint("web", "http"), width: 390, height: 844);
        var page = browser.Page;
        await browser.StepsAsync("phone", async () =>
        {
            await browser.SignInAsync(fixture.DevelopmentKey);
            await page.WaitForSelectorAsync("table.levels");
            Assert.Equal("", await WiderThanScreenAsync(page));
            await browser.ScreenshotAsync("phone-levels");

            await page.GotoAsync($"levels/{e1m1}", Browser.Opened);
            await browser.InteractiveAsync();
            // The interactive page loads the level again after the prerender: judge the page once it shows it.
            await page.WaitForSelectorAsync("svg.level-map path.wall");
            await page.WaitForSelectorAsync("table.findings");
            Assert.Equal("", await WiderThanScreenAsync(page));
            await browser.ScreenshotAsync("phone-level");

            await page.GotoAsync($"runs/{runs[0]}", Browser.Opened);
            await browser.InteractiveAsync();
            await page.WaitForSelectorAsync("svg.timeline-chart polyline.health");
            Assert.Equal("3 events, 35 to 140 ticks. Health from 60 to 80, lowest 60. 1 kill, 0 deaths.", await page.Locator("#timeline-desc").TextContentAsync());
            await page.WaitForSelectorAsync("#hardness-score");
            Assert.Equal("", await WiderThanScreenAsync(page));
            await browser.ScreenshotAsync("phone-run");

            // The level's two ended runs, compared by default the later against the earlier.
            await page.GotoAsync($"compare?map={e1m1}", Browser.Opened);
            await browser.InteractiveAsync();
            await page.WaitForSelectorAsync("#compare-summary");
            Assert.Equal(["0", "1", "1"], [await page.InnerTextAsync("#compare-new .count"), await page.InnerTextAsync("#compare-fixed .count"), await page.InnerTextAsync("#compare-unchanged .count")]);
            Assert.Contains("Died at once in the pit", await page.InnerTextAsync("#compare-fixed"), StringComparison.Ordinal);
            Assert.Equal("", await WiderThanScreenAsync(page));
            await browser.ScreenshotAsync("phone-compare");

            // The frames browser with real pictures: two of this page's own screenshots uploaded as the run's frames,
            // browsed by keyboard (the slider's arrow keys, then Enter on Previous).
            using var frames = new MultipartFormDataContent
            {
                { new ByteArrayContent(await page.ScreenshotAsync()), "frames", "000010.png" },
                { new ByteArrayContent(await page.ScreenshotAsync(new PageScreenshotOptions { Clip = new Clip { X = 0, Y = 0, Width = 390, Height = 300 } })), "frames", "000020.png" },
            };
            using var stored = await api.PostAsync($"/api/runs/{framed}/frames", frames, Token);
            Assert.True(stored.IsSuccessStatusCode, await stored.Content.ReadAsStringAsync(Token));
            await page.GotoAsync($"runs/{framed}", Browser.Opened);
            await browser.InteractiveAsync();
            await page.WaitForFunctionAsync("document.querySelector('img.frame')?.naturalWidth === 390");
            Assert.StartsWith("Frame 1 of 2, tick 10", await page.InnerTextAsync("#frame-label"), StringComparison.Ordinal);
            await page.FocusAsync("#frame-slider");
            await page.Keyboard.PressAsync("ArrowRight");
            await page.WaitForSelectorAsync("#frame-label:text('Frame 2 of 2, tick 20')");
            await page.WaitForFunctionAsync("document.querySelector('img.frame').naturalHeight === 300");
            Assert.Equal("", await WiderThanScreenAsync(page));
            await browser.ScreenshotAsync("phone-frames");
            await page.FocusAsync("#frame-previous");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#frame-label:text('Frame 1 of 2, tick 10')");
        });
    }

    [Fact]
    public async Task TwoRevisionsOfAProjectLevelAreComparedFromTheLevel()
    {
        // Freedoom 2's MAP01 uploaded twice into a project, each time with another side given a texture no WAD has: the
        // second revision's missing texture is new, the first's is fixed, everything else the checks find is unchanged.
        using var api = fixture.ApiClient();
        using var created = await api.PostAsJsonAsync("/api/projects", new { name = $"Web {Guid.NewGuid():N}" }, Token);
        var project = System.Text.Json.Nodes.JsonNode.Parse(await created.Content.ReadAsStringAsync(Token))!["id"]!.GetValue<long>();
        long latest = 0;
        foreach (var (texture, side) in new[] { ("NOSUCHTX", 0), ("NOSUCHT2", 5) })
        {
            var level = new EditableLevel(File.ReadAllBytes(Fixtures.Freedoom2), "MAP01");
            level.SetSideTexture(side, 2, texture);
            var wad = WadBuilder.WithExtraLump(level.ToWad(), "RLGTTEST", Guid.NewGuid().ToByteArray());
            using var form = new MultipartFormDataContent { { new ByteArrayContent(wad), "file", "map01.wad" }, { new StringContent($"{project}"), "project" } };
            using var uploaded = await api.PostAsync("/api/maps", form, Token);
            var body = await uploaded.Content.ReadAsStringAsync(Token);
            Assert.True(uploaded.IsSuccessStatusCode, body);
            latest = System.Text.Json.Nodes.JsonNode.Parse(body)!.AsArray().Single()!["id"]!.GetValue<long>();
        }

        // The page shows the Api's 409 until both are checked; the test waits for the checks rather than reloading.
        using var compared = await Eventually.UntilAsync(
            token => api.GetAsync($"/api/projects/{project}/levels/MAP01/compare", token),
            response => response.StatusCode != System.Net.HttpStatusCode.Conflict, "both revisions of MAP01 to be checked", Token);

        await using var browser = await Browser.OpenAsync(fixture.App.GetEndpoint("web", "http"));
        var page = browser.Page;
        await browser.StepsAsync("revisions", async () =>
        {
            await browser.SignInAsync(fixture.DevelopmentKey);
            await page.GotoAsync($"levels/{latest}", Browser.Opened);
            await browser.InteractiveAsync();
            await page.ClickAsync("#compare-revisions");
            await page.WaitForSelectorAsync("#compare-summary");

            Assert.StartsWith("Revision 1 to revision 2:", await page.InnerTextAsync("#compare-summary"), StringComparison.Ordinal);
            Assert.Contains("NOSUCHT2", await page.InnerTextAsync("#compare-new"), StringComparison.Ordinal);
            Assert.DoesNotContain("NOSUCHTX", await page.InnerTextAsync("#compare-new"), StringComparison.Ordinal);
            Assert.Contains("NOSUCHTX", await page.InnerTextAsync("#compare-fixed"), StringComparison.Ordinal);
            Assert.NotEqual("0", await page.InnerTextAsync("#compare-unchanged .count"));
            await browser.ScreenshotAsync("compare-revisions");
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

        await page.GotoAsync("/levels/1", Browser.Opened);
        await browser.AtAsync("/signin");
        await page.FillAsync("#key", "rlgt_not_a_key");
        await page.ClickAsync("#signin-key");

        await page.WaitForSelectorAsync(".error");
        Assert.Contains("The Api refused the key", await page.InnerTextAsync(".error"), StringComparison.Ordinal);
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
    }
}
