using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace RlGameTester.Api.Tests;

public sealed class MapsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreatedMapIsReturnedWithSnakeCaseFieldsAndServerTimestamps()
    {
        var before = DateTime.UtcNow.AddSeconds(-5);
        var created = await _client.UploadAsync(TestSupport.WadBuilder.Unique(Path.Combine(TestSupport.Fixtures.Wads, "health_gathering.wad")), "hg.wad", "Gathering", "health_gathering");

        var id = Assert.Single(created)!["id"]!.GetValue<long>();
        var read = await _client.GetOkAsync($"/api/maps/{id}");
        Assert.Equal("Gathering", read["name"]!.GetValue<string>());
        Assert.Equal("MAP01", read["level_name"]!.GetValue<string>());
        Assert.Equal("hg.wad", read["file_path"]!.GetValue<string>());
        Assert.Equal("health_gathering", read["scenario"]!.GetValue<string>());
        Assert.Equal(64, read["file_hash"]!.GetValue<string>().Length);
        Assert.True(read["metadata"]!["sector_count"]!.GetValue<int>() > 0);
        Assert.True(read["created_at"]!.GetValue<DateTime>() >= before);
    }

    [Fact]
    public async Task ListFiltersByScenarioAndPages()
    {
        var scenario = $"scenario_{Guid.NewGuid():N}";
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await _client.CreateMapAsync($"paged-{i}", scenario));
        }

        await _client.CreateMapAsync("other", "something_else");

        var all = (await _client.GetOkAsync($"/api/maps?scenario={scenario}")).AsArray();
        Assert.Equal(ids, all.Select(m => m!["id"]!.GetValue<long>()));

        var page = (await _client.GetOkAsync($"/api/maps?scenario={scenario}&skip=1&limit=1")).AsArray();
        Assert.Equal(ids[1], Assert.Single(page)!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task SearchFindsByPartOfTheNameCaseInsensitivelyAndTreatsWildcardsLiterally()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var id = await _client.CreateMapAsync($"Hangar_{marker}");
        await _client.CreateMapAsync($"Hangar{marker}x");

        var found = (await _client.GetOkAsync($"/api/maps/search?q=hangar_{marker.ToUpperInvariant()}")).AsArray();

        Assert.Equal(id, Assert.Single(found)!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task GeometryIsTheLevelsLinesAndIsKeptSoTheNextCallReadsNoFile()
    {
        var created = await _client.UploadAsync(TestSupport.WadBuilder.Unique(Path.Combine(TestSupport.Fixtures.Wads, "health_gathering.wad")), "hg.wad", "Gathering", "health_gathering");
        var id = Assert.Single(created)!["id"]!.GetValue<long>();
        var hash = (await _client.GetOkAsync($"/api/maps/{id}"))["file_hash"]!.GetValue<string>();
        var cache = factory.Services.GetRequiredService<Maps.MapGeometryCache>();
        Assert.Null(cache.Find(hash, "MAP01"));

        var first = await _client.GetOkAsync($"/api/maps/{id}/geometry");
        Assert.NotNull(cache.Find(hash, "MAP01"));
        var second = await _client.GetOkAsync($"/api/maps/{id}/geometry");

        Assert.NotEmpty(first["lines"]!.AsArray());
        Assert.Equal(id, second["map_id"]!.GetValue<long>());
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
    }

    [Fact]
    public async Task SearchWithoutQueryIsABadRequestNamingQ()
    {
        var problem = await _client.GetAsync("/api/maps/search", Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("\"q\"", problem.Errors());
    }

    [Theory]
    [InlineData("{\"name\":\"a\"}", "file_path")]
    [InlineData("{\"name\":\"a\",\"file_path\":\"defend_the_center.wad\",\"metadata\":[1,2]}", "metadata")]
    [InlineData("{\"name\":12,\"file_path\":\"defend_the_center.wad\"}", "name")]
    [InlineData("{\"name\":\"a\",", "body")]
    [InlineData("{\"file_path\":\"../arnold/lujfdgp6gw.train.log\"}", "file_path")]
    [InlineData("{\"file_path\":\"/etc/passwd\"}", "file_path")]
    [InlineData("{\"file_path\":\"no_such.wad\"}", "file_path")]
    public async Task InvalidCreateIsABadRequestNamingTheField(string body, string field)
    {
        var problem = await _client.PostAsync("/api/maps", ApiClient.RawJson(body), Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"\"{field}\"", problem.Errors());
    }

    [Fact]
    public async Task TooLongNameIsABadRequestSayingTheLimit()
    {
        var problem = await _client.PostAsJsonAsync("/api/maps", new { name = new string('x', 256), file_path = "defend_the_center.wad" }, Token)
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("at most 200", problem.Errors());
    }

    [Theory]
    [InlineData("/api/maps?limit=0", "limit")]
    [InlineData("/api/maps?limit=1001", "limit")]
    [InlineData("/api/maps?skip=-1", "skip")]
    [InlineData("/api/maps?limit=abc", "limit")]
    public async Task BadPagingIsABadRequest(string url, string field)
    {
        var problem = await _client.GetAsync(url, Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem["detail"]!.GetValue<string>() + problem.Errors());
    }

    [Fact]
    public async Task UnknownMapIsNotFoundWithAReason()
    {
        var problem = await _client.GetAsync("/api/maps/999999", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("999999", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task NegativeIdIsABadRequest()
    {
        var problem = await _client.GetAsync("/api/maps/-3", Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("\"id\"", problem.Errors());
    }

    [Fact]
    public async Task DeletingAMapRemovesItsRunsEventsMetricsAndBugs()
    {
        var mapId = await _client.CreateMapAsync("doomed");
        var runId = await _client.CreateRunAsync(mapId);
        await _client.PostOkAsync($"/api/events/bulk?run_id={runId}", new[] { new { event_type = "kill", timestamp = DateTime.UtcNow } });
        await _client.PostOkAsync($"/api/metrics/{runId}/calculate", new { }, HttpStatusCode.OK);
        var bug = await _client.PostOkAsync("/api/bugs", new { run_id = runId, bug_type = "crash", title = "boom" });

        var deleted = await _client.DeleteAsync($"/api/maps/{mapId}", Token);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/maps/{mapId}", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/runs/{runId}", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/metrics/{runId}", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/bugs/{bug["id"]}", Token)).StatusCode);
        await using var connection = new Npgsql.NpgsqlConnection(factory.DatabaseConnectionString);
        await connection.OpenAsync(Token);
        await using var count = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM events WHERE run_id = {runId}", connection);
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync(Token))!);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.DeleteAsync($"/api/maps/{mapId}", Token)).StatusCode);
    }

    [Fact]
    public async Task StatsSumUpRunsMetricsAndBugs()
    {
        var mapId = await _client.CreateMapAsync("stats");
        var first = await _client.CreateRunAsync(mapId);
        await _client.CreateRunAsync(mapId);
        await _client.PostOkAsync($"/api/events/bulk?run_id={first}", new object[]
        {
            new { event_type = "episode_start", timestamp = DateTime.UtcNow, episode = 1 },
            new { event_type = "kill", timestamp = DateTime.UtcNow, episode = 1 },
            new { event_type = "episode_end", timestamp = DateTime.UtcNow, episode = 1 },
        });
        await _client.PostOkAsync($"/api/metrics/{first}/calculate", new { }, HttpStatusCode.OK);
        await _client.PostOkAsync("/api/bugs", new { run_id = first, bug_type = "crash", severity = "critical", title = "boom" });
        await _client.PostOkAsync("/api/bugs", new { map_id = mapId, bug_type = "missing_texture", severity = "minor", title = "HOM" });

        var stats = await _client.GetOkAsync($"/api/maps/{mapId}/stats");

        Assert.Equal(2, stats["total_runs"]!.GetValue<int>());
        Assert.Equal(2, stats["runs_by_status"]!["pending"]!.GetValue<int>());
        Assert.Equal(2, stats["total_bugs"]!.GetValue<int>());
        Assert.Equal(1, stats["bugs_by_severity"]!["critical"]!.GetValue<int>());
        Assert.Equal(1.0, stats["avg_kills"]!.GetValue<double>());
        // One episode, one kill, no deaths, no health events: (1 - 1/10) * 25 = 22.5.
        Assert.Equal(22.5, stats["avg_hardness"]!.GetValue<double>());
    }
}
