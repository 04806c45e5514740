using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using RlGameTester.Web.Api;
using RlGameTester.Web.Components.Shared;

namespace RlGameTester.Web.Tests;

/// <summary>The frames browser: one frame at a time through the media proxy, moved by buttons or the slider, a page of frames held at a time.</summary>
public sealed class FramesBrowserTests : IDisposable
{
    private readonly BunitContext _context = new();

    private static readonly FrameList Three = new() { Total = 3, Frames = [new() { Tick = 0, Episode = 1 }, new() { Tick = 10, Episode = 1 }, new() { Tick = 35, Episode = 2 }] };

    [Fact]
    public void TheButtonsAndTheSliderMoveThroughTheFramesAndStopAtTheEnds()
    {
        var browser = _context.Render<FramesBrowser>(p => p.Add(f => f.RunId, 12).Add(f => f.Frames, Three));

        Assert.Equal("media/runs/12/frames/0", browser.Find("img.frame").GetAttribute("src"));
        Assert.True(browser.Find("#frame-previous").HasAttribute("disabled"));
        Assert.Equal("2", browser.Find("#frame-slider").GetAttribute("max"));

        browser.Find("#frame-next").Click();
        Assert.Equal("Frame 2 of 3, tick 10, episode 1", browser.Find("#frame-label").TextContent);
        Assert.Equal("media/runs/12/frames/10", browser.Find("img.frame").GetAttribute("src"));

        browser.Find("#frame-slider").Input("2");
        Assert.Equal("media/runs/12/frames/35", browser.Find("img.frame").GetAttribute("src"));
        Assert.Equal("Frame 3 of 3, tick 35, episode 2", browser.Find("#frame-slider").GetAttribute("aria-valuetext"));
        Assert.True(browser.Find("#frame-next").HasAttribute("disabled"));
        browser.Find("#frame-previous").Click();
        Assert.Equal("1", browser.Find("#frame-slider").GetAttribute("value"));
    }

    [Fact]
    public async Task MovingPastThePageHeldAsksForThePageThatHoldsTheFrameOnly()
    {
        // Ten frames in pages of four, served as the Api pages them (its own paging is the page tests' subject).
        FrameList[] pages = [.. Enumerable.Range(0, 3).Select(p => new FrameList
        {
            Total = 10,
            Frames = [.. Enumerable.Range(p * 4, Math.Min(4, 10 - (p * 4))).Select(i => new RunFrame { Tick = i * 10 })],
        })];
        var asked = new List<int>();
        var browser = _context.Render<FramesBrowser>(p => p.Add(f => f.RunId, 12).Add(f => f.Frames, pages[0]).Add(f => f.PageSize, 4)
            .Add(f => f.LoadPage, (skip, _) => { asked.Add(skip); return Task.FromResult(pages[skip / 4]); }));

        Assert.Equal("9", browser.Find("#frame-slider").GetAttribute("max"));
        await browser.Find("#frame-slider").InputAsync(new ChangeEventArgs { Value = "9" });
        browser.WaitForAssertion(() => Assert.Equal("Frame 10 of 10, tick 90", browser.Find("#frame-label").TextContent));
        Assert.True(browser.Find("#frame-next").HasAttribute("disabled"));
        await browser.Find("#frame-previous").ClickAsync(new MouseEventArgs());
        await browser.Find("#frame-previous").ClickAsync(new MouseEventArgs());
        browser.WaitForAssertion(() => Assert.Equal("media/runs/12/frames/70", browser.Find("img.frame").GetAttribute("src")));

        Assert.Equal([8, 4], asked);
    }

    [Fact]
    public async Task TheFirstPageFetchedAgainWhileAnotherLoadsKeepsTheFrameThePersonMovedTo()
    {
        // The run page fetches its result (and the first page of frames) again while the person has moved on: the
        // browser stays on their frame, and the page loading for it lands (it was left on frame 1, "loading", for good).
        FrameList Page(int p) => new()
        {
            Total = 10,
            Frames = [.. Enumerable.Range(p * 4, Math.Min(4, 10 - (p * 4))).Select(i => new RunFrame { Tick = i * 10 })],
        };
        var third = new TaskCompletionSource<FrameList>();
        var browser = _context.Render<FramesBrowser>(p => p.Add(f => f.RunId, 12).Add(f => f.Frames, Page(0)).Add(f => f.PageSize, 4)
            .Add(f => f.LoadPage, (_, _) => third.Task));

        var moving = browser.Find("#frame-slider").InputAsync(new ChangeEventArgs { Value = "9" });
        browser.WaitForAssertion(() => Assert.Equal("Frame 10 of 10, loading…", browser.Find("#frame-label").TextContent));
        browser.Render(p => p.Add(f => f.Frames, Page(0)));
        third.SetResult(Page(2));
        await moving;

        browser.WaitForAssertion(() => Assert.Equal("Frame 10 of 10, tick 90", browser.Find("#frame-label").TextContent));
        Assert.Equal("media/runs/12/frames/90", browser.Find("img.frame").GetAttribute("src"));
    }

    [Fact]
    public void ARunWithoutFramesSaysSoPlainly()
    {
        var browser = _context.Render<FramesBrowser>(p => p.Add(f => f.RunId, 12).Add(f => f.Frames, new FrameList()));

        Assert.Equal("This run has no frames.", browser.Find("#frames-none").TextContent);
        Assert.Empty(browser.FindAll("img"));
    }

    public void Dispose() => _context.Dispose();
}
