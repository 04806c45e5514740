extern alias analysis;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using analysis::RlGameTester.Analysis.Rendering;
using Microsoft.Extensions.DependencyInjection;
using OpenCvSharp;
using RlGameTester.Data.Blobs;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Metadata;
using RlGameTester.Doom.Wad;
using RlGameTester.Messaging.Jobs;
using RlGameTester.Messaging.Queue;
using RlGameTester.TestSupport;
using CvScalar = OpenCvSharp.Scalar;

namespace RlGameTester.Api.Tests;

/// <summary>
/// Map and run images end to end: the Api queues the work, the real Analysis service draws and stores the images, and the
/// Api streams them (PNG, ETag, 304), against real PostgreSQL, Redis and Azurite.
/// </summary>
public sealed class ImagesApiTests(ApiWithAnalysis services) : IClassFixture<ApiWithAnalysis>
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly TimeSpan DrawTimeout = TimeSpan.FromSeconds(90);
    private readonly HttpClient _client = services.Api.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnUploadedLevelsImageIsAPngOnceTheAnalysisServiceHasCheckedItAndAnETagRevalidates()
    {
        var wad = WadBuilder.Unique(Path.Combine(Fixtures.Wads, "defend_the_center.wad"));
        var mapId = (await _client.UploadAsync(wad, "level.wad"))[0]!["id"]!.GetValue<long>();

        using var response = await WaitForImageAsync($"/api/maps/{mapId}/image");

        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        Assert.True(response.Headers.CacheControl?.NoCache, "the image can be redrawn, so caches must revalidate");
        var png = await response.Content.ReadAsByteArrayAsync(Token);
        Assert.Equal(PngSignature, png[..8]);
        using var decoded = Cv2.ImDecode(png, ImreadModes.Color);
        Assert.Equal(new RenderOptions().LongestSide, Math.Max(decoded.Width, decoded.Height));
        // Drawn after the checks were stored.
        Assert.NotNull((await _client.GetOkAsync($"/api/maps/{mapId}/checks"))["checked_at"]);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/maps/{mapId}/image");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await _client.SendAsync(again, Token);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task ARunsImageShowsItsPathAndItsFindingsOnceTheRunIsAnalysed()
    {
        var wad = WadBuilder.Unique(Path.Combine(Fixtures.Wads, "defend_the_center.wad"));
        var mapId = (await _client.UploadAsync(wad, "level.wad"))[0]!["id"]!.GetValue<long>();
        var level = LevelReader.ReadAll(WadFile.Read(wad))[0];
        var metadata = LevelMetadata.Create(level);
        // ViZDoom's scenario has deathmatch starts only: the walk starts in the middle of the arena.
        var start = (X: metadata.Bounds.CenterX, Y: metadata.Bounds.CenterY);
        var runId = await _client.CreateRunAsync(mapId);

        // A walk east, and a critical finding filed further south.
        var path = Enumerable.Range(0, 9).Select(i => (X: start.X + (i * 24), Y: start.Y)).ToList();
        var t0 = DateTimeOffset.UtcNow;
        var events = new List<object> { new { event_type = "episode_start", timestamp = t0, episode = 1, frame = 0 } };
        events.AddRange(path.Select((p, i) => (object)new { event_type = "position", timestamp = t0.AddSeconds(i), episode = 1, frame = i * 35, data = new { x = p.X, y = p.Y } }));
        events.Add(new { event_type = "episode_end", timestamp = t0.AddSeconds(path.Count), episode = 1, frame = path.Count * 35 });
        await _client.PostOkAsync($"/api/events/bulk?run_id={runId}", events);
        var finding = (X: start.X, Y: start.Y - (metadata.Bounds.Height / 4));
        var bug = await _client.PostOkAsync("/api/bugs", new
        {
            run_id = runId, bug_type = "stuck_state", severity = "critical", title = "Stuck south of the start", position_x = finding.X, position_y = finding.Y,
        });

        // As a worker leaves it: ended, then queued for analysis.
        await _client.PostOkAsync($"/api/runs/{runId}/start", new { }, HttpStatusCode.Accepted);
        await _client.PostOkAsync($"/api/runs/{runId}/complete", new { total_episodes = 1 }, HttpStatusCode.OK);
        var notYet = await _client.GetAsync($"/api/runs/{runId}/image", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("not been analysed", notYet["detail"]!.GetValue<string>());

        await QueueRunAnalysisAsync(runId);
        using var response = await WaitForImageAsync($"/api/runs/{runId}/image");

        using var decoded = Cv2.ImDecode(await response.Content.ReadAsByteArrayAsync(Token), ImreadModes.Color);
        // The same level drawn here gives the transform the Analysis service drew with.
        using var reference = new LevelRenderer(new RenderOptions()).Render(level, extraLegend: RunOverlay.LegendEntries);
        Assert.Equal((reference.Width, reference.Height), (decoded.Width, decoded.Height));
        foreach (var (x, y) in path)
        {
            var pixel = reference.Transform.ToPixel(x, y);
            Assert.Equal(Bgr(MapPalette.Path), decoded.At<Vec3b>(pixel.Y, pixel.X));
        }

        var marker = reference.Transform.ToPixel(finding.X, finding.Y);
        Assert.Equal(Bgr(MapPalette.Critical), decoded.At<Vec3b>(marker.Y, marker.X));
        Assert.True(bug["id"]!.GetValue<long>() > 0);
    }

    [Fact]
    public async Task ARunWithoutPositionsGetsAnImageAndDeletingTheFilesLastMapDeletesEveryImageOfIt()
    {
        var maps = await _client.UploadAsync(WadBuilder.Unique(Path.Combine(Fixtures.Wads, "deathmatch_rockets.wad")), "dm.wad");
        Assert.True(maps.Count >= 2, "deathmatch_rockets.wad should hold several levels");
        var hash = maps[0]!["file_hash"]!.GetValue<string>();
        foreach (var map in maps)
        {
            (await WaitForImageAsync($"/api/maps/{map!["id"]}/image")).Dispose();
        }

        var runId = await _client.CreateRunAsync(maps[0]!["id"]!.GetValue<long>());
        await _client.PostOkAsync($"/api/events/bulk?run_id={runId}", new[] { new { event_type = "episode_start", timestamp = DateTimeOffset.UtcNow, episode = 1 } });
        await QueueRunAnalysisAsync(runId);
        using (var drawn = await WaitForImageAsync($"/api/runs/{runId}/image"))
        {
            Assert.Equal(PngSignature, (await drawn.Content.ReadAsByteArrayAsync(Token))[..8]);
        }

        var blobs = services.Api.Services.GetRequiredService<BlobStore>();
        var levelImages = maps.Select(m => BlobStore.MapImageName(hash, m!["level_name"]!.GetValue<string>())).ToList();
        var runImage = BlobStore.RunImageName(hash, runId);
        Assert.True(await blobs.ExistsAsync(BlobStore.Images, runImage, Token));
        for (var i = 0; i < maps.Count; i++)
        {
            foreach (var name in levelImages)
            {
                Assert.True(await blobs.ExistsAsync(BlobStore.Images, name, Token), $"{name} went while {maps.Count - i} map(s) still use the file");
            }

            Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/maps/{maps[i]!["id"]}", Token)).StatusCode);
            // The run belonged to the first map: its image goes with it.
            Assert.False(await blobs.ExistsAsync(BlobStore.Images, runImage, Token), "the run's image outlived its run");
        }

        foreach (var name in levelImages)
        {
            Assert.False(await blobs.ExistsAsync(BlobStore.Images, name, Token), $"{name} outlived the file's last map");
        }
    }

    private async Task QueueRunAnalysisAsync(long runId) =>
        await services.Api.Services.GetRequiredService<RedisJobQueue>().EnqueueAsync(new AnalyseRun(runId), Token);

    /// <summary>Asks until the Analysis service has drawn the image; every answer before that must be a 404 that says to retry.</summary>
    private async Task<HttpResponseMessage> WaitForImageAsync(string url)
    {
        var deadline = DateTime.UtcNow + DrawTimeout;
        while (true)
        {
            var response = await _client.GetAsync(url, Token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return response;
            }

            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} answered {(int)response.StatusCode}: {problem}");
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Contains("Analysis service", problem.GetProperty("detail").GetString());
            response.Dispose();
            Assert.True(DateTime.UtcNow < deadline, $"GET {url}: no image after {DrawTimeout.TotalSeconds} s: {problem}");
            await Task.Delay(200, Token);
        }
    }

    private static Vec3b Bgr(CvScalar colour) => new((byte)colour.Val0, (byte)colour.Val1, (byte)colour.Val2);
}
