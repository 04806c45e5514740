using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Data;
using RlGameTester.Data.Blobs;
using RlGameTester.Data.Runs;

namespace RlGameTester.Api.Runs;

/// <summary>
/// <c>POST /api/runs/{id}/log</c>: an existing Arnold <c>train.log</c> (the seed's main use of its parser)
/// is stored in blob storage and parsed into the run's events by a worker, in the background.
/// </summary>
public static class LogUploadApi
{
    /// <summary>The largest log accepted (bytes).</summary>
    public const long MaxLogBytes = 1L << 30;

    public static IEndpointRouteBuilder MapLogUploadApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/runs/{id:long}/log", UploadLog).WithName("UploadRunLog").WithTags("Runs")
            .CanBeMissing().CanConflict()
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxLogBytes))
            .WithSummary("Import an agent log into a run")
            .WithDescription("An Arnold train.log (multipart field `file`) for a pending run, parsed into its events by a worker. Details: docs/api.md.");
        return routes;
    }

    internal static async Task<Results<Accepted<TaskResponse>, ProblemHttpResult, ValidationProblem>> UploadLog(
        long id, HttpRequest request, RlgtDbContext db, BlobStore blobs, IRunDispatcher dispatcher, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Problems.Invalid("file", "send the log as multipart/form-data in the field 'file'.");
        }

        // Form framing adds a little to the log itself.
        const long formLimit = MaxLogBytes + (64 * 1024);
        if (UploadBody.Limit(request, formLimit, length => UploadBody.TooLarge("Log too large", $"The request is {length} bytes; a log may be at most {MaxLogBytes} bytes.")) is { } refused)
        {
            return refused;
        }

        // The form is read with the log's own limit: the default (128 MiB) would refuse a large log inside the parser.
        // Files are buffered to disk past 64 KiB, not held in memory.
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = formLimit }));
        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return Problems.Invalid("file", "is required and must not be empty.");
        }

        var status = await db.Runs.Where(r => r.Id == id).Select(r => (RunStatus?)r.Status).FirstOrDefaultAsync(cancellationToken);
        if (status is null)
        {
            return Problems.NotFound("run", id);
        }

        if (!RunLifecycle.IsAllowed(status.Value, RunTransition.Start))
        {
            return Problems.IllegalTransition(id, RunTransition.Start, status.Value);
        }

        // Stored first: a run only moves once its log is safe.
        var blob = $"runs/{id}/{Guid.NewGuid():N}.log";
        await using (var content = file.OpenReadStream())
        {
            await blobs.UploadAsync(BlobStore.Logs, blob, content, "text/plain", cancellationToken);
        }

        var outcome = await RunLifecycle.ApplyAsync(db, id, RunTransition.Start, clock.GetUtcNow().UtcDateTime,
            new TransitionDetails(LogPath: blob), cancellationToken);
        if (!outcome.Applied)
        {
            await blobs.DeleteIfExistsAsync(BlobStore.Logs, blob, CancellationToken.None);
            return outcome.Status is { } current ? Problems.IllegalTransition(id, RunTransition.Start, current) : Problems.NotFound("run", id);
        }

        await db.Runs.Where(r => r.Id == id).ExecuteUpdateAsync(set => set.SetProperty(r => r.LogPath, blob), cancellationToken);
        var taskId = await dispatcher.DispatchLogImportAsync(id, blob, cancellationToken);
        return TypedResults.Accepted($"/api/runs/{id}", new TaskResponse
        {
            TaskId = taskId,
            Status = "started",
            Message = $"Log of {file.Length} bytes stored; run {id} is being imported",
        });
    }
}
