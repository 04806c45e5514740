using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Api.Metrics;
using RlGameTester.Api.Security;
using RlGameTester.Data;
using RlGameTester.Data.Runs;

namespace RlGameTester.Api.Runs;

/// <summary>Runs: create, list, read, delete, and move through their lifecycle.</summary>
public static class RunsApi
{
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder routes)
    {
        var runs = routes.MapGroup("/api/runs").WithTags("Runs");

        runs.MapGet("/", ListRuns).WithName("ListRuns")
            .WithSummary("List runs")
            .WithDescription("Runs in id order, filtered by map_id, status and run_type. Paged with skip and limit (1-1000, default 100).");
        runs.MapPost("/", CreateRun).WithName("CreateRun").CanBeMissing()
            .WithSummary("Create a run")
            .WithDescription("Creates a pending run of an agent on a map. It does not start until POST /api/runs/{id}/start.");
        runs.MapGet("/pending", ListPending).WithName("ListPendingRuns")
            .WithSummary("List pending runs")
            .WithDescription("Runs waiting to be started, oldest first.");
        runs.MapGet("/running", ListRunning).WithName("ListRunningRuns")
            .WithSummary("List running runs")
            .WithDescription("Runs an agent is playing now, oldest first.");
        runs.MapGet("/compare", RunComparison.CompareRuns).WithName("CompareRunFindings").CanBeMissing().CanConflict()
            .WithSummary("Compare two runs' findings")
            .WithDescription("The findings new in run to, fixed since run from, and unchanged, matched by check, element and place as revisions are. "
                + "Both runs must be of one level (400) and have ended (409).");
        runs.MapGet("/{id:long}", GetRun).WithName("GetRun").CanBeMissing()
            .WithSummary("Get a run with its metrics")
            .WithDescription("The run, its metrics (null until calculated) and its bug count.");
        runs.MapDelete("/{id:long}", DeleteRun).WithName("DeleteRun").CanBeMissing().CanConflict()
            .WithSummary("Delete a run")
            .WithDescription("Deletes the run with its events, metrics, bugs and reports, and its frames, thumbnails, findings' screenshots and image in blob storage. A running run must be cancelled first (409).");
        runs.MapPost("/{id:long}/start", StartRun).WithName("StartRun").CanBeMissing().CanConflict()
            .WithSummary("Start a run")
            .WithDescription("pending -> running: queues the run for a worker. Any other state answers 409 with the current state.");
        runs.MapPost("/{id:long}/cancel", CancelRun).WithName("CancelRun").CanBeMissing().CanConflict()
            .WithSummary("Cancel a run")
            .WithDescription("pending or running -> cancelled; a running agent is stopped within seconds. Any other state answers 409.");
        runs.MapPost("/{id:long}/complete", CompleteRun).WithName("CompleteRun").CanBeMissing().CanConflict().ForRole(Roles.Service)
            .WithSummary("Mark a run completed")
            .WithDescription("running -> completed, recording total_episodes, total_iterations and log_path when given (called by workers).");
        runs.MapPost("/{id:long}/fail", FailRun).WithName("FailRun").CanBeMissing().CanConflict().ForRole(Roles.Service)
            .WithSummary("Mark a run failed")
            .WithDescription("running -> failed with error_message (called by workers).");
        return routes;
    }

    internal static async Task<Results<Ok<List<RunResponse>>, ValidationProblem>> ListRuns(
        RlgtDbContext db, [AsParameters] RunQuery filter, [AsParameters] PageQuery page, CancellationToken cancellationToken)
    {
        var query = db.Runs.AsNoTracking();
        if (filter.MapId is { } mapId)
        {
            query = query.Where(r => r.MapId == mapId);
        }

        if (filter.StatusFilter is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        if (filter.TypeFilter is { } t)
        {
            query = query.Where(r => r.RunType == t);
        }

        var rows = await query.OrderBy(r => r.Id).Skip(page.Offset).Take(page.Take()).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ConvertAll(RunResponse.From));
    }

    internal static async Task<Results<Created<RunResponse>, ProblemHttpResult, ValidationProblem>> CreateRun(
        RunCreateRequest request, RlgtDbContext db, IOptions<AgentOptions> agents, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var agent = request.AgentName ?? agents.Value.Default;
        if (request.AgentName is null && agent == Agents.Explorer)
        {
            // The request was checked without knowing the default agent: its config must be the explorer's too.
            var errors = new RequestErrors();
            request.ValidateExplorerConfig(errors);
            if (errors.Any)
            {
                return errors.Problem();
            }
        }

        var map = await db.Maps.AsNoTracking().Where(m => m.Id == request.MapId).Select(m => new { m.Scenario }).FirstOrDefaultAsync(cancellationToken);
        if (map is null)
        {
            return Problems.NotFound("map", request.MapId!.Value);
        }

        var run = new Run
        {
            MapId = request.MapId!.Value,
            RunType = request.RunType ?? RunType.Testing,
            Status = RunStatus.Pending,
            Agent = agent,
            AgentModel = request.AgentModel,
            Scenario = string.IsNullOrWhiteSpace(request.Scenario) ? map.Scenario : request.Scenario.Trim(),
            Seed = request.Seed,
            Config = ApiJson.Text(request.Config),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = Callers.Of(user),
        };
        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/runs/{run.Id}", RunResponse.From(run));
    }

    internal static Task<Results<Ok<List<RunResponse>>, ValidationProblem>> ListPending(
        RlgtDbContext db, [AsParameters] TopQuery top, CancellationToken cancellationToken) =>
        ListByStatus(db, RunStatus.Pending, top, cancellationToken);

    internal static Task<Results<Ok<List<RunResponse>>, ValidationProblem>> ListRunning(
        RlgtDbContext db, [AsParameters] TopQuery top, CancellationToken cancellationToken) =>
        ListByStatus(db, RunStatus.Running, top, cancellationToken);

    internal static async Task<Results<Ok<RunWithMetricsResponse>, ProblemHttpResult, ValidationProblem>> GetRun(
        long id, RlgtDbContext db, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().Include(r => r.Metrics).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null)
        {
            return Problems.NotFound("run", id);
        }

        var bugCount = await db.Bugs.CountAsync(b => b.RunId == id, cancellationToken);
        return TypedResults.Ok(new RunWithMetricsResponse(
            RunResponse.From(run),
            run.Metrics is null ? null : MetricResponse.From(run.Metrics),
            bugCount));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> DeleteRun(
        long id, RlgtDbContext db, RunBlobs blobs, CancellationToken cancellationToken)
    {
        var fileHash = await db.Runs.Where(r => r.Id == id).Select(r => r.Map!.FileHash).FirstOrDefaultAsync(cancellationToken);
        var deleted = await db.Runs.Where(r => r.Id == id && r.Status != RunStatus.Running).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 1)
        {
            await blobs.ForgetAsync([(id, fileHash)], cancellationToken);
            return TypedResults.NoContent();
        }

        return await db.Runs.AnyAsync(r => r.Id == id, cancellationToken)
            ? Problems.Conflict("Run is running", $"Run {id} is running; cancel it before deleting it.", new Dictionary<string, object?> { ["current_status"] = "running" })
            : Problems.NotFound("run", id);
    }

    internal static async Task<Results<Accepted<TaskResponse>, ProblemHttpResult, ValidationProblem>> StartRun(
        long id, RlgtDbContext db, TimeProvider clock, IRunDispatcher dispatcher, IOptions<RateLimitOptions> limits, ClaimsPrincipal user,
        HttpResponse response, CancellationToken cancellationToken)
    {
        // Per-caller quota of runs playing at once, charged to whoever asked for the run (the caller, for runs made
        // before callers were recorded): counted and started under a lock on that caller, so two starts at the same
        // moment cannot both pass it.
        var owner = await db.Runs.Where(r => r.Id == id).Select(r => r.CreatedBy).FirstOrDefaultAsync(cancellationToken) ?? Callers.Of(user) ?? "anonymous";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({owner}, 7))", cancellationToken);
        var playing = await db.Runs.CountAsync(r => r.CreatedBy == owner && r.Status == RunStatus.Running && r.Id != id, cancellationToken);
        if (playing >= limits.Value.RunsAtOnce)
        {
            response.Headers.RetryAfter = "30";
            return TypedResults.Problem(
                $"{owner}, who asked for this run, has {playing} runs playing; the limit is {limits.Value.RunsAtOnce} at once (RateLimits:RunsAtOnce). Start it when one ends.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many runs playing");
        }

        var outcome = await RunLifecycle.ApplyAsync(db, id, RunTransition.Start, clock.GetUtcNow().UtcDateTime, cancellationToken: cancellationToken);
        if (!outcome.Applied)
        {
            return outcome.Status is { } current
                ? Problems.IllegalTransition(id, RunTransition.Start, current)
                : Problems.NotFound("run", id);
        }

        await transaction.CommitAsync(cancellationToken);

        var taskId = await dispatcher.DispatchAsync(id, cancellationToken);
        return TypedResults.Accepted($"/api/runs/{id}", new TaskResponse
        {
            TaskId = taskId,
            Status = "started",
            Message = $"Run {id} has been started",
        });
    }

    internal static async Task<Results<Ok<RunResponse>, ProblemHttpResult, ValidationProblem>> CancelRun(
        long id, RlgtDbContext db, TimeProvider clock, IRunDispatcher dispatcher, CancellationToken cancellationToken)
    {
        var result = await TransitionAsync(id, RunTransition.Cancel, db, clock, null, cancellationToken);
        if (result.Result is Ok<RunResponse>)
        {
            await dispatcher.CancelAsync(id, cancellationToken);
        }

        return result;
    }

    internal static Task<Results<Ok<RunResponse>, ProblemHttpResult, ValidationProblem>> CompleteRun(
        long id, [AsParameters] CompleteRunQuery done, RlgtDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        TransitionAsync(id, RunTransition.Complete, db, clock, new TransitionDetails(done.TotalEpisodes, done.TotalIterations, done.LogPath), cancellationToken);

    internal static Task<Results<Ok<RunResponse>, ProblemHttpResult, ValidationProblem>> FailRun(
        long id, [AsParameters] FailRunQuery failure, RlgtDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        TransitionAsync(id, RunTransition.Fail, db, clock, new TransitionDetails(ErrorMessage: failure.ErrorMessage), cancellationToken);

    private static async Task<Results<Ok<RunResponse>, ProblemHttpResult, ValidationProblem>> TransitionAsync(
        long id, RunTransition transition, RlgtDbContext db, TimeProvider clock, TransitionDetails? details, CancellationToken cancellationToken)
    {
        var outcome = await RunLifecycle.ApplyAsync(db, id, transition, clock.GetUtcNow().UtcDateTime, details, cancellationToken);
        if (!outcome.Applied)
        {
            return outcome.Status is { } current
                ? Problems.IllegalTransition(id, transition, current)
                : Problems.NotFound("run", id);
        }

        var run = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == id, cancellationToken);
        return TypedResults.Ok(RunResponse.From(run));
    }

    private static async Task<Results<Ok<List<RunResponse>>, ValidationProblem>> ListByStatus(
        RlgtDbContext db, RunStatus status, TopQuery top, CancellationToken cancellationToken)
    {
        var rows = await db.Runs.AsNoTracking().Where(r => r.Status == status)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Take(top.Take())
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ConvertAll(RunResponse.From));
    }
}
