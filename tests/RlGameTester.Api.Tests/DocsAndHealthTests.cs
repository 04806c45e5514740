using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace RlGameTester.Api.Tests;

public sealed class DocsAndHealthTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> SeedEndpoints => new()
    {
        { "get", "/api/maps" }, { "post", "/api/maps" }, { "get", "/api/maps/search" }, { "get", "/api/maps/{id}" },
        { "delete", "/api/maps/{id}" }, { "get", "/api/maps/{id}/stats" },
        { "get", "/api/runs" }, { "post", "/api/runs" }, { "get", "/api/runs/pending" }, { "get", "/api/runs/running" },
        { "get", "/api/runs/{id}" }, { "delete", "/api/runs/{id}" }, { "post", "/api/runs/{id}/start" },
        { "post", "/api/runs/{id}/cancel" }, { "post", "/api/runs/{id}/complete" }, { "post", "/api/runs/{id}/fail" },
        { "get", "/api/events" }, { "post", "/api/events" }, { "post", "/api/events/bulk" },
        { "get", "/api/events/episode/{run_id}/{episode}" }, { "get", "/api/events/{id}" }, { "delete", "/api/events/{id}" },
        { "delete", "/api/events/run/{run_id}" }, { "get", "/api/events/count/{run_id}" },
        { "get", "/api/bugs" }, { "post", "/api/bugs" }, { "get", "/api/bugs/critical" }, { "get", "/api/bugs/summary" },
        { "get", "/api/bugs/{id}" }, { "delete", "/api/bugs/{id}" },
        { "get", "/api/metrics" }, { "get", "/api/metrics/hardest" }, { "get", "/api/metrics/compare" },
        { "get", "/api/metrics/{run_id}" }, { "get", "/api/metrics/{run_id}/timeline" }, { "post", "/api/metrics/{run_id}/calculate" },
        { "post", "/api/runs/{id}/log" }, { "get", "/api/runs/{id}/progress" },
    };

    [Theory]
    [MemberData(nameof(SeedEndpoints))]
    public async Task OpenApiDocumentDescribesEverySeedEndpoint(string method, string path)
    {
        var document = await _client.GetOkAsync("/openapi.json");

        var operation = document["paths"]?[path]?[method];
        Assert.True(operation is not null, $"{method.ToUpperInvariant()} {path} is missing from /openapi.json");
        Assert.False(string.IsNullOrWhiteSpace(operation!["summary"]?.GetValue<string>()), $"{method} {path} has no summary");
        Assert.False(string.IsNullOrWhiteSpace(operation["description"]?.GetValue<string>()), $"{method} {path} has no description");
        Assert.NotNull(operation["responses"]);
    }

    [Fact]
    public async Task OpenApiSchemasUseSnakeCaseAndCarryExamplesAndDescriptions()
    {
        var document = await _client.GetOkAsync("/openapi.json");
        var run = document["components"]!["schemas"]!["RunResponse"]!;

        var schema = run.ToJsonString();
        Assert.True(run["properties"]!["map_id"] is not null, schema);
        Assert.Equal(1, run["properties"]!["map_id"]!["examples"]![0]!.GetValue<int>());
        Assert.Equal("integer", run["properties"]!["map_id"]!["type"]!.GetValue<string>());
        Assert.True(!string.IsNullOrWhiteSpace(run["description"]?.GetValue<string>()), schema);
    }

    [Theory]
    [InlineData("/api/bugs")]
    [InlineData("/api/maps")]
    [InlineData("/api/runs")]
    [InlineData("/api/events")]
    [InlineData("/api/metrics")]
    public async Task ListEndpointsDocumentTheirPagingAsSkipAndLimit(string path)
    {
        var document = await _client.GetOkAsync("/openapi.json");

        // Bound as one record ([AsParameters] PageQuery), still documented under the wire names.
        var names = document["paths"]![path]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("skip", names);
        Assert.Contains("limit", names);
        Assert.DoesNotContain(names, n => n is "Skip" or "Limit" or "page");
    }

    [Fact]
    public async Task RootLeadsToTheScalarDocs()
    {
        var root = await _client.GetAsync("/", Token);
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/docs", root.Headers.Location?.ToString());

        using var following = factory.CreateClient();
        var docs = await following.GetAsync("/docs", Token);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("text/html", docs.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task HealthChecksPostgresRedisAndBlobStorage()
    {
        var health = await _client.GetOkAsync("/health");

        Assert.Equal("Healthy", health["status"]!.GetValue<string>());
        var checks = health["checks"]!.AsObject().Select(c => c.Key).ToList();
        Assert.Contains("RlgtDbContext", checks);
        Assert.Contains("blobs", checks);
        Assert.Contains(checks, c => c.Contains("redis", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task WithoutDetailsHealthTellsAnyoneTheStatusAloneNotTheChecksReasons()
    {
        // As a deployment outside Development answers (the tests' factory asks for the details).
        await using var deployed = factory.WithWebHostBuilder(builder => builder.UseSetting("Health:Detailed", "false"));
        using var anonymous = deployed.CreateClient();
        anonymous.DefaultRequestHeaders.Remove(TestSupport.ApiKeys.Header);

        var health = await anonymous.GetOkAsync("/health");

        Assert.Equal("""{"status":"Healthy"}""", health.ToJsonString());
    }
}
