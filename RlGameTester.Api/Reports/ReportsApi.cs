using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Api.Security;
using RlGameTester.Data;
using RlGameTester.Data.Reports;
using RlGameTester.Data.Runs;
using RlGameTester.Domain;
using RlGameTester.Messaging.Jobs;
using RlGameTester.Messaging.Queue;

namespace RlGameTester.Api.Reports;

/// <summary>
/// Reports on runs and levels, written and stored by the Analysis service: read as Markdown (default) or JSON
/// (<c>Accept: application/json</c>), and rewritten on request (queued).
/// </summary>
public static class ReportsApi
{
    private const string Markdown = "text/markdown";

    /// <summary>Seconds a client should wait before asking again for a report that is being written.</summary>
    private const int RetryAfterSeconds = 10;

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var reports = routes.MapGroup("/api").WithTags("Reports");

        reports.MapGet("/runs/{id:long}/report", GetRunReport).WithName("GetRunReport").CanBeMissing()
            .AlsoAsMarkdown()
            .WithSummary("A run's report")
            .WithDescription("The run's report (Markdown, or JSON with Accept: application/json); 404 with Retry-After until written. Details: docs/api.md.");
        reports.MapPost("/runs/{id:long}/report", RewriteRunReport).WithName("RewriteRunReport").CanBeMissing().CanConflict().RequireRateLimiting(RateLimits.ReportRewrites)
            .WithSummary("Rewrite a run's report")
            .WithDescription("Queues a rewrite of the run's report (202); 409 while the run has not finished. Details: docs/api.md.");
        reports.MapGet("/maps/{id:long}/report", GetMapReport).WithName("GetMapReport").CanBeMissing()
            .AlsoAsMarkdown()
            .WithSummary("A level's report")
            .WithDescription("The level's report across its checks and runs (Markdown, or JSON with Accept: application/json); 404 with Retry-After until written. Details: docs/api.md.");
        reports.MapPost("/maps/{id:long}/report", RewriteMapReport).WithName("RewriteMapReport").CanBeMissing().RequireRateLimiting(RateLimits.ReportRewrites)
            .WithSummary("Rewrite a level's report")
            .WithDescription("Queues the level's report for rewriting by the Analysis service now, by the LLM when one is configured: 202 with where to read it.");
        return routes;
    }

    /// <summary>Declares the Markdown form of the 200 answer beside the JSON one the result type declares.</summary>
    private static RouteHandlerBuilder AlsoAsMarkdown(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content is { } content)
            {
                content[Markdown] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The report as Markdown." } };
            }

            return Task.CompletedTask;
        });

    internal static async Task<Results<Ok<ReportResponse>, ContentHttpResult, ProblemHttpResult, ValidationProblem>> GetRunReport(
        long id, HttpContext context, RlgtDbContext db, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.RunId == id, cancellationToken);
        if (report is not null)
        {
            return Answer(report, context);
        }

        var run = await db.Runs.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Status }).FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            return Problems.NotFound("run", id);
        }

        // Only finished runs that recorded something are analysed (and so reported) by themselves.
        var recorded = run.Status is RunStatus.Completed or RunStatus.Failed && await db.Events.AnyAsync(e => e.RunId == id, cancellationToken);
        var when = run.Status switch
        {
            RunStatus.Pending => $"Run {id} has not started: the Analysis service writes its report after the run has finished and been analysed (POST /api/runs/{id}/start starts it).",
            RunStatus.Running => $"Run {id} is running: the Analysis service writes its report when the run has finished and been analysed, usually seconds after it ends.",
            RunStatus.Cancelled => $"Run {id} was cancelled, and cancelled runs are not analysed, so no report is written by itself: POST /api/runs/{id}/report writes one from what it recorded.",
            _ when !recorded => $"Run {id} is {SnakeCase.Of(run.Status)} and recorded no events, so it was not analysed and no report is written by itself: POST /api/runs/{id}/report writes one (saying how the run ended).",
            _ => $"Run {id} is {SnakeCase.Of(run.Status)} but its report is not written yet: the Analysis service writes it when it has analysed the run (queued when the run ended). POST /api/runs/{id}/report asks for it now.",
        };
        if (run.Status == RunStatus.Running || recorded)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return NotWritten(when, SnakeCase.Of(run.Status));
    }

    internal static async Task<Results<Ok<ReportResponse>, ContentHttpResult, ProblemHttpResult, ValidationProblem>> GetMapReport(
        long id, HttpContext context, RlgtDbContext db, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Subject == ReportSubject.Map && r.MapId == id, cancellationToken);
        if (report is not null)
        {
            return Answer(report, context);
        }

        var map = await db.Maps.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.CheckedAt, m.BlobName }).FirstOrDefaultAsync(cancellationToken);
        if (map is null)
        {
            return Problems.NotFound("map", id);
        }

        if (map.BlobName is null)
        {
            return NotWritten(
                $"Map {id} has no uploaded file to check, so no report is written at upload: the Analysis service writes one after a run of it is analysed, or on POST /api/maps/{id}/report.",
                "no_file");
        }

        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return map.CheckedAt is null
            ? NotWritten($"Map {id}'s level checks have not run yet: the Analysis service writes its report right after checking the upload (queued when the file was uploaded).", "checks_queued")
            : NotWritten($"Map {id} was checked but its report is not written yet: the Analysis service writes it right after the checks. POST /api/maps/{id}/report asks for it now.", "checked");
    }

    internal static async Task<Results<Accepted<ReportQueuedResponse>, ProblemHttpResult, ValidationProblem>> RewriteRunReport(
        long id, RlgtDbContext db, RedisJobQueue queue, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Status }).FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            return Problems.NotFound("run", id);
        }

        if (run.Status is RunStatus.Pending or RunStatus.Running)
        {
            return Problems.Conflict(
                "Run not finished",
                $"Run {id} is {SnakeCase.Of(run.Status)}: its report is written when it has finished and been analysed; ask again after that.",
                new Dictionary<string, object?> { ["current_status"] = SnakeCase.Of(run.Status) });
        }

        var current = await db.Reports.AsNoTracking().Where(r => r.RunId == id).Select(r => (DateTime?)r.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return await QueueAsync(queue, new WriteRunReport(id), ReportSubject.Run, id, $"/api/runs/{id}/report", current, $"Run {id}'s report", cancellationToken);
    }

    internal static async Task<Results<Accepted<ReportQueuedResponse>, ProblemHttpResult, ValidationProblem>> RewriteMapReport(
        long id, RlgtDbContext db, RedisJobQueue queue, CancellationToken cancellationToken)
    {
        if (!await db.Maps.AnyAsync(m => m.Id == id, cancellationToken))
        {
            return Problems.NotFound("map", id);
        }

        var current = await db.Reports.AsNoTracking().Where(r => r.Subject == ReportSubject.Map && r.MapId == id)
            .Select(r => (DateTime?)r.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return await QueueAsync(queue, new WriteMapReport(id), ReportSubject.Map, id, $"/api/maps/{id}/report", current, $"Map {id}'s report", cancellationToken);
    }

    private static async Task<Accepted<ReportQueuedResponse>> QueueAsync<TJob>(
        RedisJobQueue queue, TJob job, ReportSubject subject, long id, string url, DateTime? current, string what, CancellationToken cancellationToken)
        where TJob : class, IJob<TJob>
    {
        var jobId = await queue.EnqueueAsync(job, cancellationToken);
        return TypedResults.Accepted(url, new ReportQueuedResponse
        {
            Subject = subject,
            Id = id,
            JobId = jobId,
            ReportUrl = url,
            ReplacesReportOf = current,
            Message = $"{what} is queued for rewriting by the Analysis service: the LLM writes it when one is configured, else the templates.",
        });
    }

    private static Results<Ok<ReportResponse>, ContentHttpResult, ProblemHttpResult, ValidationProblem> Answer(Report report, HttpContext context)
    {
        context.Response.Headers.Vary = HeaderNames.Accept;
        if (!WantsJson(context.Request))
        {
            return TypedResults.Text(report.Markdown, $"{Markdown}; charset=utf-8");
        }

        return TypedResults.Ok(new ReportResponse
        {
            Id = report.Id,
            Subject = report.Subject,
            RunId = report.RunId,
            MapId = report.MapId,
            Generator = report.Generator,
            Model = report.Model,
            FallbackReason = report.FallbackReason,
            CitedFindingIds = report.CitedFindingIds,
            EvidenceFingerprint = report.EvidenceFingerprint,
            CreatedAt = report.CreatedAt,
            Document = System.Text.Json.JsonSerializer.Deserialize(report.Content, ReportJson.Default.ReportDocument)
                ?? throw new InvalidOperationException($"Report {report.Id} has no content."),
            Markdown = report.Markdown,
        });
    }

    /// <summary>JSON when the client's most preferred acceptable type is JSON; Markdown otherwise (and by default).</summary>
    private static bool WantsJson(HttpRequest request)
    {
        foreach (var type in request.GetTypedHeaders().Accept.Where(a => a.Quality is not 0).OrderByDescending(a => a.Quality ?? 1))
        {
            var media = type.MediaType.Value ?? string.Empty;
            if (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (media.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || media == "*/*")
            {
                return false;
            }
        }

        return false;
    }

    private static ProblemHttpResult NotWritten(string detail, string state) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Report not written yet",
            extensions: new Dictionary<string, object?> { ["report_status"] = "not_written", ["state"] = state });
}
