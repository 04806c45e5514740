using OpenCvSharp;
using RlGameTester.Web.Api;
using RlGameTester.Web.Components.Pages;

namespace RlGameTester.Web.Tests.Pages;

/// <summary>
/// A run's page (<c>/runs/{id}</c>) against the real Api: an ended, analysed run's hardness factors, timeline, findings and
/// frames, the frames browsed past the page the browser holds (the page size lowered to 4, as <c>Pages:Frames</c> can be).
/// </summary>
public sealed class RunPageTests(PagesApi api) : IClassFixture<PagesApi>, IAsyncLifetime
{
    private const int FramesPage = 4;
    private BunitContext _context = null!;

    public async ValueTask InitializeAsync() =>
        _context = PageContext.Create(api, await api.KeyWithRolesAsync("reader"), new PageSizes { Frames = FramesPage });

    [Fact]
    public async Task AnAnalysedRunShowsItsHardnessTimelineFindingsAndEveryFrame()
    {
        var level = await api.UploadLevelAsync("Played");
        var run = await api.PlayedRunAsync(level, Played.TwoEpisodes());
        await api.FileAsync(level, run, "major", "telemetry", "Stuck by the lift");
        await api.FileAsync(level, run, "critical", "telemetry", "Died at once in the pit", "instant_death");
        await UploadFramesAsync(run, 10);

        var page = _context.Render<Run>(p => p.Add(r => r.Id, run));

        page.WaitForAssertion(() => Assert.Equal("Frame 1 of 10, tick 0", page.Find("#frame-label").TextContent));
        Assert.Equal("completed", page.Find("#run-status").TextContent);
        Assert.Equal("49.42", page.Find("#hardness-score").TextContent);
        Assert.Equal("medium", page.Find("#hardness-band").TextContent);
        Assert.Equal(["17.5 of 35", "21.25 of 25", "10.67 of 20", "0 of 20"],
            new[] { "deaths", "kills", "health", "stuck" }.Select(f => page.Find($"[data-factor={f}] .points").TextContent));
        Assert.NotNull(page.Find("svg.timeline-chart"));
        Assert.Equal(["1", "2"], page.FindAll("#timeline-episode option").Select(o => o.TextContent));
        Assert.Equal("Findings (2)", page.Find("#run-findings-title").TextContent);
        Assert.Equal(["Stuck by the lift", "Died at once in the pit"],
            page.FindAll("ul.run-findings li").Select(li => li.TextContent.Trim()).Select(t => t[(t.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim()).Order().Reverse());

        // The slider spans all ten frames; its end is on the third page of four, which the browser fetches.
        Assert.Equal("9", page.Find("#frame-slider").GetAttribute("max"));
        await page.Find("#frame-slider").InputAsync(new() { Value = "9" });
        page.WaitForAssertion(() => Assert.Equal("Frame 10 of 10, tick 90", page.Find("#frame-label").TextContent));
        Assert.Equal($"media/runs/{run}/frames/90", page.Find("img.frame").GetAttribute("src"));
        Assert.True(page.Find("#frame-next").HasAttribute("disabled"));
        await page.Find("#frame-previous").ClickAsync(new());
        await page.Find("#frame-previous").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("Frame 8 of 10, tick 70", page.Find("#frame-label").TextContent));
        Assert.Equal($"media/runs/{run}/frames/70", page.Find("img.frame").GetAttribute("src"));
    }

    [Fact]
    public void ARunThatDoesNotExistShowsTheApisReason()
    {
        var page = _context.Render<Run>(p => p.Add(r => r.Id, 987654321));

        page.WaitForAssertion(() => Assert.Contains("There is no run with id 987654321.", page.Find("p.error[role=alert]").TextContent, StringComparison.Ordinal));
    }

    /// <summary>Frames at ticks 0, 10, 20…, real PNGs the Api decodes and stores.</summary>
    private async Task UploadFramesAsync(long run, int count)
    {
        using var form = new MultipartFormDataContent();
        for (var i = 0; i < count; i++)
        {
            using var picture = new Mat(200, 320, MatType.CV_8UC3, OpenCvSharp.Scalar.All(i * 20));
            form.Add(new ByteArrayContent(picture.ImEncode(".png")), "frames", $"{i * 10:D6}.png");
        }

        var response = await api.Admin.PostAsync($"/api/runs/{run}/frames", form, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
