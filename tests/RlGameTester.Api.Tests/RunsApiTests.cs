using System.Net;
using System.Net.Http.Json;

namespace RlGameTester.Api.Tests;

public sealed class RunsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Every state a run can be in, times every move: the legal ones apply, the rest answer 409 naming the state.</summary>
    public static TheoryData<string, string, string?> Lifecycle => new()
    {
        { "pending", "start", "running" },
        { "pending", "cancel", "cancelled" },
        { "pending", "complete", null },
        { "pending", "fail", null },
        { "running", "start", null },
        { "running", "cancel", "cancelled" },
        { "running", "complete", "completed" },
        { "running", "fail", "failed" },
        { "completed", "start", null },
        { "completed", "cancel", null },
        { "completed", "complete", null },
        { "completed", "fail", null },
        { "failed", "start", null },
        { "failed", "cancel", null },
        { "failed", "complete", null },
        { "failed", "fail", null },
        { "cancelled", "start", null },
        { "cancelled", "cancel", null },
        { "cancelled", "complete", null },
        { "cancelled", "fail", null },
    };

    [Theory]
    [MemberData(nameof(Lifecycle))]
    public async Task LifecycleAllowsOnlyItsTransitions(string from, string move, string? expected)
    {
        var runId = await RunInStateAsync(from);

        var response = await _client.PostAsync(MoveUrl(runId, move), null, Token);
        var body = await response.ReadJsonAsync();

        if (expected is null)
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal(from, body["current_status"]!.GetValue<string>());
            Assert.Contains($"is {from}", body["detail"]!.GetValue<string>());
            var unchanged = await _client.GetOkAsync($"/api/runs/{runId}");
            Assert.Equal(from, unchanged["status"]!.GetValue<string>());
        }
        else
        {
            Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
            var run = await _client.GetOkAsync($"/api/runs/{runId}");
            Assert.Equal(expected, run["status"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task StartSetsStartedAtAndCompleteRecordsTotals()
    {
        var runId = await _client.CreateRunAsync(await _client.CreateMapAsync());

        var started = await _client.PostOkAsync($"/api/runs/{runId}/start", new { }, HttpStatusCode.Accepted);
        Assert.Equal($"run-{runId}", started["task_id"]!.GetValue<string>());
        var completed = await _client.PostOkAsync($"/api/runs/{runId}/complete?total_episodes=20&total_iterations=1234&log_path=logs/1.log", new { }, HttpStatusCode.OK);

        Assert.Equal("completed", completed["status"]!.GetValue<string>());
        Assert.Equal(20, completed["total_episodes"]!.GetValue<int>());
        Assert.Equal(1234, completed["total_iterations"]!.GetValue<int>());
        Assert.Equal("logs/1.log", completed["log_path"]!.GetValue<string>());
        Assert.True(completed["completed_at"]!.GetValue<DateTime>() >= completed["started_at"]!.GetValue<DateTime>());
    }

    [Fact]
    public async Task FailNeedsAnErrorMessageAndRecordsIt()
    {
        var runId = await RunInStateAsync("running");

        var missing = await _client.PostAsync($"/api/runs/{runId}/fail", null, Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("error_message", missing.Errors());

        var failed = await _client.PostOkAsync($"/api/runs/{runId}/fail?error_message=agent%20crashed", new { }, HttpStatusCode.OK);
        Assert.Equal("agent crashed", failed["error_message"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateDefaultsToATestingRunOfTheExplorerWithTheMapsScenario()
    {
        var mapId = await _client.CreateMapAsync("scenario-map", "health_gathering");

        var run = await _client.PostOkAsync("/api/runs", new { map_id = mapId, config = new { skill = 3, frame_every = 0, compatibility = "vanilla" } });

        Assert.Equal("pending", run["status"]!.GetValue<string>());
        Assert.Null(run["frames_checked_at"]);
        Assert.Equal("testing", run["run_type"]!.GetValue<string>());
        Assert.Equal("explorer", run["agent"]!.GetValue<string>());
        Assert.Equal("health_gathering", run["scenario"]!.GetValue<string>());
        Assert.Equal(3, run["config"]!["skill"]!.GetValue<int>());
    }

    [Fact]
    public async Task UnknownRunTypeIsABadRequestListingTheAllowedValues()
    {
        var mapId = await _client.CreateMapAsync();
        var problem = await _client.PostAsync("/api/runs", ApiClient.RawJson($"{{\"map_id\":{mapId},\"run_type\":\"sprint\"}}"), Token)
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("run_type", problem.Errors());
        Assert.Contains("training, testing, evaluation", problem.Errors());
    }

    [Theory]
    [InlineData("{}", "map_id")]
    [InlineData("{\"map_id\":-1}", "map_id")]
    [InlineData("{\"map_id\":1,\"agent\":\"doomguy\"}", "agent")]
    [InlineData("{\"map_id\":1,\"config\":\"fast\"}", "config")]
    [InlineData("{\"map_id\":1,\"config\":{\"skill\":6}}", "config.skill")]
    [InlineData("{\"map_id\":1,\"agent\":\"explorer\",\"config\":{\"time_limit\":\"long\"}}", "config.time_limit")]
    [InlineData("{\"map_id\":1,\"config\":{\"position_interval\":0}}", "config.position_interval")]
    [InlineData("{\"map_id\":1,\"config\":{\"skil\":3}}", "config.skil")]
    [InlineData("{\"map_id\":1,\"config\":{\"frame_every\":-1}}", "config.frame_every")]
    [InlineData("{\"map_id\":1,\"config\":{\"frame_every\":2101}}", "config.frame_every")]
    [InlineData("{\"map_id\":1,\"config\":{\"compatibility\":\"zdoom\"}}", "config.compatibility")]
    [InlineData("{\"map_id\":1,\"config\":{\"compatibility\":\"1\"}}", "config.compatibility")]
    public async Task InvalidCreateIsABadRequestNamingTheField(string body, string field)
    {
        var problem = await _client.PostAsync("/api/runs", ApiClient.RawJson(body), Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"\"{field}\"", problem.Errors());
    }

    [Fact]
    public async Task RunOnUnknownMapIsNotFound()
    {
        var problem = await _client.PostAsJsonAsync("/api/runs", new { map_id = 987654 }, Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("987654", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListFiltersByMapStatusAndType()
    {
        var mapId = await _client.CreateMapAsync("filters");
        var training = await _client.CreateRunAsync(mapId, "training");
        var testing = await _client.CreateRunAsync(mapId, "testing");
        await _client.PostAsync($"/api/runs/{testing}/start", null, Token);

        var byType = (await _client.GetOkAsync($"/api/runs?map_id={mapId}&run_type=training")).AsArray();
        var byStatus = (await _client.GetOkAsync($"/api/runs?map_id={mapId}&status=running")).AsArray();

        Assert.Equal(training, Assert.Single(byType)!["id"]!.GetValue<long>());
        Assert.Equal(testing, Assert.Single(byStatus)!["id"]!.GetValue<long>());
        Assert.Contains((await _client.GetOkAsync("/api/runs/running")).AsArray(), r => r!["id"]!.GetValue<long>() == testing);
        Assert.Contains((await _client.GetOkAsync("/api/runs/pending?limit=1000")).AsArray(), r => r!["id"]!.GetValue<long>() == training);
    }

    [Fact]
    public async Task UnknownStatusFilterIsABadRequestListingTheAllowedValues()
    {
        var problem = await _client.GetAsync("/api/runs?status=paused", Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("pending, running, completed, failed, cancelled", problem.Errors());
    }

    [Fact]
    public async Task GetIncludesMetricsAndBugCount()
    {
        var runId = await _client.CreateRunAsync(await _client.CreateMapAsync());
        var before = await _client.GetOkAsync($"/api/runs/{runId}");
        Assert.Null(before["metrics"]);
        Assert.Equal(0, before["bug_count"]!.GetValue<int>());

        await _client.PostOkAsync($"/api/metrics/{runId}/calculate", new { }, HttpStatusCode.OK);
        await _client.PostOkAsync("/api/bugs", new { run_id = runId, bug_type = "stuck_state", title = "stuck" });

        var after = await _client.GetOkAsync($"/api/runs/{runId}");
        Assert.Equal(runId, after["metrics"]!["run_id"]!.GetValue<long>());
        Assert.Equal(1, after["bug_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task DeletingARunningRunIsAConflictAndAFinishedOneGoes()
    {
        var running = await RunInStateAsync("running");
        var conflict = await _client.DeleteAsync($"/api/runs/{running}", Token).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("running", conflict["current_status"]!.GetValue<string>());

        var completed = await RunInStateAsync("completed");
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/runs/{completed}", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/runs/{completed}", Token)).StatusCode);
        await _client.DeleteAsync($"/api/runs/{completed}", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MovesOnAnUnknownRunAreNotFound()
    {
        foreach (var move in new[] { "start", "cancel", "complete", "fail?error_message=x" })
        {
            await _client.PostAsync($"/api/runs/555555/{move}", null, Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        }
    }

    private static string MoveUrl(long runId, string move) =>
        move == "fail" ? $"/api/runs/{runId}/fail?error_message=boom" : $"/api/runs/{runId}/{move}";

    private async Task<long> RunInStateAsync(string state)
    {
        var runId = await _client.CreateRunAsync(await _client.CreateMapAsync($"state-{state}"));
        string[] moves = state switch
        {
            "pending" => [],
            "running" => ["start"],
            "completed" => ["start", "complete"],
            "failed" => ["start", "fail"],
            "cancelled" => ["cancel"],
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
        foreach (var move in moves)
        {
            var response = await _client.PostAsync(MoveUrl(runId, move), null, Token);
            Assert.True(response.IsSuccessStatusCode, $"{move} failed setting up state {state}");
        }

        return runId;
    }
}
