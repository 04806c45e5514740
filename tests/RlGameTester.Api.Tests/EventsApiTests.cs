using System.Net;
using System.Net.Http.Json;

namespace RlGameTester.Api.Tests;

public sealed class EventsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EventRoundTripsWithItsPayloadAndUtcTimestamp()
    {
        var runId = await _client.CreateRunAsync(await _client.CreateMapAsync());

        var created = await _client.PostOkAsync("/api/events", new
        {
            run_id = runId,
            event_type = "health_change",
            timestamp = "2026-11-25T18:00:07+02:00",
            episode = 1,
            frame = 245,
            data = new { old = 100, @new = 80 },
            raw_log = "INFO [1] - 11/25/26 16:00:07 - 0:00:07 - Lost health (100 -> 80)",
        });

        var read = await _client.GetOkAsync($"/api/events/{created["id"]}");
        Assert.Equal("health_change", read["event_type"]!.GetValue<string>());
        Assert.Equal(new DateTime(2026, 11, 25, 16, 0, 7, DateTimeKind.Utc), read["timestamp"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(80, read["data"]!["new"]!.GetValue<int>());
        Assert.Equal(245, read["frame"]!.GetValue<int>());
        Assert.StartsWith("INFO", read["raw_log"]!.GetValue<string>());
    }

    [Fact]
    public async Task BulkStoresFiftyThousandEventsInOneRequest()
    {
        var runId = await _client.CreateRunAsync(await _client.CreateMapAsync("bulk"));
        var start = DateTime.UtcNow;
        var events = Enumerable.Range(0, 50_000).Select(i => new
        {
            event_type = i % 10 == 0 ? "health_change" : "position",
            timestamp = start.AddMilliseconds(i * 28),
            episode = 1 + (i / 10_000),
            frame = i,
            data = i % 10 == 0 ? (object)new { old = 100, @new = 90 } : new { x = i, y = -i },
        });

        var inserted = await _client.PostOkAsync($"/api/events/bulk?run_id={runId}", events);

        Assert.Equal(50_000, inserted["inserted"]!.GetValue<long>());
        var count = await _client.GetOkAsync($"/api/events/count/{runId}");
        Assert.Equal(50_000, count["count"]!.GetValue<long>());
        var health = await _client.GetOkAsync($"/api/events/count/{runId}?event_type=health_change");
        Assert.Equal(5_000, health["count"]!.GetValue<long>());
        Assert.Equal("health_change", health["event_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task BulkWithOneBadEventStoresNothingAndNamesTheEvent()
    {
        var runId = await _client.CreateRunAsync(await _client.CreateMapAsync());
        var body = "[{\"event_type\":\"kill\",\"timestamp\":\"2026-11-25T16:00:00Z\"},{\"event_type\":\"kill\"}]";

        var problem = await _client.PostAsync($"/api/events/bulk?run_id={runId}", ApiClient.RawJson(body), Token)
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("[1].timestamp", problem.Errors());
        Assert.Equal(0, (await _client.GetOkAsync($"/api/events/count/{runId}"))["count"]!.GetValue<long>());
    }

    [Fact]
    public async Task BulkWithAnUnknownEventTypeIsABadRequestListingTheVocabulary()
    {
        var runId = await _client.CreateRunAsync(await _client.CreateMapAsync());
        var body = "[{\"event_type\":\"teabag\",\"timestamp\":\"2026-11-25T16:00:00Z\"}]";

        var problem = await _client.PostAsync($"/api/events/bulk?run_id={runId}", ApiClient.RawJson(body), Token)
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("event_type", problem.Errors());
        Assert.Contains("health_change", problem.Errors());
    }

    [Fact]
    public async Task BulkOverTheLimitIsRefused()
    {
        var runId = await _client.CreateRunAsync(await _client.CreateMapAsync());
        var events = Enumerable.Range(0, 50_001).Select(_ => new { event_type = "kill", timestamp = DateTime.UtcNow });

        var problem = await _client.PostAsJsonAsync($"/api/events/bulk?run_id={runId}", events, Token).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("at most 50000", problem.Errors());
    }

    [Fact]
    public async Task BulkForAnUnknownRunIsNotFoundAndWithoutRunIdIsABadRequest()
    {
        var events = new[] { new { event_type = "kill", timestamp = DateTime.UtcNow } };
        await _client.PostAsJsonAsync("/api/events/bulk?run_id=424242", events, Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        var problem = await _client.PostAsJsonAsync("/api/events/bulk", events, Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("run_id", problem.Errors());
    }

    [Fact]
    public async Task ListFiltersByTypePagesByKeysetAndReadsEpisodes()
    {
        var runId = await _client.CreateRunAsync(await _client.CreateMapAsync());
        var t0 = DateTime.UtcNow;
        await _client.PostOkAsync($"/api/events/bulk?run_id={runId}", Enumerable.Range(0, 30).Select(i => new
        {
            event_type = i % 3 == 0 ? "kill" : "position",
            timestamp = t0.AddSeconds(i),
            episode = i < 15 ? 1 : 2,
        }));

        var kills = (await _client.GetOkAsync($"/api/events?run_id={runId}&event_type=kill")).AsArray();
        Assert.Equal(10, kills.Count);

        var first = (await _client.GetOkAsync($"/api/events?run_id={runId}&limit=12")).AsArray();
        var next = (await _client.GetOkAsync($"/api/events?run_id={runId}&limit=12&after_id={first[^1]!["id"]}")).AsArray();
        Assert.Equal(12, next.Count);
        Assert.True(next[0]!["id"]!.GetValue<long>() > first[^1]!["id"]!.GetValue<long>());

        var episode2 = (await _client.GetOkAsync($"/api/events/episode/{runId}/2")).AsArray();
        Assert.Equal(15, episode2.Count);
        Assert.All(episode2, e => Assert.Equal(2, e!["episode"]!.GetValue<int>()));
    }

    [Fact]
    public async Task ListWithoutRunIdIsABadRequestAndForAnUnknownRunIsNotFound()
    {
        var problem = await _client.GetAsync("/api/events", Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("run_id", problem.Errors());
        await _client.GetAsync("/api/events?run_id=777777", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeletingOneEventAndAllOfARunsEvents()
    {
        var runId = await _client.CreateRunAsync(await _client.CreateMapAsync());
        var one = await _client.PostOkAsync("/api/events", new { run_id = runId, event_type = "death", timestamp = DateTime.UtcNow });
        await _client.PostOkAsync($"/api/events/bulk?run_id={runId}", Enumerable.Range(0, 4).Select(_ => new { event_type = "kill", timestamp = DateTime.UtcNow }));

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/events/{one["id"]}", Token)).StatusCode);
        await _client.GetAsync($"/api/events/{one["id"]}", Token).ExpectProblemAsync(HttpStatusCode.NotFound);

        var response = await _client.DeleteAsync($"/api/events/run/{runId}", Token);
        var deleted = await response.ReadJsonAsync();
        Assert.Equal(4, deleted["deleted"]!.GetValue<long>());
        Assert.Equal(0, (await _client.GetOkAsync($"/api/events/count/{runId}"))["count"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("{\"event_type\":\"kill\",\"timestamp\":\"2026-11-25T16:00:00Z\"}", "run_id")]
    [InlineData("{\"run_id\":1,\"timestamp\":\"2026-11-25T16:00:00Z\"}", "event_type")]
    [InlineData("{\"run_id\":1,\"event_type\":\"kill\",\"timestamp\":\"yesterday\"}", "timestamp")]
    [InlineData("{\"run_id\":1,\"event_type\":\"kill\",\"timestamp\":\"2026-11-25T16:00:00Z\",\"frame\":-1}", "frame")]
    [InlineData("{\"run_id\":1,\"event_type\":\"kill\",\"timestamp\":\"2026-11-25T16:00:00Z\",\"data\":5}", "data")]
    public async Task InvalidEventIsABadRequestNamingTheField(string body, string field)
    {
        var problem = await _client.PostAsync("/api/events", ApiClient.RawJson(body), Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"\"{field}\"", problem.Errors());
    }
}
