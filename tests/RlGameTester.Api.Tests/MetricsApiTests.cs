using System.Net;

namespace RlGameTester.Api.Tests;

public sealed class MetricsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private static readonly DateTime T0 = new(2026, 11, 25, 16, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Two episodes: (1) health 100 -> 60, two kills, death at -20; (2) health 80, one kill.
    /// deaths/episodes = 1/2 -> 17.5; kills/episode = 1.5 -> (1 - 0.15) * 25 = 21.25;
    /// health new values clamped at 0: 60, 0, 80 -> mean 46.667 -> (1 - 0.46667) * 20 = 10.667; no stuck -> 0.
    /// Total 49.4167 -> 49.42, medium.
    /// </summary>
    private static object[] TwoEpisodes() =>
    [
        new { event_type = "episode_start", timestamp = T0, episode = 1 },
        new { event_type = "health_change", timestamp = T0.AddSeconds(1), episode = 1, data = new { old = 100, @new = 60 } },
        new { event_type = "kill", timestamp = T0.AddSeconds(2), episode = 1 },
        new { event_type = "kill", timestamp = T0.AddSeconds(3), episode = 1 },
        new { event_type = "health_change", timestamp = T0.AddSeconds(4), episode = 1, data = new { old = 60, @new = -20 } },
        new { event_type = "death", timestamp = T0.AddSeconds(4), episode = 1 },
        new { event_type = "episode_end", timestamp = T0.AddSeconds(10), episode = 1 },
        new { event_type = "episode_start", timestamp = T0.AddSeconds(11), episode = 2 },
        new { event_type = "health_change", timestamp = T0.AddSeconds(12), episode = 2, data = new { old = 100, @new = 80 } },
        new { event_type = "kill", timestamp = T0.AddSeconds(13), episode = 2 },
        new { event_type = "episode_end", timestamp = T0.AddSeconds(31), episode = 2 },
    ];

    [Fact]
    public async Task HardnessMatchesTheFormulaForAHandComputedRun()
    {
        var runId = await RunWithEventsAsync(TwoEpisodes());

        var metrics = await _client.PostOkAsync($"/api/metrics/{runId}/calculate", new { }, HttpStatusCode.OK);

        Assert.Equal(49.42, metrics["hardness_score"]!.GetValue<double>());
        Assert.Equal("medium", metrics["hardness_band"]!.GetValue<string>());
        Assert.Equal(17.5, metrics["hardness_factors"]!["deaths"]!.GetValue<double>());
        Assert.Equal(21.25, metrics["hardness_factors"]!["kills"]!.GetValue<double>());
        Assert.Equal(10.67, metrics["hardness_factors"]!["health"]!.GetValue<double>());
        Assert.Equal(0, metrics["hardness_factors"]!["stuck"]!.GetValue<double>());
        Assert.Equal(2, metrics["episodes"]!.GetValue<int>());
        Assert.Equal(3, metrics["total_kills"]!.GetValue<int>());
        Assert.Equal(1, metrics["total_deaths"]!.GetValue<int>());
        Assert.Equal(1, metrics["min_kills"]!.GetValue<int>());
        Assert.Equal(2, metrics["max_kills"]!.GetValue<int>());
        Assert.Equal(-20, metrics["min_health"]!.GetValue<int>());
        Assert.Equal(40 + 80 + 20, metrics["total_damage_taken"]!.GetValue<int>());
        Assert.Equal(15.0, metrics["avg_episode_duration"]!.GetValue<double>());
    }

    [Fact]
    public async Task StuckPeriodsAddToHardnessOncePerPeriod()
    {
        // 150 identical positions, a move, then 120 more identical ones: two stuck periods (not one per window).
        var events = new List<object> { new { event_type = "episode_start", timestamp = T0, episode = 1 } };
        events.AddRange(Enumerable.Range(0, 150).Select(i => new { event_type = "position", timestamp = T0.AddMilliseconds(i * 100), episode = 1, frame = i * 4, data = new { x = 10.0, y = 20.0 } }));
        events.Add(new { event_type = "position", timestamp = T0.AddSeconds(16), episode = 1, frame = 601, data = new { x = 50.0, y = 20.0 } });
        events.AddRange(Enumerable.Range(0, 120).Select(i => new { event_type = "position", timestamp = T0.AddSeconds(17).AddMilliseconds(i * 100), episode = 1, frame = 700 + i, data = new { x = 50.0, y = 64.0 } }));
        events.Add(new { event_type = "episode_end", timestamp = T0.AddSeconds(40), episode = 1 });
        var runId = await RunWithEventsAsync([.. events]);

        var metrics = await _client.PostOkAsync($"/api/metrics/{runId}/calculate", new { }, HttpStatusCode.OK);

        Assert.Equal(2, metrics["stuck_count"]!.GetValue<int>());
        // deaths 0; kills 0 -> 25; health none -> 100 -> 0; stuck 2/10 * 20 = 4.
        Assert.Equal(29.0, metrics["hardness_score"]!.GetValue<double>());
        Assert.Equal("easy", metrics["hardness_band"]!.GetValue<string>());
    }

    [Fact]
    public async Task RecalculatingReplacesTheMetricsInsteadOfAddingRows()
    {
        var runId = await RunWithEventsAsync(TwoEpisodes());
        var first = await _client.PostOkAsync($"/api/metrics/{runId}/calculate", new { }, HttpStatusCode.OK);
        await _client.PostOkAsync($"/api/events/bulk?run_id={runId}", new[] { new { event_type = "kill", timestamp = T0.AddSeconds(32), episode = 2 } });

        var second = await _client.PostOkAsync($"/api/metrics/{runId}/calculate", new { }, HttpStatusCode.OK);

        Assert.Equal(first["id"]!.GetValue<long>(), second["id"]!.GetValue<long>());
        Assert.Equal(4, second["total_kills"]!.GetValue<int>());
        Assert.Equal(4, (await _client.GetOkAsync($"/api/metrics/{runId}"))["total_kills"]!.GetValue<int>());
    }

    [Fact]
    public async Task MetricsOfARunWithoutThemAreNotFoundSayingHowToComputeThem()
    {
        var runId = await _client.CreateRunAsync(await _client.CreateMapAsync());
        var problem = await _client.GetAsync($"/api/metrics/{runId}", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("calculate", problem["detail"]!.GetValue<string>());
        await _client.PostAsync("/api/metrics/898989/calculate", null, Token).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CompareShowsRunsSideBySideWithDifferencesFromTheFirst()
    {
        var hard = await RunWithEventsAsync(TwoEpisodes());
        var easy = await RunWithEventsAsync(
        [
            new { event_type = "episode_start", timestamp = T0, episode = 1 },
            .. Enumerable.Range(0, 10).Select(i => (object)new { event_type = "kill", timestamp = T0.AddSeconds(i), episode = 1 }),
            new { event_type = "episode_end", timestamp = T0.AddSeconds(20), episode = 1 },
        ]);
        var none = await _client.CreateRunAsync(await _client.CreateMapAsync());
        await _client.PostOkAsync($"/api/metrics/{hard}/calculate", new { }, HttpStatusCode.OK);
        await _client.PostOkAsync($"/api/metrics/{easy}/calculate", new { }, HttpStatusCode.OK);

        var compared = await _client.GetOkAsync($"/api/metrics/compare?run_ids={hard},{easy},{none}");

        Assert.Equal([hard, easy, none], compared["run_ids"]!.AsArray().Select(n => n!.GetValue<long>()));
        Assert.Null(compared["metrics"]![2]);
        var hardness = compared["differences"]!["hardness_score"]!;
        Assert.Equal(49.42, hardness["values"]![0]!.GetValue<double>());
        Assert.Equal(0.0, hardness["values"]![1]!.GetValue<double>());
        Assert.Equal(-49.42, hardness["delta_from_first"]![1]!.GetValue<double>());
        Assert.Null(hardness["delta_from_first"]![2]);
        Assert.Equal(0.0, hardness["min"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("/api/metrics/compare", "run_ids")]
    [InlineData("/api/metrics/compare?run_ids=1,x", "run_ids")]
    [InlineData("/api/metrics/compare?run_ids=1,2,3,4,5,6,7,8,9,10,11", "run_ids")]
    [InlineData("/api/metrics?min_hardness=-1", "min_hardness")]
    [InlineData("/api/metrics?min_hardness=60&max_hardness=50", "min_hardness")]
    [InlineData("/api/metrics/hardest?limit=0", "limit")]
    public async Task BadQueriesAreBadRequests(string url, string field)
    {
        var problem = await _client.GetAsync(url, Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.Errors());
    }

    [Fact]
    public async Task CompareWithAnUnknownRunIsNotFound()
    {
        var problem = await _client.GetAsync("/api/metrics/compare?run_ids=616161", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("616161", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task HardestListsHighestFirstAndListFiltersByRange()
    {
        var hard = await RunWithEventsAsync(TwoEpisodes());
        var easy = await RunWithEventsAsync([.. Enumerable.Range(0, 10).Select(i => (object)new { event_type = "kill", timestamp = T0.AddSeconds(i), episode = 1 })]);
        await _client.PostOkAsync($"/api/metrics/{hard}/calculate", new { }, HttpStatusCode.OK);
        await _client.PostOkAsync($"/api/metrics/{easy}/calculate", new { }, HttpStatusCode.OK);

        var hardest = (await _client.GetOkAsync("/api/metrics/hardest?limit=1000")).AsArray();
        var scores = hardest.Select(m => m!["hardness_score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);

        var inRange = (await _client.GetOkAsync("/api/metrics?min_hardness=40&max_hardness=60&limit=1000")).AsArray();
        Assert.Contains(inRange, m => m!["run_id"]!.GetValue<long>() == hard);
        Assert.DoesNotContain(inRange, m => m!["run_id"]!.GetValue<long>() == easy);
    }

    [Fact]
    public async Task TimelineGivesPerEpisodeSeriesWithRunningValues()
    {
        var runId = await RunWithEventsAsync(
        [
            .. TwoEpisodes(),
            new { event_type = "ammo_change", timestamp = T0.AddSeconds(14), episode = 2, data = new { old = 50, @new = 48 } },
        ]);

        var timeline = await _client.GetOkAsync($"/api/metrics/{runId}/timeline");

        var episodes = timeline["episodes"]!.AsArray();
        Assert.Equal(2, episodes.Count);
        var first = episodes[0]!["points"]!.AsArray();
        Assert.Equal(["health_change", "kill", "kill", "health_change", "death"], first.Select(p => p!["event_type"]!.GetValue<string>()));
        Assert.Equal(2, first[^1]!["kills"]!.GetValue<int>());
        Assert.Equal(1, first[^1]!["deaths"]!.GetValue<int>());
        Assert.Equal(-20, first[^1]!["health"]!.GetValue<int>());
        var second = episodes[1]!["points"]!.AsArray();
        Assert.Equal(0, second[0]!["kills"]!.GetValue<int>());
        Assert.Equal(48, second[^1]!["ammo"]!.GetValue<int>());

        var only2 = await _client.GetOkAsync($"/api/metrics/{runId}/timeline?episode=2");
        Assert.Equal(2, Assert.Single(only2["episodes"]!.AsArray())!["episode"]!.GetValue<int>());
    }

    private async Task<long> RunWithEventsAsync(object[] events)
    {
        var runId = await _client.CreateRunAsync(await _client.CreateMapAsync());
        if (events.Length > 0)
        {
            await _client.PostOkAsync($"/api/events/bulk?run_id={runId}", events);
        }

        return runId;
    }
}
