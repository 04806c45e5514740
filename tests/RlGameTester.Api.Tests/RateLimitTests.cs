using System.Net;
using Microsoft.AspNetCore.Hosting;
using RlGameTester.TestSupport;

namespace RlGameTester.Api.Tests;

/// <summary>
/// Per-client limits through the real rate limiter: a caller past its requests or report rewrites gets 429 with
/// Retry-After, and other callers are not held back. Windows of an hour, so no test can straddle one.
/// </summary>
public sealed class RateLimitTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACallerPastItsRequestsGets429WithRetryAfterWhileAnotherCallerGoesOn()
    {
        await using var limited = factory.WithWebHostBuilder(builder => builder
            .UseSetting("RateLimits:Requests", "3")
            .UseSetting("RateLimits:Window", "01:00:00"));
        using var first = await ClientAsync(limited, "reader");
        using var second = await ClientAsync(limited, "reader");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/maps", Token)).StatusCode);
        }

        using var refused = await first.GetAsync("/api/maps", Token);
        var problem = await Task.FromResult(refused).ExpectProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.StartsWith("This caller passed a limit (RateLimits: 3 requests per 01:00:00", problem["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/maps", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await limited.CreateClient().GetAsync("/alive", Token)).StatusCode);
    }

    [Fact]
    public async Task ReportRewritesHaveALimitOfTheirOwn()
    {
        await using var limited = factory.WithWebHostBuilder(builder => builder
            .UseSetting("RateLimits:ReportRewrites", "1")
            .UseSetting("RateLimits:ReportWindow", "01:00:00"));
        using var tester = await ClientAsync(limited, "tester");

        await tester.PostAsync("/api/runs/987654321/report", null, Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        var problem = await tester.PostAsync("/api/maps/987654321/report", null, Token).ExpectProblemAsync(HttpStatusCode.TooManyRequests);

        Assert.Contains("1 report rewrites per 01:00:00", problem["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await tester.GetAsync("/api/maps", Token)).StatusCode);
    }

    [Fact]
    public async Task ACallerWithItsQuotaOfRunsPlayingGets429ForTheNextStartAndAnotherCallerDoesNot()
    {
        await using var limited = factory.WithWebHostBuilder(builder => builder.UseSetting("RateLimits:RunsAtOnce", "2"));
        using var first = await ClientAsync(limited, "tester");
        using var second = await ClientAsync(limited, "tester");
        var mapId = await first.CreateMapAsync();
        var runs = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            runs.Add(await first.CreateRunAsync(mapId));
        }

        await first.PostOkAsync($"/api/runs/{runs[0]}/start", new { }, HttpStatusCode.Accepted);
        await first.PostOkAsync($"/api/runs/{runs[1]}/start", new { }, HttpStatusCode.Accepted);
        using var refused = await first.PostAsync($"/api/runs/{runs[2]}/start", null, Token);
        var problem = await Task.FromResult(refused).ExpectProblemAsync(HttpStatusCode.TooManyRequests);

        Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter!.Delta);
        Assert.EndsWith(", who asked for this run, has 2 runs playing; the limit is 2 at once (RateLimits:RunsAtOnce). Start it when one ends.", problem["detail"]!.GetValue<string>());
        Assert.Equal("pending", (await first.GetOkAsync($"/api/runs/{runs[2]}"))["status"]!.GetValue<string>());
        // The quota is the asker's: another caller starting the same run is held to it too, and plays its own.
        await second.PostAsync($"/api/runs/{runs[2]}/start", null, Token).ExpectProblemAsync(HttpStatusCode.TooManyRequests);
        await second.PostOkAsync($"/api/runs/{await second.CreateRunAsync(mapId)}/start", new { }, HttpStatusCode.Accepted);
    }

    private async Task<HttpClient> ClientAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host, string roles)
    {
        // The derived host's clients get the factory's default key: each caller here has a key of its own instead.
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Remove(ApiKeys.Header);
        client.DefaultRequestHeaders.Add(ApiKeys.Header, await factory.KeyWithRolesAsync(roles));
        return client;
    }
}
