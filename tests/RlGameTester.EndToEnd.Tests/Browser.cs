using Microsoft.Playwright;

namespace RlGameTester.EndToEnd.Tests;

/// <summary>
/// A real headless Chromium (Debian's package; Playwright's own downloads are not used) and a page in it that has signed
/// in to the web app with a key. Screenshots go to the test output's <c>screenshots</c> folder.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    /// <summary>Where Debian installs Chromium (scripts/setup.sh); CHROMIUM_PATH overrides it.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<Browser> OpenAsync(Uri webApp, int width = 1280, int height = 800)
    {
        var playwright = await Playwright.CreateAsync();
        // --no-sandbox: the tests run as root here, where Chromium's sandbox refuses to start.
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = webApp.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(60_000);
        return new Browser(playwright, browser, await context.NewPageAsync());
    }

    /// <summary>
    /// Pages opened by their address are waited for until the new page is committed, not loaded: "load" waits for every
    /// image too, which on a loaded machine comes long after the page a test goes on to wait for (each next step waits
    /// for its own element).
    /// </summary>
    public static readonly PageGotoOptions Opened = new() { WaitUntil = WaitUntilState.Commit };

    /// <summary>Signs in through the sign-in page, as a person does.</summary>
    public async Task SignInAsync(string key)
    {
        await Page.GotoAsync("/", Opened);
        await AtAsync("/signin");
        await Page.FillAsync("#key", key);
        await Page.ClickAsync("#signin-key");
        await Page.WaitForSelectorAsync("h1:text('Levels')");
        await InteractiveAsync();
    }

    /// <summary>
    /// Waits until the page's address contains <paramref name="path"/>, asking the page itself until it answers (the poll
    /// starts again in each new document). Playwright's WaitForURL raced here both ways: it missed a Blazor NavigateTo
    /// (pushState) that landed between its look at the address and its wait for the next navigation, and with a page
    /// already at the address it waited for a "commit" load state that never comes (60 s timeouts, one in each).
    /// </summary>
    public Task AtAsync(string path) => Page.WaitForFunctionAsync("path => location.pathname.includes(path)", path);

    /// <summary>Waits until the page answers clicks: a prerendered page shows before its circuit is up.</summary>
    public Task InteractiveAsync() => Page.WaitForSelectorAsync("[data-interactive='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    /// <summary>Runs a test's steps; when one fails, the page as it was is saved and its text added to the failure.</summary>
    public Task StepsAsync(string name, Func<Task> steps) => StepsAsync(name, () => "", steps);

    /// <summary>As <see cref="StepsAsync(string, Func{Task})"/>, with what <paramref name="context"/> says then (the services' log of the runs).</summary>
    public async Task StepsAsync(string name, Func<string> context, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException or Xunit.Sdk.XunitException)
        {
            await ScreenshotAsync($"{name}-failed");
            throw new InvalidOperationException($"{e.Message}\nThe page at {Page.Url} read:\n{await Page.InnerTextAsync("body")}\n{context()}", e);
        }
    }

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
