using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

// Time to first render of the web app's level page (issue 15): uploads a WAD (freedoom2.wad) through the Api, finds its
// largest level by line count, waits for its checks, signs in to the web app in headless Chromium, then loads the
// level's page --loads times: from navigation to first contentful paint and to the level map drawn (its SVG present,
// then painted), and until the page is interactive. Baselines in the same run, alternating with it: the same page's
// HTML and stylesheet served as a static page from loopback (what the bytes cost the browser alone), and the Api's
// geometry call alone. Prints medians and the ratio to the static page; target: drawn in under 1 s.
var api = new Uri(Argument("--api") ?? throw new ArgumentException("--api URL is required"));
var web = new Uri(Argument("--web") ?? throw new ArgumentException("--web URL is required"));
var key = Argument("--key") ?? throw new ArgumentException("--key KEY is required");
var wad = Argument("--wad") ?? "/usr/share/games/doom/freedoom2.wad";
var loads = int.Parse(Argument("--loads") ?? "9", CultureInfo.InvariantCulture);
var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromMinutes(5) };
http.DefaultRequestHeaders.Add("X-Api-Key", key);

// The largest level of the WAD, by its lines.
using var form = new MultipartFormDataContent();
var file = new ByteArrayContent(await File.ReadAllBytesAsync(wad));
file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
form.Add(file, "file", Path.GetFileName(wad));
using var uploaded = await http.PostAsync(new Uri("/api/maps", UriKind.Relative), form);
uploaded.EnsureSuccessStatusCode();
var levels = (await uploaded.Content.ReadFromJsonAsync<JsonArray>())!.Select(m => (Id: m!["id"]!.GetValue<long>(), Name: m["level_name"]?.GetValue<string>() ?? "?")).ToList();
var sized = new List<(long Id, string Name, int Lines, long Bytes, double FirstCallMs)>();
foreach (var (id, name) in levels)
{
    var firstCall = Stopwatch.StartNew();
    var body = await http.GetByteArrayAsync(new Uri($"/api/maps/{id}/geometry", UriKind.Relative));
    sized.Add((id, name, JsonNode.Parse(body)!["lines"]!.AsArray().Count, body.Length, firstCall.Elapsed.TotalMilliseconds));
}

var level = sized.MaxBy(l => l.Lines);
Console.WriteLine(Invariant($"{Path.GetFileName(wad)}: {levels.Count} levels; largest {level.Name} (map {level.Id}): {level.Lines} lines, geometry {level.Bytes / 1024.0:0} KiB of JSON, its first geometry call {level.FirstCallMs:0} ms"));

// Its checks done, so every load shows the same page (findings and report included).
for (var i = 0; i < 120; i++)
{
    var checks = await http.GetFromJsonAsync<JsonObject>(new Uri($"/api/maps/{level.Id}/checks", UriKind.Relative));
    if (checks?["checked_at"] is JsonValue)
    {
        break;
    }

    await Task.Delay(500);
}

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = chromium,
    Headless = true,
    Args = ["--no-sandbox", "--disable-dev-shm-usage"],
});
var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = web.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
context.SetDefaultTimeout(60_000);
// When the map's lines are first in the page, and the frame after that (painted).
await context.AddInitScriptAsync("""
    new MutationObserver((_, observer) => {
      if (document.querySelector("svg.level-map path.wall")) {
        observer.disconnect();
        window.__mapAt = performance.now();
        requestAnimationFrame(() => setTimeout(() => window.__mapPainted = performance.now()));
      }
    }).observe(document, { subtree: true, childList: true });
    """);
var page = await context.NewPageAsync();
await page.GotoAsync("/signin");
await page.FillAsync("#key", key);
await page.ClickAsync("#signin-key");
await page.WaitForSelectorAsync("h1:text('Levels')");

// The page as the web app sends it, for the static baseline: the same HTML and stylesheet from a plain loopback server.
var cookies = string.Join("; ", (await context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));
using var webHttp = new HttpClient { BaseAddress = web };
webHttp.DefaultRequestHeaders.Add("Cookie", cookies);
var levelPath = $"/levels/{level.Id}";
var html = await webHttp.GetByteArrayAsync(new Uri(levelPath, UriKind.Relative));
var stylesheet = System.Text.RegularExpressions.Regex.Match(System.Text.Encoding.UTF8.GetString(html), "href=\"(app[^\"]*\\.css)\"").Groups[1].Value;
var css = await webHttp.GetByteArrayAsync(new Uri("/" + stylesheet, UriKind.Relative));
await using var staticSite = await StaticSite.StartAsync(html, "/" + stylesheet, css);
using var compressed = new HttpRequestMessage(HttpMethod.Get, levelPath);
compressed.Headers.AcceptEncoding.ParseAdd("gzip, br");
using var compressedAnswer = await webHttp.SendAsync(compressed);
var wire = (await compressedAnswer.Content.ReadAsByteArrayAsync()).Length;
Console.WriteLine(Invariant($"level page: {html.Length / 1024.0:0} KiB of HTML ({wire / 1024.0:0} KiB on the wire, {(compressedAnswer.Content.Headers.ContentEncoding.FirstOrDefault() ?? "not compressed")}); stylesheet {css.Length / 1024.0:0} KiB"));

