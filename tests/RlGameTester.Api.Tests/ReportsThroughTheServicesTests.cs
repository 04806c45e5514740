using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RlGameTester.Messaging.Jobs;
using RlGameTester.Messaging.Queue;
using RlGameTester.TestSupport;

namespace RlGameTester.Api.Tests;

/// <summary>
/// Reports end to end: the real Analysis service writes them (after an upload's checks, after a run's analysis, on a
/// POST through the reports queue) and the Api serves what it stored, against real PostgreSQL, Redis and Azurite.
/// No LLM is configured here, so the templates write them and say so.
/// </summary>
public sealed class ReportsThroughTheServicesTests(ApiWithAnalysis services) : IClassFixture<ApiWithAnalysis>
{
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(90);
    private readonly HttpClient _client = services.Api.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheAnalysisServiceWritesTheLevelsReportAfterTheUploadAndTheRunsAfterItsAnalysis()
    {
        var wad = WadBuilder.Unique(Path.Combine(Fixtures.Wads, "defend_the_center.wad"));
        var map = (await _client.UploadAsync(wad, "level.wad"))[0]!;
        var mapId = map["id"]!.GetValue<long>();
        var level = map["level_name"]!.GetValue<string>();

        var levelReport = await WaitForReportAsync($"/api/maps/{mapId}/report");
        Assert.StartsWith($"# Level report: {level} (map {mapId})", levelReport);
        Assert.Contains("> Written from templates, not by an LLM: no llm connection string configured.", levelReport);
        Assert.Contains("No agent has played the level yet.", levelReport);
        Assert.Contains($"![{level} with bug markers labelled by bug id](/api/maps/{mapId}/image)", levelReport);

        // A run as a worker leaves it: events recorded, ended, queued for analysis.
        var runId = await _client.CreateRunAsync(mapId);
        var t0 = DateTimeOffset.UtcNow;
        var events = new List<object> { new { event_type = "episode_start", timestamp = t0, episode = 1, frame = 0 } };
        events.AddRange(Enumerable.Range(1, 110).Select(i => (object)new { event_type = "position", timestamp = t0.AddSeconds(i * 4 / 35.0), episode = 1, frame = i * 4, data = new { x = 64, y = -96 } }));
        events.Add(new { event_type = "health_change", timestamp = t0.AddSeconds(20), episode = 1, frame = 700, data = new { old = 100, @new = -20 } });
        events.Add(new { event_type = "death", timestamp = t0.AddSeconds(20), episode = 1, frame = 700 });
        events.Add(new { event_type = "episode_end", timestamp = t0.AddSeconds(21), episode = 1, frame = 735 });
        await _client.PostOkAsync($"/api/events/bulk?run_id={runId}", events);
        await _client.PostOkAsync($"/api/runs/{runId}/start", new { }, HttpStatusCode.Accepted);
        await _client.PostOkAsync($"/api/runs/{runId}/complete", new { total_episodes = 1 }, HttpStatusCode.OK);
        await services.Api.Services.GetRequiredService<RedisJobQueue>().EnqueueAsync(new AnalyseRun(runId), Token);

        await WaitForReportAsync($"/api/runs/{runId}/report");
        var report = await JsonReportAsync($"/api/runs/{runId}/report");
        var bugs = (await _client.GetOkAsync($"/api/bugs?run_id={runId}")).AsArray();
        Assert.Equal(["instant_death", "stuck_state"], bugs.Select(b => b!["bug_type"]!.GetValue<string>()).Order());
        Assert.Equal("template", report["generator"]!.GetValue<string>());
        Assert.Equal(bugs.Select(b => b!["id"]!.GetValue<long>()).Order(), report["cited_finding_ids"]!.AsArray().Select(id => id!.GetValue<long>()).Order());
        var hardness = report["document"]!["hardness"]!;
        Assert.Equal((await _client.GetOkAsync($"/api/metrics/{runId}"))["hardness_score"]!.GetValue<double>(), hardness["score"]!.GetValue<double>());
        var stuck = report["document"]!["findings"]!.AsArray().Single(f => f!["type"]!.GetValue<string>() == "stuck_state")!;
        Assert.Equal("(64, -96), episode 1, ticks 4-440 (0:00.11 to 0:12.57)", stuck["place"]!.GetValue<string>());
        Assert.StartsWith("Check for geometry snags around (64, -96) in episode 1", stuck["fix"]!.GetValue<string>());

        // The level's report now lists the run. It is written just after the run's, so it is waited for too.
        var refreshed = await WaitForReportAsync($"/api/maps/{mapId}/report", $"| #{runId} | explorer | completed | 1 |");
        Assert.DoesNotContain("No agent has played the level yet.", refreshed);

        // Asked for again: the Analysis service takes the request from the reports queue and replaces the report.
        var written = report["created_at"]!.GetValue<DateTime>();
        await _client.PostOkAsync($"/api/runs/{runId}/report", new { }, HttpStatusCode.Accepted);
        var deadline = DateTime.UtcNow + WriteTimeout;
        JsonNode again;
        do
        {
            Assert.True(DateTime.UtcNow < deadline, $"run {runId}'s report was not rewritten in {WriteTimeout.TotalSeconds} s");
            await Task.Delay(200, Token);
            again = await JsonReportAsync($"/api/runs/{runId}/report");
        }
        while (again["created_at"]!.GetValue<DateTime>() <= written);

        Assert.NotEqual(report["id"]!.GetValue<long>(), again["id"]!.GetValue<long>());
        Assert.Equal(report["evidence_fingerprint"]!.GetValue<string>(), again["evidence_fingerprint"]!.GetValue<string>());
    }

    private async Task<JsonNode> JsonReportAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await _client.SendAsync(request, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>
    /// Asks until the Analysis service has written the report (one that says <paramref name="saying"/>, when given);
    /// every answer before that must be a 404 saying it will be, or an earlier report.
    /// </summary>
    private async Task<string> WaitForReportAsync(string url, string? saying = null)
    {
        var deadline = DateTime.UtcNow + WriteTimeout;
        while (true)
        {
            using var response = await _client.GetAsync(url, Token);
            string last;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
                last = await response.Content.ReadAsStringAsync(Token);
                if (saying is null || last.Contains(saying, StringComparison.Ordinal))
                {
                    return last;
                }
            }
            else
            {
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} answered {(int)response.StatusCode}: {problem}");
                Assert.Equal("Report not written yet", problem.GetProperty("title").GetString());
                last = problem.ToString();
            }

            Assert.True(DateTime.UtcNow < deadline, $"GET {url}: no report{(saying is null ? "" : $" saying '{saying}'")} after {WriteTimeout.TotalSeconds} s; last: {last}");
            await Task.Delay(200, Token);
        }
    }
}
