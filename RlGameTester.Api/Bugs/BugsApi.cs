using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Api.Security;
using RlGameTester.Data;
using RlGameTester.Data.Bugs;
using RlGameTester.Data.Reports;
using RlGameTester.Domain;
using RlGameTester.Domain.Bugs;
using RlGameTester.Messaging.Jobs;
using RlGameTester.Messaging.Queue;
using StackExchange.Redis;

namespace RlGameTester.Api.Bugs;

/// <summary>Bugs: list and filter, file, critical ones, summaries, read, delete, and designers' marks on them.</summary>
public static partial class BugsApi
{
    public static IEndpointRouteBuilder MapBugsApi(this IEndpointRouteBuilder routes)
    {
        var bugs = routes.MapGroup("/api/bugs").WithTags("Bugs");

        bugs.MapGet("/", ListBugs).WithName("ListBugs")
            .WithSummary("List bugs")
            .WithDescription("Bugs in id order, filtered by run_id, map_id, bug_type, severity, detection_source and triage (a mark's status, "
                + "or none for the unmarked). Paged with skip and limit (1-1000, default 100).");
        bugs.MapPost("/", CreateBug).WithName("CreateBug").CanBeMissing()
            .WithSummary("File a bug")
            .WithDescription("Files a bug against a run (run_id) or a level (map_id).");
        bugs.MapGet("/critical", ListCritical).WithName("ListCriticalBugs")
            .WithSummary("List critical bugs")
            .WithDescription("Critical bugs across all runs and levels, newest first.");
        bugs.MapGet("/summary", Summary).WithName("BugSummary")
            .WithSummary("Bug counts")
            .WithDescription("Bug counts by type, severity and detection source, for a run, a map, or everything.");
        bugs.MapGet("/{id:long}", GetBug).WithName("GetBug").CanBeMissing()
            .WithSummary("Get a bug")
            .WithDescription("One bug with its place, evidence and detection details.");
        bugs.MapDelete("/{id:long}", DeleteBug).WithName("DeleteBug").CanBeMissing()
            .WithSummary("Delete a bug")
            .WithDescription("Deletes one bug (for example a false alarm after review). The reports that cite it are queued for "
                + "the Analysis service to rewrite without it.");
        bugs.MapPut("/{id:long}/triage", MarkBug).WithName("MarkBug").CanBeMissing()
            .WithSummary("Mark a bug")
            .WithDescription("A designer's mark on the finding: status confirmed, false_positive, fixed or wont_fix, and an optional note "
                + "(at most 2,000 characters), stored with the caller and the time; replaces the mark it had. The mark follows the finding "
                + "to the level's next revision in a project while the finding stays the same (check, element, place). Answers the bug.");
        // Taking a mark back is a tester's, like making it: it deletes no finding, only a decision a tester may make again.
        bugs.MapDelete("/{id:long}/triage", ClearMark).WithName("ClearBugMark").CanBeMissing().ForRole(Roles.Tester)
            .WithSummary("Clear a bug's mark")
            .WithDescription("Removes the designer's mark from the finding (nothing to remove is no error); the finding stays.");
        return routes;
    }

