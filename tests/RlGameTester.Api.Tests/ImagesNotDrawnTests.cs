using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RlGameTester.Data;
using RlGameTester.Data.Maps;

namespace RlGameTester.Api.Tests;

/// <summary>What the image endpoints answer when there is no image (no Analysis service runs here): 404s that say why.</summary>
public sealed class ImagesNotDrawnTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnknownMapsAndRunsAreNotFoundAndBadIdsAreRefused()
    {
        var map = await _client.GetAsync("/api/maps/727272/image", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("no map with id 727272", map["detail"]!.GetValue<string>());
        var run = await _client.GetAsync("/api/runs/727272/image", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("no run with id 727272", run["detail"]!.GetValue<string>());
        var bad = await _client.GetAsync("/api/maps/0/image", Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("positive id", bad.Errors());
    }

    [Fact]
    public async Task AMapNotDrawnYetIsA404ThatSaysTheAnalysisServiceDrawsItAfterTheChecks()
    {
        var mapId = await _client.CreateMapAsync();

        var response = await _client.GetAsync($"/api/maps/{mapId}/image", Token);
        var problem = await Task.FromResult(response).ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Equal(5, problem["retry_after_seconds"]!.GetValue<int>());
        Assert.Contains("Analysis service", problem["detail"]!.GetValue<string>());
        Assert.Contains("level checks", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARunNotEndedYetIsA404ThatSaysItsImageComesAfterItsAnalysis()
    {
        var runId = await _client.CreateRunAsync(await _client.CreateMapAsync());

        var response = await _client.GetAsync($"/api/runs/{runId}/image", Token);
        var problem = await Task.FromResult(response).ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        Assert.Contains($"Run {runId} is pending", problem["detail"]!.GetValue<string>());
        Assert.Contains("analysed", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task AMapWithoutALevelFileHasNoImageToWaitFor()
    {
        long mapId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RlgtDbContext>();
            var map = new Map { Name = "registered by path", FilePath = "/nowhere/level.wad", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Maps.Add(map);
            await db.SaveChangesAsync(Token);
            mapId = map.Id;
        }

        var response = await _client.GetAsync($"/api/maps/{mapId}/image", Token);
        var problem = await Task.FromResult(response).ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Null(response.Headers.RetryAfter);
        Assert.Contains("without a level file", problem["detail"]!.GetValue<string>());
    }
}
