using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using RlGameTester.TestSupport;

namespace RlGameTester.EndToEnd.Tests;

public sealed partial class AppHostTests(AppHostFixture fixture)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    // How long queued work may take to show: the analysis service takes its queue one job at a time, and the other tests'
    // uploads (freedoom2's 32 levels, each finding drawn) may be ahead of a test's job while the Doom tests load both cores.
    private static readonly TimeSpan QueuedWorkTimeout = TimeSpan.FromMinutes(5);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("api")]
    [InlineData("worker")]
    [InlineData("analysis")]
    public async Task EveryServiceReportsItsDependenciesHealthy(string service)
    {
        using var client = fixture.App.CreateHttpClient(service, "http");

        var response = await client.GetAsync("/health", Token).WaitAsync(RequestTimeout, Token);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!;

        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        var checks = body["checks"]!.AsObject();
        Assert.Equal("Healthy", checks["RlgtDbContext"]!["status"]!.GetValue<string>());
        Assert.Equal("Healthy", checks["blobs"]!["status"]!.GetValue<string>());
        Assert.Contains(checks, c => c.Key.Contains("redis", StringComparison.OrdinalIgnoreCase) && c.Value!["status"]!.GetValue<string>() == "Healthy");
    }

    [Fact]
    public void AFirstStartShowsNoFailureAndNeedsNoDevelopmentCertificate()
    {
        // The fixture started on a data folder of its own: an empty database, as a newcomer's first start.
        var entries = fixture.Logs.Entries;

        // What the resources write: errors, the services' console lines at Error ("fail:"), the servers' own (PostgreSQL's
        // FATAL, ERROR). The AppHost's own readiness polls are left out: on a loaded machine a service still starting
        // answers its first health probe late, which the AppHost logs and retries (no banner, no failure).
        var errors = entries.Where(e => e.Category.StartsWith("RlGameTester.AppHost.Resources.", StringComparison.Ordinal) &&
            (e.Level >= LogLevel.Error || FailureLine().IsMatch(e.Message))).ToList();
        Assert.True(errors.Count == 0, "The first start logged failures:\n" + LogCollector.Describe(errors));
        // Aspire's warning without a trusted development certificate, the one the dashboard shows as a red banner.
        var certificate = entries.Where(e => e.Level >= LogLevel.Warning && e.Message.Contains("certificate", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(certificate.Count == 0, "The first start warned about certificates:\n" + LogCollector.Describe(certificate));
    }

    [Fact]
    public async Task ApiStoresAndReadsThroughTheLocalPostgres()
    {
        using var client = fixture.ApiClient();

        // The AppHost points the Api's import folder at Debian's freedoom package in local mode.
        var created = await client.PostAsJsonAsync("/api/maps", new { file_path = "freedoom2.wad" }, Token).WaitAsync(RequestTimeout, Token);
        var body = await created.Content.ReadAsStringAsync(Token);
        Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, body);
        var maps = JsonNode.Parse(body)!.AsArray();
        Assert.Equal(32, maps.Count);
        var id = maps[0]!["id"]!.GetValue<long>();

        var read = await client.GetAsync($"/api/maps/{id}", Token).WaitAsync(RequestTimeout, Token);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task AnUploadedLevelIsCheckedByTheAnalysisServiceThroughTheQueue()
    {
        using var client = fixture.ApiClient();
        var wad = RlGameTester.TestSupport.WadBuilder.Unique(Path.Combine(RlGameTester.TestSupport.Fixtures.Wads, "deathmatch_rockets.wad"));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(wad), "file", "deathmatch_rockets.wad" } };

        var created = await client.PostAsync("/api/maps", form, Token).WaitAsync(RequestTimeout, Token);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Token));
        var mapId = JsonNode.Parse(await created.Content.ReadAsStringAsync(Token))!.AsArray()[0]!["id"]!.GetValue<long>();

        var checks = await PollAsync(client, $"/api/maps/{mapId}/checks", c => c["checked_at"] is not null);

        // ViZDoom's scenario levels rely on deathmatch starts instead of a player 1 start, as the checks report.
        Assert.NotEmpty(checks["findings"]!.AsArray());
        Assert.All(checks["findings"]!.AsArray(), f => Assert.Equal("static", f!["detection_source"]!.GetValue<string>()));
    }

    /// <summary>The README's walkthrough: upload freedoom1.wad, test E1M1 with the explorer, read what it found.</summary>
    [Fact]
    public async Task AnExplorerRunOnAnUploadedLevelIsPlayedAnalysedAndReported()
    {
        using var client = fixture.ApiClient();
        var wad = RlGameTester.TestSupport.WadBuilder.Unique(RlGameTester.TestSupport.Fixtures.Freedoom1);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(wad), "file", "freedoom1.wad" } };
        var created = await client.PostAsync("/api/maps", form, Token).WaitAsync(RequestTimeout, Token);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Token));
        var mapId = JsonNode.Parse(await created.Content.ReadAsStringAsync(Token))!.AsArray()
            .Single(m => m!["level_name"]!.GetValue<string>() == "E1M1")!["id"]!.GetValue<long>();

        var run = await client.PostAsJsonAsync("/api/runs", new { map_id = mapId, agent = "explorer" }, Token).WaitAsync(RequestTimeout, Token);
        Assert.Equal(HttpStatusCode.Created, run.StatusCode);
        var runId = JsonNode.Parse(await run.Content.ReadAsStringAsync(Token))!["id"]!.GetValue<long>();
        var started = await client.PostAsync($"/api/runs/{runId}/start", null, Token).WaitAsync(RequestTimeout, Token);
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync(Token));

        var analysed = await PollAsync(client, $"/api/runs/{runId}", r => r["status"]!.GetValue<string>() == "failed" || r["metrics"] is not null);
        Assert.Equal("completed", analysed["status"]!.GetValue<string>());
        var metrics = analysed["metrics"]!;
        Assert.True(metrics["solvability"]!.GetValue<bool>(), metrics.ToJsonString());
        Assert.InRange(metrics["coverage_reachable"]!.GetValue<double>(), 0.3, 1.0);
        Assert.True(metrics["time_to_exit"]!.GetValue<double>() > 0);
        Assert.DoesNotContain(JsonNode.Parse(await client.GetStringAsync($"/api/bugs?run_id={runId}", Token))!.AsArray(),
            b => b!["bug_type"]!.GetValue<string>() is "exit_unreachable" or "softlock");

        var image = await PollBytesAsync(client, $"/api/runs/{runId}/image", "image/png");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], image[..4]);
        var report = System.Text.Encoding.UTF8.GetString(await PollBytesAsync(client, $"/api/runs/{runId}/report", "text/markdown"));
        Assert.Contains("E1M1", report);
        Assert.Contains($"/api/runs/{runId}/image", report);
    }

    /// <summary>A CI job's gate through the running stack: <c>rlgt submit</c> as a process, with the key in the environment.</summary>
    [Fact]
    public async Task TheCommandLineSubmitsAWadAndGatesOnTheServersFindings()
    {
        var wad = Path.Combine(Path.GetTempPath(), $"rlgt-submit-{Guid.NewGuid():N}.wad");
        await File.WriteAllBytesAsync(wad, RlGameTester.TestSupport.WadBuilder.Unique(RlGameTester.TestSupport.Fixtures.Freedoom1), Token);
        try
        {
            var server = fixture.App.GetEndpoint("api", "http").ToString();
            var (exit, output, error) = await RlgtAsync(fixture.DevelopmentKey, "submit", wad, "--server", server, "--level", "E1M1", "--explore", "--iwad", "freedoom1.wad", "--compat", "vanilla", "--format", "json");

            Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
            var level = Assert.Single(JsonNode.Parse(output)!["levels"]!.AsArray())!;
            Assert.Equal("E1M1", level["level"]!.GetValue<string>());
            Assert.Equal("freedoom1.wad", level["iwad"]!.GetValue<string>());
            Assert.True(level["exploration"]!["exit_reached"]!.GetValue<bool>(), level.ToJsonString());
            Assert.All(level["findings"]!.AsArray(), f => Assert.Contains(f!["detection_source"]!.GetValue<string>(), new[] { "static", "telemetry" }));

            var refused = await RlgtAsync("rlgt_000000000000_not-a-key", "submit", wad, "--server", server, "--level", "E1M1");
            Assert.Equal(2, refused.Exit);
            Assert.Contains("answered 401", refused.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(wad);
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RlgtAsync(string key, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RlGameTester.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["RLGT_API_KEY"] = key;
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Token);
        var error = process.StandardError.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Asks until the resource exists: before that, only a 404 saying it is not there yet is acceptable.</summary>
    private static async Task<byte[]> PollBytesAsync(HttpClient client, string path, string mediaType)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.GetAsync(path, Token).WaitAsync(RequestTimeout, Token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
                return await response.Content.ReadAsByteArrayAsync(Token);
            }

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync(Token)}");
            Assert.True(clock.Elapsed < QueuedWorkTimeout, $"{path} never appeared");
            await Task.Delay(500, Token);
        }
    }

    private static async Task<JsonNode> PollAsync(HttpClient client, string path, Func<JsonNode, bool> done)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var body = JsonNode.Parse(await client.GetStringAsync(path, Token).WaitAsync(RequestTimeout, Token))!;
            if (done(body))
            {
                return body;
            }

            Assert.True(clock.Elapsed < QueuedWorkTimeout, $"{path} did not get there: {body.ToJsonString()}");
            await Task.Delay(500, Token);
        }
    }

    [Fact]
    public async Task TheApiRefusesACallerWithoutAKeyAndTakesTheDevelopmentKeyTheFirstStartMade()
    {
        using var anonymous = fixture.App.CreateHttpClient("api", "http");
        using var signedIn = fixture.ApiClient();

        var refused = await anonymous.GetAsync("/api/maps", Token).WaitAsync(RequestTimeout, Token);
        var taken = await signedIn.GetAsync("/api/keys", Token).WaitAsync(RequestTimeout, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("X-Api-Key", await refused.Content.ReadAsStringAsync(Token));
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var key = Assert.Single(JsonNode.Parse(await taken.Content.ReadAsStringAsync(Token))!.AsArray());
        Assert.Equal("development", key!["name"]!.GetValue<string>());
        Assert.StartsWith($"rlgt_{key["prefix"]!.GetValue<string>()}_", fixture.DevelopmentKey);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fixture.DevelopmentKeyFile));
    }

    [Fact]
    public async Task DocsAreServed()
    {
        using var client = fixture.App.CreateHttpClient("api", "http");
        var document = await client.GetAsync("/openapi.json", Token).WaitAsync(RequestTimeout, Token);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Contains("/api/runs/{id}/start", await document.Content.ReadAsStringAsync(Token));
    }

    [GeneratedRegex(@"\b(fail|crit|FATAL|ERROR|PANIC):")]
    private static partial Regex FailureLine();
}
