using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OpenCvSharp;
using RlGameTester.Data.Blobs;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Rendering;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Views;
using RlGameTester.Doom.Wad;
using RlGameTester.Messaging.Jobs;
using RlGameTester.Messaging.Queue;
using RlGameTester.TestSupport;

namespace RlGameTester.Api.Tests;

/// <summary>
/// Every finding with a place gets a screenshot: a static finding's view from where a player would stand in front of
/// the defect, a run finding's from where the play was, facing the element; drawn by the real Analysis service, stored in
/// Azurite and served by <c>GET /api/bugs/{id}/screenshot</c>, against real PostgreSQL and Redis.
/// </summary>
public sealed class FindingScreenshotTests(ApiWithAnalysis services) : IClassFixture<ApiWithAnalysis>
{
    private readonly HttpClient _client = services.Api.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWallWithAnUnknownTextureIsSeenFromInFrontAsAHallOfMirrorsInTheMiddleOfItsScreenshot()
    {
        var (line, side) = LongWall();
        var wad = DoctoredLevels.Map01(("NOSUCHSH", side));
        var map = Assert.Single(await _client.UploadAsync(wad, "map01.wad"))!;
        var checks = await Eventually.UntilAsync(
            _ => _client.GetOkAsync($"/api/maps/{map["id"]}/checks"), c => c["checked_at"] is not null, $"map {map["id"]} to be checked", Token);
        var finding = checks["findings"]!.AsArray().Single(f => f!["description"]!.GetValue<string>().Contains("NOSUCHSH", StringComparison.Ordinal))!;

        Assert.Equal("side", finding["element_kind"]!.GetValue<string>());
        Assert.StartsWith($"maps/{map["file_hash"]}/shots/", finding["screenshot_path"]!.GetValue<string>(), StringComparison.Ordinal);
        using var shot = await ScreenshotAsync(finding["id"]!.GetValue<long>());
        Assert.Equal((320, 200), (shot.Cols, shot.Rows));
        Cv2.MinMaxLoc(shot.CvtColor(ColorConversionCodes.BGR2GRAY), out double darkest, out double brightest);
        Assert.True(brightest > darkest, "the screenshot is one colour");
        // Palette index 168, the renderer's clear value, is pure white: where the undrawn wall of line {line} is.
        var white = CentralCount(shot, new Vec3b(255, 255, 255));
        Assert.True(white > 300, $"{white} hall-of-mirrors pixels in the middle of line {line}'s screenshot");
    }

