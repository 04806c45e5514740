using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace RlGameTester.EndToEnd.Tests;

public sealed class AppHostTests(AppHostFixture fixture) : IClassFixture<AppHostFixture>
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);
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
    public async Task ApiStoresAndReadsThroughTheLocalPostgres()
    {
        using var client = fixture.App.CreateHttpClient("api", "http");

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
        using var client = fixture.App.CreateHttpClient("api", "http");
        var wad = RlGameTester.TestSupport.WadBuilder.Unique(Path.Combine(RlGameTester.TestSupport.Fixtures.Wads, "deathmatch_rockets.wad"));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(wad), "file", "deathmatch_rockets.wad" } };

        var created = await client.PostAsync("/api/maps", form, Token).WaitAsync(RequestTimeout, Token);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Token));
        var mapId = JsonNode.Parse(await created.Content.ReadAsStringAsync(Token))!.AsArray()[0]!["id"]!.GetValue<long>();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        JsonNode checks;
        do
        {
            await Task.Delay(500, Token);
            checks = JsonNode.Parse(await client.GetStringAsync($"/api/maps/{mapId}/checks", Token).WaitAsync(RequestTimeout, Token))!;
            Assert.True(clock.Elapsed < RequestTimeout, "the level was not checked");
        }
        while (checks["checked_at"] is null);

        // ViZDoom's scenario levels rely on deathmatch starts instead of a player 1 start, as the checks report.
        Assert.NotEmpty(checks["findings"]!.AsArray());
        Assert.All(checks["findings"]!.AsArray(), f => Assert.Equal("static", f!["detection_source"]!.GetValue<string>()));
    }

    [Fact]
    public async Task DocsAreServed()
    {
        using var client = fixture.App.CreateHttpClient("api", "http");
        var document = await client.GetAsync("/openapi.json", Token).WaitAsync(RequestTimeout, Token);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Contains("/api/runs/{id}/start", await document.Content.ReadAsStringAsync(Token));
    }
}
