using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Api.Security;
using RlGameTester.Data;
using RlGameTester.Data.Events;
using RlGameTester.Domain.Events;

namespace RlGameTester.Api.Events;

/// <summary>Telemetry events: list, record one or many (binary COPY), read, count and delete.</summary>
public static class EventsApi
{
    /// <summary>The most events one bulk request may carry.</summary>
    public const int MaxBulkEvents = 50_000;

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder routes)
    {
        var events = routes.MapGroup("/api/events").WithTags("Events");

        events.MapGet("/", ListEvents).WithName("ListEvents").CanBeMissing()
            .WithSummary("List a run's events")
            .WithDescription("Events of run_id in stream order, optionally of one event_type. Paged with skip and limit (1-1000), or by keyset with after_id (the last id of the previous page) for large runs.");
        events.MapPost("/", CreateEvent).WithName("CreateEvent").CanBeMissing()
            .WithSummary("Record an event")
            .WithDescription("Records one event for a run. The timestamp is stored in UTC; data must be a JSON object.");
        events.MapPost("/bulk", BulkCreate).WithName("BulkCreateEvents").CanBeMissing().ForRole(Roles.Service)
            .WithSummary("Record many events")
            .WithDescription($"Records up to {MaxBulkEvents} events for run_id (query) in one transaction with PostgreSQL binary COPY: all are stored or none.");
        events.MapGet("/episode/{run_id:long}/{episode:int}", ListEpisode).WithName("ListEpisodeEvents").CanBeMissing()
            .WithSummary("A run's events of one episode")
            .WithDescription("Events of one episode of a run, in stream order.");
        events.MapGet("/{id:long}", GetEvent).WithName("GetEvent").CanBeMissing()
            .WithSummary("Get an event")
            .WithDescription("One stored event with its payload and the raw log line it came from.");
        events.MapDelete("/{id:long}", DeleteEvent).WithName("DeleteEvent").CanBeMissing()
            .WithSummary("Delete an event")
            .WithDescription("Deletes one event. Metrics are not recalculated until POST /api/metrics/{run_id}/calculate.");
        events.MapDelete("/run/{run_id:long}", DeleteRunEvents).WithName("DeleteRunEvents").CanBeMissing()
            .WithSummary("Delete a run's events")
            .WithDescription("Deletes every event of a run and says how many.");
        events.MapGet("/count/{run_id:long}", CountEvents).WithName("CountEvents").CanBeMissing()
            .WithSummary("Count a run's events")
            .WithDescription("How many events a run has, optionally of one event_type.");
        return routes;
    }

    internal static async Task<Results<Ok<List<EventResponse>>, ProblemHttpResult, ValidationProblem>> ListEvents(
        RlgtDbContext db, [AsParameters] EventQuery filter, [AsParameters] PageQuery page, CancellationToken cancellationToken)
    {
        var runId = filter.RunId!.Value;
        if (!await db.Runs.AnyAsync(r => r.Id == runId, cancellationToken))
        {
            return Problems.NotFound("run", runId);
        }

        var query = db.Events.AsNoTracking().Where(e => e.RunId == runId);
        if (filter.Type is { } t)
        {
            query = query.Where(e => e.EventType == t);
        }

        if (filter.AfterId is { } after)
        {
            query = query.Where(e => e.Id > after);
        }

        var rows = await query.OrderBy(e => e.Id).Skip(filter.AfterId is null ? page.Offset : 0).Take(page.Take()).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ConvertAll(EventResponse.From));
    }

    internal static async Task<Results<Created<EventResponse>, ProblemHttpResult, ValidationProblem>> CreateEvent(
        EventCreateRequest request, RlgtDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Runs.AnyAsync(r => r.Id == request.RunId, cancellationToken))
        {
            return Problems.NotFound("run", request.RunId!.Value);
        }

        var row = new RunEvent
        {
            RunId = request.RunId!.Value,
            EventType = request.EventType!.Value,
            Timestamp = request.Timestamp!.Value.UtcDateTime,
            Iteration = request.Iteration,
            Episode = request.Episode,
            Frame = request.Frame,
            Data = ApiJson.Text(request.Data),
            RawLog = request.RawLog,
        };
        db.Events.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/events/{row.Id}", EventResponse.From(row));
    }

    internal static async Task<Results<Created<InsertedResponse>, ProblemHttpResult, ValidationProblem>> BulkCreate(
        long? run_id, List<EventCreateRequest>? events, RlgtDbContext db, EventBulkWriter writer, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        errors.RequiredId("run_id", run_id);
        if (events is null || events.Count == 0)
        {
            errors.Add("body", "must be a non-empty JSON array of events.");
        }
        else if (events.Count > MaxBulkEvents)
        {
            errors.Add("body", $"at most {MaxBulkEvents} events per request; got {events.Count}.");
        }
        else
        {
            for (var i = 0; i < events.Count && errors.Any is false; i++)
            {
                events[i].ValidateFields(errors, prefix: $"[{i}].");
                if (events[i].RunId is { } own && own != run_id)
                {
                    errors.Add($"[{i}].run_id", $"is {own} but the request is for run {run_id}.");
                }
            }
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var runId = run_id!.Value;
        if (!await db.Runs.AnyAsync(r => r.Id == runId, cancellationToken))
        {
            return Problems.NotFound("run", runId);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Events posted by hand have no agent stream position: their seq stays null.
        var inserted = await writer.WriteAsync(db, runId, events!.Select(ToTelemetry), cancellationToken, recordSequence: false);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/events?run_id={runId}", new InsertedResponse { Inserted = (long)inserted });
    }

    internal static async Task<Results<Ok<List<EventResponse>>, ProblemHttpResult, ValidationProblem>> ListEpisode(
        long run_id, int episode, RlgtDbContext db, CancellationToken cancellationToken)
    {
        if (episode < 0)
        {
            return Problems.Invalid("episode", $"must be 0 or more; got {episode}.");
        }

        if (!await db.Runs.AnyAsync(r => r.Id == run_id, cancellationToken))
        {
            return Problems.NotFound("run", run_id);
        }

        var rows = await db.Events.AsNoTracking()
            .Where(e => e.RunId == run_id && e.Episode == episode)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ConvertAll(EventResponse.From));
    }

    internal static async Task<Results<Ok<EventResponse>, ProblemHttpResult, ValidationProblem>> GetEvent(
        long id, RlgtDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return row is null ? Problems.NotFound("event", id) : TypedResults.Ok(EventResponse.From(row));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> DeleteEvent(
        long id, RlgtDbContext db, CancellationToken cancellationToken)
    {
        var deleted = await db.Events.Where(e => e.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? Problems.NotFound("event", id) : TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<DeletedResponse>, ProblemHttpResult, ValidationProblem>> DeleteRunEvents(
        long run_id, RlgtDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Runs.AnyAsync(r => r.Id == run_id, cancellationToken))
        {
            return Problems.NotFound("run", run_id);
        }

        var deleted = await db.Events.Where(e => e.RunId == run_id).ExecuteDeleteAsync(cancellationToken);
        return TypedResults.Ok(new DeletedResponse { Deleted = deleted });
    }

    internal static async Task<Results<Ok<EventCountResponse>, ProblemHttpResult, ValidationProblem>> CountEvents(
        long run_id, [AsParameters] EventTypeQuery filter, RlgtDbContext db, CancellationToken cancellationToken)
    {
        var type = filter.Type;
        if (!await db.Runs.AnyAsync(r => r.Id == run_id, cancellationToken))
        {
            return Problems.NotFound("run", run_id);
        }

        var query = db.Events.Where(e => e.RunId == run_id);
        if (type is { } t)
        {
            query = query.Where(e => e.EventType == t);
        }

        return TypedResults.Ok(new EventCountResponse { RunId = run_id, Count = await query.LongCountAsync(cancellationToken), EventType = type });
    }

    private static TelemetryEvent ToTelemetry(EventCreateRequest e, int index) =>
        new(index, e.EventType!.Value, e.Timestamp!.Value.UtcDateTime, e.Episode, e.Frame, e.Iteration, ApiJson.Text(e.Data), e.RawLog is null ? null : Encoding.UTF8.GetBytes(e.RawLog));
}