    [Fact]
    public async Task ARunFindingIsSeenFromWhereThePlayStoppedFacingItsBlocker()
    {
        var (line, side) = LongWall();
        var wad = DoctoredLevels.Map01(("NOSUCHRN", side));
        var map = Assert.Single(await _client.UploadAsync(wad, "map01.wad"))!;
        var mapId = map["id"]!.GetValue<long>();
        // Where the play stopped: the spot a player would look at the wall from, a little to one side.
        var level = LevelReader.ReadAll(WadFile.Read(wad))[0];
        var geometry = new LevelGeometry(level);
        var front = new ViewFinder(geometry).Choose(new ViewTarget(ElementKind.Side, side, 0, 0))!;
        var expected = new ViewFinder(geometry).Choose(new ViewTarget(ElementKind.Line, line, front.View.X, front.View.Y, StandsAtPlace: true))!;
        Assert.Equal((front.View.X, front.View.Y), (expected.View.X, expected.View.Y));

        var runId = await _client.CreateRunAsync(mapId);
        var t0 = DateTimeOffset.UtcNow;
        await _client.PostOkAsync($"/api/events/bulk?run_id={runId}", new object[]
        {
            new { event_type = "episode_start", timestamp = t0, episode = 1, frame = 0 },
            new
            {
                event_type = "finding", timestamp = t0.AddSeconds(1), episode = 1, frame = 35,
                data = new
                {
                    type = "stuck_state", severity = "critical", check = "exit-unreachable", title = "Exit unreachable: a wall in the way",
                    x = front.View.X, y = front.View.Y, element_kind = "line", element_index = line,
                },
            },
            new { event_type = "episode_end", timestamp = t0.AddSeconds(2), episode = 1, frame = 70 },
        });
        await _client.PostOkAsync($"/api/runs/{runId}/start", new { }, HttpStatusCode.Accepted);
        await _client.PostOkAsync($"/api/runs/{runId}/complete", new { total_episodes = 1 }, HttpStatusCode.OK);
        await services.Api.Services.GetRequiredService<RedisJobQueue>().EnqueueAsync(new AnalyseRun(runId), Token);

        var bug = await Eventually.UntilAsync(
            _ => _client.GetOkAsync($"/api/bugs?run_id={runId}"),
            b => b.AsArray().Any(f => f!["check_name"]?.GetValue<string>() == "exit-unreachable"),
            $"run {runId} to be analysed", Token);
        var finding = bug.AsArray().Single(f => f!["check_name"]?.GetValue<string>() == "exit-unreachable")!;
        Assert.StartsWith($"runs/{runId}/shot-", finding["screenshot_path"]!.GetValue<string>(), StringComparison.Ordinal);
        using var shot = await ScreenshotAsync(finding["id"]!.GetValue<long>());

        // The very view the library chooses: from the place, facing the line, through the level's load order.
        var entry = LevelDirectory.Find(WadFile.Read(wad)).Single();
        var resources = ResourceSet.Create(WadFile.Read(wad), WadFile.Read(File.ReadAllBytes(Fixtures.Freedoom2)));
        var view = new ViewRenderer(RenderScene.Create(level, resources, entry)).Render(expected.View);
        var rgb = view.Image.ToRgb(resources.Palette!);
        Assert.Equal((rgb.Width, rgb.Height), (shot.Cols, shot.Rows));
        for (var i = 0; i < rgb.Width * rgb.Height; i += 97)
        {
            Assert.Equal(new Vec3b(rgb.Rgb[(i * 3) + 2], rgb.Rgb[(i * 3) + 1], rgb.Rgb[i * 3]), shot.At<Vec3b>(i / rgb.Width, i % rgb.Width));
        }

        Assert.True(CentralCount(shot, new Vec3b(255, 255, 255)) > 300, "the wall with the unknown texture is not in the middle of the view");

        // Deleted with the run.
        var blobs = services.Api.Services.GetRequiredService<BlobStore>();
        var path = finding["screenshot_path"]!.GetValue<string>();
        Assert.True(await blobs.ExistsAsync(BlobStore.Images, path, Token));
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/runs/{runId}", Token)).StatusCode);
        Assert.False(await blobs.ExistsAsync(BlobStore.Images, path, Token));
    }

    [Fact]
    public async Task ABugWithoutAScreenshotIsA404ThatSaysSo()
    {
        var mapId = await _client.CreateMapAsync();
        var bug = await _client.PostOkAsync("/api/bugs", new { map_id = mapId, bug_type = "visual_glitch", title = "Flickering wall" });

        var problem = await _client.GetAsync($"/api/bugs/{bug["id"]}/screenshot", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("no screenshot", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>The first one-sided wall of freedoom2's MAP01 at least 128 long: line and its (front) side.</summary>
    private static (int Line, int Side) LongWall()
    {
        var level = LevelReader.ReadAll(WadFile.Read(File.ReadAllBytes(Fixtures.Freedoom2))).Single(l => l.Name == "MAP01");
        var geometry = new LevelGeometry(level);
        var line = Enumerable.Range(0, level.Linedefs.Length).First(i => level.Linedefs[i].BackSide < 0 && level.Linedefs[i].FrontSide >= 0 && geometry.Length(i) >= 128);
        return (line, level.Linedefs[line].FrontSide);
    }

    private async Task<Mat> ScreenshotAsync(long bugId)
    {
        using var response = await _client.GetAsync($"/api/bugs/{bugId}/screenshot", Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        return Cv2.ImDecode(await response.Content.ReadAsByteArrayAsync(Token), ImreadModes.Color);
    }

    // Pixels of one colour in the middle third of the columns.
    private static int CentralCount(Mat image, Vec3b colour)
    {
        var (width, height) = (image.Width, image.Height);
        var count = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = width / 3; x < width * 2 / 3; x++)
            {
                count += image.At<Vec3b>(y, x).Equals(colour) ? 1 : 0;
            }
        }

        return count;
    }
}
