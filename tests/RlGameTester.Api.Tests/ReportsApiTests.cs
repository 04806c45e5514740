using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RlGameTester.Data;
using RlGameTester.Data.Reports;
using RlGameTester.Data.Runs;
using RlGameTester.Messaging;
using RlGameTester.Messaging.Jobs;
using RlGameTester.Messaging.Queue;

namespace RlGameTester.Api.Tests;

/// <summary>
/// The report endpoints on the real Api, PostgreSQL and Redis: stored reports served as Markdown or JSON by Accept,
/// 404 bodies that say whether the id is unknown or the report is not written yet (and when it will be), and
/// rewrites queued for the Analysis service.
/// </summary>
public sealed class ReportsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AStoredRunReportIsMarkdownByDefaultAndJsonWhenAskedFor()
    {
        var mapId = await _client.CreateMapAsync("report-run");
        var runId = await _client.CreateRunAsync(mapId);
        var report = await StoreAsync(ReportSubject.Run, mapId, runId);

        var markdown = await _client.GetAsync($"/api/runs/{runId}/report", Token);
        Assert.Equal(HttpStatusCode.OK, markdown.StatusCode);
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(report.Markdown, await markdown.Content.ReadAsStringAsync(Token));
        Assert.Contains("Accept", markdown.Headers.Vary);

        var json = await GetAsync($"/api/runs/{runId}/report", "application/json");
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        var body = await json.ReadJsonAsync();
        Assert.Equal(report.Id, body["id"]!.GetValue<long>());
        Assert.Equal("run", body["subject"]!.GetValue<string>());
        Assert.Equal(runId, body["run_id"]!.GetValue<long>());
        Assert.Equal("template", body["generator"]!.GetValue<string>());
        Assert.Equal("no llm connection string configured", body["fallback_reason"]!.GetValue<string>());
        Assert.Equal([41L, 42L], body["cited_finding_ids"]!.AsArray().Select(id => id!.GetValue<long>()));
        Assert.Equal(report.EvidenceFingerprint, body["evidence_fingerprint"]!.GetValue<string>());
        Assert.Equal(report.Markdown, body["markdown"]!.GetValue<string>());
        var document = body["document"]!;
        Assert.Equal($"/api/runs/{runId}/image", document["image_url"]!.GetValue<string>());
        Assert.Equal(64.5, document["hardness"]!["score"]!.GetValue<double>());
        var stuck = document["findings"]![0]!;
        Assert.Equal(41, stuck["id"]!.GetValue<long>());
        Assert.Equal("stuck_state", stuck["type"]!.GetValue<string>());
        Assert.Equal("(1056, -3264), episode 1, ticks 4-480", stuck["place"]!.GetValue<string>());
        Assert.StartsWith("Check for geometry snags", stuck["fix"]!.GetValue<string>());

        // The most preferred acceptable type wins; text and anything else get Markdown.
        Assert.Equal("text/markdown", (await GetAsync($"/api/runs/{runId}/report", "application/json;q=0.5, text/markdown")).Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/json", (await GetAsync($"/api/runs/{runId}/report", "text/html;q=0.1, application/problem+json")).Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/markdown", (await GetAsync($"/api/runs/{runId}/report", "*/*")).Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AStoredMapReportIsServedByMapId()
    {
        var mapId = await _client.CreateMapAsync("report-map");
        var report = await StoreAsync(ReportSubject.Map, mapId, null);

        var markdown = await _client.GetAsync($"/api/maps/{mapId}/report", Token);
        Assert.Equal(HttpStatusCode.OK, markdown.StatusCode);
        Assert.Equal(report.Markdown, await markdown.Content.ReadAsStringAsync(Token));
        var body = await (await GetAsync($"/api/maps/{mapId}/report", "application/json")).ReadJsonAsync();
        Assert.Equal("map", body["subject"]!.GetValue<string>());
        Assert.Null(body["run_id"]);
        Assert.Equal(mapId, body["map_id"]!.GetValue<long>());
        Assert.Equal($"/api/maps/{mapId}/image", body["document"]!["image_url"]!.GetValue<string>());
        Assert.Equal(12, body["document"]!["runs"]![0]!["run_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task UnknownIdsAndUnwrittenReportsAnswer404WithDifferentReasons()
    {
        var unknownRun = await _client.GetAsync("/api/runs/987654/report", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Run not found", unknownRun["title"]!.GetValue<string>());
        Assert.Equal("There is no run with id 987654.", unknownRun["detail"]!.GetValue<string>());
        var unknownMap = await _client.GetAsync("/api/maps/987654/report", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("There is no map with id 987654.", unknownMap["detail"]!.GetValue<string>());

        var mapId = await _client.CreateMapAsync("report-404");
        var runId = await _client.CreateRunAsync(mapId);
        var pending = await _client.GetAsync($"/api/runs/{runId}/report", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Report not written yet", pending["title"]!.GetValue<string>());
        Assert.Contains($"Run {runId} has not started", pending["detail"]!.GetValue<string>());
        Assert.Equal("pending", pending["state"]!.GetValue<string>());

        await SetStatusAsync(runId, RunStatus.Running);
        var running = await _client.GetAsync($"/api/runs/{runId}/report", Token);
        Assert.Equal(TimeSpan.FromSeconds(10), running.Headers.RetryAfter?.Delta);
        var runningBody = await Task.FromResult(running).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("is running: the Analysis service writes its report when the run has finished", runningBody["detail"]!.GetValue<string>());

        await SetStatusAsync(runId, RunStatus.Completed);
        var empty = await _client.GetAsync($"/api/runs/{runId}/report", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains($"Run {runId} is completed and recorded no events, so it was not analysed", empty["detail"]!.GetValue<string>());

        await _client.PostOkAsync("/api/events", new { run_id = runId, event_type = "death", timestamp = DateTime.UtcNow });
        var finished = await _client.GetAsync($"/api/runs/{runId}/report", Token);
        Assert.Equal(TimeSpan.FromSeconds(10), finished.Headers.RetryAfter?.Delta);
        var finishedBody = await Task.FromResult(finished).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("the Analysis service writes it when it has analysed the run", finishedBody["detail"]!.GetValue<string>());
        Assert.Contains($"POST /api/runs/{runId}/report asks for it now", finishedBody["detail"]!.GetValue<string>());

        await SetStatusAsync(runId, RunStatus.Cancelled);
        var cancelled = await _client.GetAsync($"/api/runs/{runId}/report", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("cancelled runs are not analysed", cancelled["detail"]!.GetValue<string>());

        // An upload's report is written after its level checks, which no Analysis service runs here.
        var map = await _client.GetAsync($"/api/maps/{mapId}/report", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Report not written yet", map["title"]!.GetValue<string>());
        Assert.Contains("level checks have not run yet", map["detail"]!.GetValue<string>());

        var invalid = await _client.GetAsync("/api/runs/0/report", Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("must be a positive id", invalid.Errors());
    }

    [Fact]
    public async Task ARewriteIsQueuedForTheAnalysisServiceOnceTheRunHasFinished()
    {
        var mapId = await _client.CreateMapAsync("report-rewrite");
        var runId = await _client.CreateRunAsync(mapId);

        var early = await _client.PostAsync($"/api/runs/{runId}/report", null, Token).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains($"Run {runId} is pending", early["detail"]!.GetValue<string>());
        Assert.Equal("pending", early["current_status"]!.GetValue<string>());

        await SetStatusAsync(runId, RunStatus.Completed);
        var stored = await StoreAsync(ReportSubject.Run, mapId, runId);
        var accepted = await _client.PostAsync($"/api/runs/{runId}/report", null, Token);
        var body = await accepted.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal($"/api/runs/{runId}/report", accepted.Headers.Location?.ToString());
        Assert.Equal($"/api/runs/{runId}/report", body["report_url"]!.GetValue<string>());
        Assert.Equal(stored.CreatedAt, body["replaces_report_of"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(new WriteRunReport(runId), (await TakeQueuedAsync(body["job_id"]!.GetValue<string>()))?.Read<WriteRunReport>());

        var map = await _client.PostAsync($"/api/maps/{mapId}/report", null, Token);
        var mapBody = await map.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Accepted, map.StatusCode);
        Assert.Null(mapBody["replaces_report_of"]);
        Assert.Equal(new WriteMapReport(mapId), (await TakeQueuedAsync(mapBody["job_id"]!.GetValue<string>()))?.Read<WriteMapReport>());

        await _client.PostAsync("/api/runs/987654/report", null, Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        await _client.PostAsync("/api/maps/987654/report", null, Token).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeletingABugQueuesARewriteOfEveryReportThatCitesIt()
    {
        var mapId = await _client.CreateMapAsync("report-bug-deleted");
        var runId = await _client.CreateRunAsync(mapId);
        var cited = (await _client.PostOkAsync("/api/bugs", new { run_id = runId, bug_type = "stuck_state", title = "stuck" }))["id"]!.GetValue<long>();
        var uncited = (await _client.PostOkAsync("/api/bugs", new { map_id = mapId, bug_type = "missing_texture", title = "HOM" }))["id"]!.GetValue<long>();
        await StoreAsync(ReportSubject.Run, mapId, runId, [cited]);
        await StoreAsync(ReportSubject.Map, mapId, null, [cited]);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/bugs/{cited}", Token)).StatusCode);
        var queued = await TakeAllQueuedAsync();
        Assert.Contains(new WriteRunReport(runId, EvidenceChanged: true), queued.Select(l => l.TryRead<WriteRunReport>()));
        Assert.Contains(new WriteMapReport(mapId, EvidenceChanged: true), queued.Select(l => l.TryRead<WriteMapReport>()));

        // A bug no report cites queues nothing.
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/bugs/{uncited}", Token)).StatusCode);
        Assert.DoesNotContain(await TakeAllQueuedAsync(), l => l.TryRead<WriteRunReport>()?.RunId == runId || l.TryRead<WriteMapReport>()?.MapId == mapId);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesBothMediaTypesAndEveryReportEndpoint()
    {
        var document = await _client.GetOkAsync("/openapi.json");

        foreach (var (method, path) in new[] { ("get", "/api/runs/{id}/report"), ("post", "/api/runs/{id}/report"), ("get", "/api/maps/{id}/report"), ("post", "/api/maps/{id}/report") })
        {
            var operation = document["paths"]?[path]?[method];
            Assert.True(operation is not null, $"{method} {path} is missing from /openapi.json");
            Assert.False(string.IsNullOrWhiteSpace(operation!["summary"]?.GetValue<string>()));
            Assert.False(string.IsNullOrWhiteSpace(operation["description"]?.GetValue<string>()));
            Assert.NotNull(operation["responses"]!["404"]);
        }

        var ok = document["paths"]!["/api/runs/{id}/report"]!["get"]!["responses"]!["200"]!["content"]!.AsObject();
        Assert.Contains("application/json", ok.Select(c => c.Key));
        Assert.Contains("text/markdown", ok.Select(c => c.Key));
        Assert.NotNull(document["paths"]!["/api/runs/{id}/report"]!["post"]!["responses"]!["202"]);
    }

    private Task<HttpResponseMessage> GetAsync(string url, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        return _client.SendAsync(request, Token);
    }

    /// <summary>Stores a report as the Analysis service would: Markdown, the structured document as JSON, provenance.</summary>
    private async Task<Report> StoreAsync(ReportSubject subject, long mapId, long? runId, List<long>? cited = null)
    {
        var document = new ReportDocument
        {
            Subject = subject,
            RunId = runId,
            MapId = mapId,
            Title = "Run report",
            Summary = "The player gets stuck [#41].",
            ImageUrl = runId is { } id ? $"/api/runs/{id}/image" : $"/api/maps/{mapId}/image",
            Hardness = new ReportHardness { RunId = runId ?? 12, Score = 64.5, Band = "hard", KillPoints = 25, HealthPoints = 20, DeathPoints = 17.5, StuckPoints = 2, Drivers = "Driven mostly by kills." },
            Sections = [new ReportSection("What to fix first", "1. [#41] Stuck", [41])],
            Findings =
            [
                new ReportFinding
                {
                    Id = 41, RunId = runId, Type = "stuck_state", Severity = "major", Source = "telemetry", Check = "stuck-state",
                    Title = "Agent stuck for 13.6 s at (1056, -3264)", Place = "(1056, -3264), episode 1, ticks 4-480", X = 1056, Y = -3264,
                    Episode = 1, Tick = 4, Confidence = 0.95, Certainty = "95 % (high)", Evidence = "samples 120",
                    Fix = "Check for geometry snags around (1056, -3264).",
                },
            ],
            Runs = subject == ReportSubject.Map ? [new ReportRun { RunId = 12, Agent = "explorer", Status = "completed", ReportUrl = "/api/runs/12/report" }] : [],
        };
        var report = new Report
        {
            Subject = subject,
            RunId = runId,
            MapId = mapId,
            Markdown = $"# Run report\n\n> Written from templates, not by an LLM: no llm connection string configured.\n\n[#41] for {subject}\n",
            Content = JsonSerializer.Serialize(document, ReportJson.Default.ReportDocument),
            Generator = ReportGenerator.Template,
            FallbackReason = "no llm connection string configured",
            CitedFindingIds = cited ?? [41, 42],
            EvidenceFingerprint = new string('a', 64),
            CreatedAt = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc),
        };
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RlgtDbContext>();
        db.Reports.Add(report);
        await db.SaveChangesAsync(Token);
        return report;
    }

    private async Task SetStatusAsync(long runId, RunStatus status)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RlgtDbContext>();
        await db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, status), Token);
    }

    /// <summary>Takes every job waiting on the reports queue.</summary>
    private async Task<List<JobLease>> TakeAllQueuedAsync()
    {
        var queue = factory.Services.GetRequiredService<RedisJobQueue>();
        var taken = new List<JobLease>();
        while (await queue.TakeAsync(Queues.Reports, "reports-api-tests", Token) is { } lease)
        {
            await queue.AcknowledgeAsync(lease);
            taken.Add(lease);
        }

        return taken;
    }

    /// <summary>Takes jobs off the reports queue until the one with this entry id (other tests queue theirs too).</summary>
    private async Task<JobLease?> TakeQueuedAsync(string entryId)
    {
        var queue = factory.Services.GetRequiredService<RedisJobQueue>();
        for (var i = 0; i < 20; i++)
        {
            var lease = await queue.TakeAsync(Queues.Reports, "reports-api-tests", Token);
            if (lease is null)
            {
                break;
            }

            await queue.AcknowledgeAsync(lease);
            if (lease.EntryId == entryId)
            {
                return lease;
            }
        }

        return null;
    }
}