var webRuns = new List<Load>();
var staticRuns = new List<Load>();
var apiRuns = new List<double>();
for (var i = -2; i < loads; i++)
{
    // Two warm-up rounds (JIT, connection pools, the browser's caches of the scripts) are not counted.
    var w = await MeasureAsync(page, new Uri(web, levelPath).ToString(), interactive: true);
    var s = await MeasureAsync(page, staticSite.Address.ToString(), interactive: false);
    var watch = Stopwatch.StartNew();
    _ = await http.GetByteArrayAsync(new Uri($"/api/maps/{level.Id}/geometry", UriKind.Relative));
    var a = watch.Elapsed.TotalMilliseconds;
    if (i >= 0)
    {
        webRuns.Add(w);
        staticRuns.Add(s);
        apiRuns.Add(a);
    }
}

Print("web app level page", webRuns);
Print("baseline: same bytes as a static page", staticRuns);
Console.WriteLine(Invariant($"baseline: the Api's geometry call alone: {Median(apiRuns):0} ms median"));
var drawn = Median(webRuns.Select(r => r.Drawn));
Console.WriteLine(Invariant($"ratio: level map drawn {drawn:0} ms = {drawn / Median(staticRuns.Select(r => r.Drawn)):0.0}x the static page; {drawn / Median(apiRuns):0.0}x the geometry call"));
Console.WriteLine(drawn < 1000 ? Invariant($"target met: drawn in {drawn:0} ms (< 1,000 ms)") : Invariant($"TARGET MISSED: drawn in {drawn:0} ms (>= 1,000 ms)"));
return 0;

static async Task<Load> MeasureAsync(IPage page, string url, bool interactive)
{
    await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
    await page.WaitForSelectorAsync("svg.level-map path.wall");
    await page.WaitForFunctionAsync("window.__mapPainted !== undefined && performance.getEntriesByName('first-contentful-paint').length > 0");
    var interactiveAt = 0.0;
    if (interactive)
    {
        await page.WaitForSelectorAsync("[data-interactive='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        interactiveAt = await page.EvaluateAsync<double>("performance.now()");
    }

    var t = await page.EvaluateAsync<double[]>("""
        () => {
          const nav = performance.getEntriesByType("navigation")[0];
          return [nav.responseStart, nav.responseEnd, performance.getEntriesByName("first-contentful-paint")[0].startTime, window.__mapAt, window.__mapPainted];
        }
        """);
    return new Load(t[0], t[1], t[2], Math.Max(t[2], t[4]), interactiveAt);
}

static void Print(string what, List<Load> runs) =>
    Console.WriteLine(Invariant($"{what}: first byte {Median(runs.Select(r => r.FirstByte)):0} ms, last byte {Median(runs.Select(r => r.LastByte)):0} ms, ") +
        Invariant($"first contentful paint {Median(runs.Select(r => r.Fcp)):0} ms, map drawn {Median(runs.Select(r => r.Drawn)):0} ms (range {runs.Min(r => r.Drawn):0}-{runs.Max(r => r.Drawn):0})") +
        (runs[0].Interactive > 0 ? Invariant($", interactive {Median(runs.Select(r => r.Interactive)):0} ms") : "") + Invariant($"; median of {runs.Count}"));

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

string? Argument(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

/// <summary>One page load, in milliseconds from navigation start.</summary>
internal sealed record Load(double FirstByte, double LastByte, double Fcp, double Drawn, double Interactive);

/// <summary>The captured page and its stylesheet served as they are, by a plain Kestrel on loopback.</summary>
internal sealed class StaticSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticSite(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<StaticSite> StartAsync(byte[] html, string cssPath, byte[] css)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet(cssPath, () => Results.Bytes(css, "text/css"));
        app.MapGet("/", () => Results.Bytes(html, "text/html; charset=utf-8"));
        app.MapFallback((HttpContext context) => context.Response.StatusCode = (int)HttpStatusCode.NotFound);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new StaticSite(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
