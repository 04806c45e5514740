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

        var created = await client.PostAsJsonAsync("/api/maps", new { name = "E1M1", file_path = "/levels/e1m1.wad" }, Token).WaitAsync(RequestTimeout, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync(Token))!["id"]!.GetValue<long>();

        var read = await client.GetAsync($"/api/maps/{id}", Token).WaitAsync(RequestTimeout, Token);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
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