    internal static async Task<Results<Ok<List<BugResponse>>, ValidationProblem>> ListBugs(
        RlgtDbContext db, [AsParameters] BugQuery filter, [AsParameters] PageQuery page, CancellationToken cancellationToken)
    {
        var query = db.Bugs.AsNoTracking();
        if (filter.RunId is { } runId)
        {
            query = query.Where(b => b.RunId == runId);
        }

        if (filter.MapId is { } mapId)
        {
            query = query.Where(b => b.MapId == mapId);
        }

        if (filter.Type is { } t)
        {
            query = query.Where(b => b.BugType == t);
        }

        if (filter.Level is { } s)
        {
            query = query.Where(b => b.Severity == s);
        }

        if (filter.Source is { } d)
        {
            query = query.Where(b => b.DetectionSource == d);
        }

        if (filter.OnlyUnmarked)
        {
            query = query.Where(b => b.Triage == null);
        }
        else if (filter.Mark is { } mark)
        {
            query = query.Where(b => b.Triage != null && b.Triage.Status == mark);
        }

        var rows = await query.OrderBy(b => b.Id).Skip(page.Offset).Take(page.Take()).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ConvertAll(BugResponse.From));
    }

    internal static async Task<Results<Created<BugResponse>, ProblemHttpResult, ValidationProblem>> CreateBug(
        BugCreateRequest request, RlgtDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        long mapId;
        if (request.RunId is { } runId)
        {
            var run = await db.Runs.AsNoTracking().Where(r => r.Id == runId).Select(r => new { r.MapId }).FirstOrDefaultAsync(cancellationToken);
            if (run is null)
            {
                return Problems.NotFound("run", runId);
            }

            if (request.MapId is { } given && given != run.MapId)
            {
                return Problems.Invalid("map_id", $"run {runId} belongs to map {run.MapId}, not {given}.");
            }

            mapId = run.MapId;
        }
        else
        {
            mapId = request.MapId!.Value;
            if (!await db.Maps.AnyAsync(m => m.Id == mapId, cancellationToken))
            {
                return Problems.NotFound("map", mapId);
            }
        }

        var bug = new Bug
        {
            RunId = request.RunId,
            MapId = mapId,
            BugType = request.BugType!.Value,
            Severity = request.Severity ?? BugSeverity.Minor,
            DetectionSource = request.DetectionSource ?? DetectionSource.Manual,
            CheckName = request.CheckName,
            Title = request.Title!.Trim(),
            Description = request.Description,
            Timestamp = request.Timestamp?.UtcDateTime,
            Frame = request.Frame,
            Episode = request.Episode,
            Confidence = request.Confidence,
            PositionX = request.PositionX,
            PositionY = request.PositionY,
            ElementKind = request.ElementKind,
            ElementIndex = request.ElementIndex,
            Data = ApiJson.Text(request.Data),
            DetectedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Bugs.Add(bug);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/bugs/{bug.Id}", BugResponse.From(bug));
    }

    internal static async Task<Results<Ok<List<BugResponse>>, ValidationProblem>> ListCritical(
        RlgtDbContext db, [AsParameters] PageQuery page, CancellationToken cancellationToken)
    {
        var rows = await db.Bugs.AsNoTracking()
            .Where(b => b.Severity == BugSeverity.Critical)
            .OrderByDescending(b => b.Id)
            .Skip(page.Offset).Take(page.Take())
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ConvertAll(BugResponse.From));
    }

    internal static async Task<Results<Ok<BugSummaryResponse>, ValidationProblem>> Summary(
        RlgtDbContext db, [AsParameters] SubjectQuery subject, CancellationToken cancellationToken)
    {
        var query = db.Bugs.AsNoTracking();
        if (subject.RunId is { } runId)
        {
            query = query.Where(b => b.RunId == runId);
        }

        if (subject.MapId is { } mapId)
        {
            query = query.Where(b => b.MapId == mapId);
        }

        var groups = await query
            .GroupBy(b => new { b.BugType, b.Severity, b.DetectionSource })
            .Select(g => new { g.Key.BugType, g.Key.Severity, g.Key.DetectionSource, Count = g.Count() })
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(new BugSummaryResponse
        {
            RunId = subject.RunId,
            MapId = subject.MapId,
            Total = groups.Sum(g => g.Count),
            ByType = groups.GroupBy(g => g.BugType).ToDictionary(g => SnakeCase.Of(g.Key), g => g.Sum(x => x.Count)),
            BySeverity = groups.GroupBy(g => g.Severity).ToDictionary(g => SnakeCase.Of(g.Key), g => g.Sum(x => x.Count)),
            BySource = groups.GroupBy(g => g.DetectionSource).ToDictionary(g => SnakeCase.Of(g.Key), g => g.Sum(x => x.Count)),
        });
    }

    internal static async Task<Results<Ok<BugResponse>, ProblemHttpResult, ValidationProblem>> GetBug(
        long id, RlgtDbContext db, CancellationToken cancellationToken)
    {
        var bug = await db.Bugs.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        return bug is null ? Problems.NotFound("bug", id) : TypedResults.Ok(BugResponse.From(bug));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> DeleteBug(
        long id, RlgtDbContext db, RedisJobQueue queue, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        // The reports citing it, read before it goes; they are rewritten without it (evidence changed).
        var citing = await db.Reports.AsNoTracking().Where(r => r.CitedFindingIds.Contains(id))
            .Select(r => new { r.Subject, r.RunId, r.MapId }).ToListAsync(cancellationToken);
        var deleted = await db.Bugs.Where(b => b.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return Problems.NotFound("bug", id);
        }

        foreach (var report in citing)
        {
            try
            {
                _ = report.Subject == ReportSubject.Run
                    ? await queue.EnqueueAsync(new WriteRunReport(report.RunId!.Value, EvidenceChanged: true), cancellationToken)
                    : await queue.EnqueueAsync(new WriteMapReport(report.MapId, EvidenceChanged: true), cancellationToken);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // The bug is gone either way; the report says so after its next rewrite (POST .../report asks for one).
                LogRewriteNotQueued(loggers.CreateLogger(typeof(BugsApi)), id, e.Message);
            }
        }

        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<BugResponse>, ProblemHttpResult, ValidationProblem>> MarkBug(
        long id, TriageRequest? request, RlgtDbContext db, HttpContext context, TimeProvider clock, CancellationToken cancellationToken)
    {
        // The body is optional to the binder so that the id is judged first, as on every route with an id.
        if (request is null)
        {
            return Problems.Invalid("body", FrameworkProblems.BodyRequired);
        }

        var mark = new FindingTriage
        {
            Status = request.Parsed,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            MarkedBy = Callers.Of(context.User),
            MarkedAt = ToMicroseconds(clock.GetUtcNow().UtcDateTime),
        };
        var bug = await SetMarkAsync(db, id, mark, cancellationToken);
        return bug is null ? Problems.NotFound("bug", id) : TypedResults.Ok(BugResponse.From(bug));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ClearMark(
        long id, RlgtDbContext db, CancellationToken cancellationToken) =>
        await SetMarkAsync(db, id, null, cancellationToken) is null ? Problems.NotFound("bug", id) : TypedResults.NoContent();

    // PostgreSQL keeps microseconds: the answer shows the time as every later read of it will.
    private static DateTime ToMicroseconds(DateTime time) => time.AddTicks(-(time.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));

    /// <summary>The bug with its new mark (or none), or null when there is no such bug (also when it went meanwhile: its level checked again).</summary>
    private static async Task<Bug?> SetMarkAsync(RlgtDbContext db, long id, FindingTriage? mark, CancellationToken cancellationToken)
    {
        var bug = await db.Bugs.FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (bug is null)
        {
            return null;
        }

        bug.Triage = mark;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return bug;
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bug {BugId} is deleted but the reports citing it could not be queued for rewriting: {Reason}")]
    private static partial void LogRewriteNotQueued(ILogger logger, long bugId, string reason);
}
