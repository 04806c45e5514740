using RlGameTester.Web.Api;
using RlGameTester.Web.Components.Shared;

namespace RlGameTester.Web.Tests;

/// <summary>The frames browser: one frame at a time through the media proxy, moved by buttons or the slider.</summary>
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
    public void ARunWithMoreFramesThanAPageSaysHowManyCanBeBrowsed()
    {
        var browser = _context.Render<FramesBrowser>(p => p.Add(f => f.RunId, 12).Add(f => f.Frames, Three with { Total = 4000 }));

        Assert.Equal("Frame 1 of 4000, tick 0, episode 1 (the first 3 can be browsed here)", browser.Find("#frame-label").TextContent);
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
