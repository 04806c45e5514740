extern alias api;

using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using OpenCvSharp;
using RlGameTester.Analysis.Frames;
using RlGameTester.Analysis.Tests.Frames.Support;
using RlGameTester.TestSupport;

namespace RlGameTester.Analysis.Tests.Frames;

/// <summary>
/// The whole frame path with real services: frames of freedoom scenes uploaded to the Api (a zip and loose files), the
/// Api queuing the frame job on Redis, the Analysis service taking it and filing visual_glitch bugs, and the Api
/// serving their thumbnails. A second upload is analysed again without duplicating a bug.
/// </summary>
public sealed class FramesThroughTheApiTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private static readonly ClipFactory Factory = new(DoomGraphics.Shared, 320, 240);
    private TestDatabase? _database;
    private ServiceHost<api::Program>? _api;
    private ServiceHost<Program>? _analysis;
    private string? _key;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Token);
        _api = new ServiceHost<api::Program>(_database);
        _ = _api.Server; // Migrates the database.
        (_, _key) = await ApiKeys.AddAsync(_database.ConnectionString, "admin,service", cancellationToken: Token);
        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
        {
            await connection.OpenAsync(Token);
            // Frame blobs are named by run id on a shared Azurite: start far from every other test's ids.
            await using var restart = new NpgsqlCommand(FormattableString.Invariant($"ALTER TABLE runs ALTER COLUMN id RESTART WITH {Random.Shared.NextInt64(1_000_000_000, 9_000_000_000)}"), connection);
            await restart.ExecuteNonQueryAsync(Token);
        }

        _analysis = new ServiceHost<Program>(_database);
        _ = _analysis.Services; // Starts its queue consumer.
    }

    public async ValueTask DisposeAsync()
    {
        if (_analysis is not null)
        {
            await _analysis.DisposeAsync();
        }

        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task UploadedFramesAreCheckedByTheAnalysisServiceAndTheirBugsThumbnailsAreServed()
    {
        var client = _api!.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeys.Header, _key);
        var runId = await RunAsync(client);
        var clip = Factory.Room(new Random(21), "lit", 200, false, Motion.Walk, frames: 24, step: 2);
        clip.Frames[6].Frame.Fill(0, 0, 0);
        clip.Frames[7].Frame.Fill(0, 0, 0);
        var clean = Factory.Room(new Random(21), "lit", 200, false, Motion.Walk, frames: 24, step: 2);
        var rng = new Random(32);
        var noisy = clip.Frames[16].Frame;
        for (var y = 0; y < noisy.ViewRows; y++)
        {
            for (var x = 0; x < noisy.Width; x++)
            {
                noisy.Set(x, y, rng.Next(256), rng.Next(256), rng.Next(256));
            }
        }

        // The first half as a zip of PNGs named by tick, the second as loose JPEGs.
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Zip(clip.Frames.Take(12).Select(f => ($"clip/{f.Tick:D6}.png", Encode(f.Frame, ".png"))))), "frames", "first-half.zip" },
        };
        foreach (var f in clip.Frames.Skip(12))
        {
            form.Add(new ByteArrayContent(Encode(f.Frame, ".jpg")), "frames", $"frame_{f.Tick}.jpg");
        }

        var upload = await client.PostAsync($"/api/runs/{runId}/frames", form, Token);
        Assert.True(upload.StatusCode == HttpStatusCode.Created, await upload.Content.ReadAsStringAsync(Token));

        var bugs = await WaitForBugsAsync(client, runId, b => b.Any(bug => Check(bug) == FrameCheckNames.Noise));

        var black = Assert.Single(bugs, b => Check(b) == FrameCheckNames.BlackFrame);
        Assert.Equal("visual_glitch", black["bug_type"]!.GetValue<string>());
        Assert.Equal("frames", black["detection_source"]!.GetValue<string>());
        Assert.InRange(black["frame"]!.GetValue<int>(), clip.Frames[6].Tick, clip.Frames[7].Tick);
        Assert.Equal(clip.Frames[6].Tick, black["data"]!["first_tick"]!.GetValue<int>());
        Assert.Equal(clip.Frames[7].Tick, black["data"]!["last_tick"]!.GetValue<int>());
        Assert.StartsWith($"runs/{runId}/glitch-", black["screenshot_path"]!.GetValue<string>(), StringComparison.Ordinal);
        var noise = Assert.Single(bugs, b => Check(b) == FrameCheckNames.Noise);
        Assert.Equal(clip.Frames[16].Tick, noise["frame"]!.GetValue<int>());
        foreach (var bug in bugs)
        {
            var screenshot = await client.GetAsync($"/api/bugs/{bug["id"]}/screenshot", Token);
            Assert.Equal(HttpStatusCode.OK, screenshot.StatusCode);
            Assert.Equal("image/png", screenshot.Content.Headers.ContentType?.MediaType);
            using var picture = Cv2.ImDecode(await screenshot.Content.ReadAsByteArrayAsync(Token), ImreadModes.Color);
            Assert.Equal((160, 120), (picture.Width, picture.Height));
        }

        // The noisy frame replaced by the clean one: analysed again, the noise bug goes and nothing is duplicated.
        var tick = clip.Frames[16].Tick;
        using var again = new MultipartFormDataContent { { new ByteArrayContent(Encode(clean.Frames[16].Frame, ".jpg")), "frames", $"{tick:D6}.jpg" } };
        var second = await client.PostAsync($"/api/runs/{runId}/frames", again, Token);
        Assert.True(second.StatusCode == HttpStatusCode.Created, await second.Content.ReadAsStringAsync(Token));

        var after = await WaitForBugsAsync(client, runId, b => b.All(bug => Check(bug) != FrameCheckNames.Noise));

        Assert.Single(after, b => Check(b) == FrameCheckNames.BlackFrame);
        Assert.Equal(after.Count, after.Select(b => (Check(b), b["frame"]!.GetValue<int>())).Distinct().Count());
        var frames = JsonNode.Parse(await client.GetStringAsync($"/api/runs/{runId}/frames?limit=1000", Token))!;
        Assert.Equal(24, frames["total"]!.GetValue<int>());
    }

    private static string Check(JsonNode bug) => bug["check_name"]!.GetValue<string>();

    private static async Task<long> RunAsync(HttpClient client)
    {
        using var wad = new MultipartFormDataContent { { new ByteArrayContent(WadBuilder.Unique(Path.Combine(Fixtures.Wads, "defend_the_center.wad"))), "file", "level.wad" } };
        var maps = JsonNode.Parse(await (await client.PostAsync("/api/maps", wad, Token)).Content.ReadAsStringAsync(Token))!;
        var mapId = maps[0]!["id"]!.GetValue<long>();
        var run = await client.PostAsync("/api/runs", new StringContent($"{{\"map_id\":{mapId}}}", System.Text.Encoding.UTF8, "application/json"), Token);
        return JsonNode.Parse(await run.Content.ReadAsStringAsync(Token))!["id"]!.GetValue<long>();
    }

    private static async Task<List<JsonNode>> WaitForBugsAsync(HttpClient client, long runId, Func<List<JsonNode>, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var bugs = JsonNode.Parse(await client.GetStringAsync($"/api/bugs?run_id={runId}&detection_source=frames", Token))!.AsArray()
                .Select(b => b!).ToList();
            if (bugs.Count > 0 && done(bugs))
            {
                return bugs;
            }

            Assert.True(clock.Elapsed < Patience, $"timed out waiting for the frame bugs of run {runId}; now: {bugs.Count}");
            await Task.Delay(200, Token);
        }
    }

    private static byte[] Encode(FrameBuffer frame, string extension)
    {
        using var mat = frame.ToMat();
        return mat.ImEncode(extension);
    }

    private static byte[] Zip(IEnumerable<(string Name, byte[] Bytes)> entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A service (the Api or the Analysis service) in memory on the test database, Redis namespace and Azurite.</summary>
    private sealed class ServiceHost<TEntryPoint>(TestDatabase database) : WebApplicationFactory<TEntryPoint>
        where TEntryPoint : class
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:rlgt", database.ConnectionString);
            builder.UseSetting("ConnectionStrings:redis", TestServers.RedisFor(3, $"{database.Name}-"));
            builder.UseSetting("ConnectionStrings:blobs", TestServers.Blobs);
            builder.UseSetting("Queue:KeyPrefix", $"{database.Name}:");
            builder.UseSetting("Queue:PollInterval", "00:00:00.050");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:StackExchange.Redis", "None");
        }
    }
}
