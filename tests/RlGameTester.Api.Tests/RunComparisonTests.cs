using System.Net;
using System.Text.Json.Nodes;

namespace RlGameTester.Api.Tests;

/// <summary>
/// <c>GET /api/runs/compare</c> against the real Api: two runs' findings matched by check, element and place as
/// revisions are, and every refusal a ProblemDetails that says why.
/// </summary>
public sealed class RunComparisonTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoRunsOfALevelCompareByCheckElementAndPlaceNotById()
    {
        var mapId = await _client.CreateMapAsync();
        var earlier = await _client.CreateRunAsync(mapId);
        var later = await _client.CreateRunAsync(mapId);
        await FileAsync(earlier, "stuck_state", "Stuck near the lift", 1056.2, -3616, 214);
        await FileAsync(earlier, "instant_death", "Died at once in the pit", 100, 100, null);
        // The same stuck spot in other words and a fraction of a unit away is the same finding.
        var sameStuck = await FileAsync(later, "stuck_state", "Stuck by the lift again", 1055.9, -3616, 214);
        var glitch = await FileAsync(later, "visual_glitch", "HOM on the east wall", 5, 5, null);

        var playing = await _client.GetAsync($"/api/runs/compare?from={earlier}&to={later}", Token).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains($"Run {earlier} is pending", playing["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        await _client.PostOkAsync($"/api/runs/{earlier}/start", new { }, HttpStatusCode.Accepted);
        await _client.PostOkAsync($"/api/runs/{earlier}/complete", new { }, HttpStatusCode.OK);
        await _client.PostOkAsync($"/api/runs/{later}/cancel", new { }, HttpStatusCode.OK);
        var body = await _client.GetOkAsync($"/api/runs/compare?from={earlier}&to={later}");

        Assert.Equal(earlier, body["from"]!["id"]!.GetValue<long>());
        Assert.Equal("completed", body["from"]!["status"]!.GetValue<string>());
        Assert.Equal(later, body["to"]!["id"]!.GetValue<long>());
        Assert.Equal([glitch], Ids(body["new"]!));
        Assert.Equal(["Died at once in the pit"], body["fixed"]!.AsArray().Select(f => f!["title"]!.GetValue<string>()));
        Assert.Equal([sameStuck], Ids(body["unchanged"]!));

        // The other way round, what was new is fixed and the other way about.
        var reverse = await _client.GetOkAsync($"/api/runs/compare?from={later}&to={earlier}");
        Assert.Equal(["Died at once in the pit"], reverse["new"]!.AsArray().Select(f => f!["title"]!.GetValue<string>()));
        Assert.Equal([glitch], Ids(reverse["fixed"]!));
    }

    [Fact]
    public async Task BadOrUnknownRunsAndRunsOfTwoLevelsAreProblemsThatSayWhy()
    {
        var mapId = await _client.CreateMapAsync();
        var run = await _client.CreateRunAsync(mapId);
        var elsewhere = await _client.CreateRunAsync(await _client.CreateMapAsync());

        var none = await _client.GetAsync("/api/runs/compare", Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var zero = await _client.GetAsync($"/api/runs/compare?from=0&to={run}", Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var same = await _client.GetAsync($"/api/runs/compare?from={run}&to={run}", Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var unknown = await _client.GetAsync($"/api/runs/compare?from={run}&to=987654321", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        var twoLevels = await _client.GetAsync($"/api/runs/compare?from={run}&to={elsewhere}", Token).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("\"from\":[\"is required.\"]", none.Errors(), StringComparison.Ordinal);
        Assert.Contains("\"to\":[\"is required.\"]", none.Errors(), StringComparison.Ordinal);
        Assert.Contains("must be a positive id; got 0", zero.Errors(), StringComparison.Ordinal);
        Assert.Contains("must be another run than from", same.Errors(), StringComparison.Ordinal);
        Assert.Equal("There is no run with id 987654321.", unknown["detail"]!.GetValue<string>());
        Assert.Contains($"run {elsewhere} is of level", twoLevels.Errors(), StringComparison.Ordinal);
        Assert.Contains($"run {run} of level {mapId}: runs compare only on one level", twoLevels.Errors(), StringComparison.Ordinal);
    }

    private async Task<long> FileAsync(long runId, string type, string title, double x, double y, int? line)
    {
        var bug = await _client.PostOkAsync("/api/bugs", new
        {
            run_id = runId,
            bug_type = type,
            severity = "major",
            detection_source = "telemetry",
            check_name = type,
            title,
            position_x = x,
            position_y = y,
            element_kind = line is null ? null : "line",
            element_index = line,
        });
        return bug["id"]!.GetValue<long>();
    }

    private static IEnumerable<long> Ids(JsonNode findings) => findings.AsArray().Select(f => f!["id"]!.GetValue<long>());
}
