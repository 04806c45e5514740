using System.Net;

namespace RlGameTester.Api.Tests;

public sealed class BugsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BugFiledForARunTakesTheRunsMapAndKeepsItsPlaceAndEvidence()
    {
        var mapId = await _client.CreateMapAsync();
        var runId = await _client.CreateRunAsync(mapId);

        var bug = await _client.PostOkAsync("/api/bugs", new
        {
            run_id = runId,
            bug_type = "stuck_state",
            severity = "major",
            detection_source = "telemetry",
            title = "Stuck near the lift",
            confidence = 0.95,
            position_x = 1056.0,
            position_y = -3616.0,
            element_kind = "line",
            element_index = 214,
            data = new { samples = 148 },
        });

        var read = await _client.GetOkAsync($"/api/bugs/{bug["id"]}");
        Assert.Equal(mapId, read["map_id"]!.GetValue<long>());
        Assert.Equal("stuck_state", read["bug_type"]!.GetValue<string>());
        Assert.Equal("telemetry", read["detection_source"]!.GetValue<string>());
        Assert.Equal(-3616.0, read["position_y"]!.GetValue<double>());
        Assert.Equal(148, read["data"]!["samples"]!.GetValue<int>());
    }

    [Fact]
    public async Task LevelBugNeedsOnlyAMapAndDefaultsToAManualMinorFinding()
    {
        var mapId = await _client.CreateMapAsync();
        var bug = await _client.PostOkAsync("/api/bugs", new { map_id = mapId, bug_type = "missing_texture", title = "HOM on the east wall" });
        Assert.Null(bug["run_id"]);
        Assert.Equal("minor", bug["severity"]!.GetValue<string>());
        Assert.Equal("manual", bug["detection_source"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"bug_type\":\"crash\",\"title\":\"x\"}", "run_id")]
    [InlineData("{\"map_id\":1,\"title\":\"x\"}", "bug_type")]
    [InlineData("{\"map_id\":1,\"bug_type\":\"crash\"}", "title")]
    [InlineData("{\"map_id\":1,\"bug_type\":\"crash\",\"title\":\"x\",\"confidence\":1.5}", "confidence")]
    [InlineData("{\"map_id\":1,\"bug_type\":\"crash\",\"title\":\"x\",\"element_kind\":\"wall\"}", "element_kind")]
    [InlineData("{\"map_id\":1,\"bug_type\":\"gremlin\",\"title\":\"x\"}", "bug_type")]
    [InlineData("{\"map_id\":1,\"bug_type\":\"crash\",\"title\":\"x\",\"severity\":\"apocalyptic\"}", "severity")]
    public async Task InvalidBugIsABadRequestNamingTheField(string body, string field)
    {
        var problem = await _client.PostAsync("/api/bugs", ApiClient.RawJson(body), Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"\"{field}\"", problem.Errors());
    }

    [Fact]
    public async Task BugForAnUnknownRunOrMapIsNotFound()
    {
        await _client.PostAsync("/api/bugs", ApiClient.RawJson("{\"run_id\":313131,\"bug_type\":\"crash\",\"title\":\"x\"}"), Token)
            .ExpectProblemAsync(HttpStatusCode.NotFound);
        await _client.PostAsync("/api/bugs", ApiClient.RawJson("{\"map_id\":313131,\"bug_type\":\"crash\",\"title\":\"x\"}"), Token)
            .ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task FiltersCriticalListAndSummaryAgree()
    {
        var mapId = await _client.CreateMapAsync();
        var runId = await _client.CreateRunAsync(mapId);
        await _client.PostOkAsync("/api/bugs", new { run_id = runId, bug_type = "instant_death", severity = "critical", detection_source = "telemetry", title = "a" });
        await _client.PostOkAsync("/api/bugs", new { run_id = runId, bug_type = "instant_death", severity = "critical", detection_source = "telemetry", title = "b" });
        await _client.PostOkAsync("/api/bugs", new { run_id = runId, bug_type = "stuck_state", severity = "major", detection_source = "telemetry", title = "c" });
        await _client.PostOkAsync("/api/bugs", new { map_id = mapId, bug_type = "missing_texture", severity = "minor", detection_source = "static", title = "d" });

        var summary = await _client.GetOkAsync($"/api/bugs/summary?map_id={mapId}");
        Assert.Equal(4, summary["total"]!.GetValue<int>());
        Assert.Equal(2, summary["by_type"]!["instant_death"]!.GetValue<int>());
        Assert.Equal(2, summary["by_severity"]!["critical"]!.GetValue<int>());
        Assert.Equal(1, summary["by_source"]!["static"]!.GetValue<int>());
        Assert.Equal(3, (await _client.GetOkAsync($"/api/bugs/summary?run_id={runId}"))["total"]!.GetValue<int>());

        var critical = (await _client.GetOkAsync("/api/bugs/critical?limit=1000")).AsArray();
        Assert.Equal(2, critical.Count(b => b!["map_id"]!.GetValue<long>() == mapId));
        Assert.All(critical, b => Assert.Equal("critical", b!["severity"]!.GetValue<string>()));

        var filtered = (await _client.GetOkAsync($"/api/bugs?map_id={mapId}&bug_type=stuck_state&severity=major")).AsArray();
        Assert.Equal("c", Assert.Single(filtered)!["title"]!.GetValue<string>());
        var staticOnes = (await _client.GetOkAsync($"/api/bugs?map_id={mapId}&detection_source=static")).AsArray();
        Assert.Equal("d", Assert.Single(staticOnes)!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownFilterValueIsABadRequestListingTheAllowedValues()
    {
        var problem = await _client.GetAsync("/api/bugs?severity=urgent", Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("critical, major, minor, info", problem.Errors());
    }

    [Fact]
    public async Task DeletedBugIsGone()
    {
        var bug = await _client.PostOkAsync("/api/bugs", new { map_id = await _client.CreateMapAsync(), bug_type = "crash", title = "x" });
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/bugs/{bug["id"]}", Token)).StatusCode);
        await _client.GetAsync($"/api/bugs/{bug["id"]}", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        await _client.DeleteAsync($"/api/bugs/{bug["id"]}", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
    }
}
