using System.Collections.Concurrent;
using Azure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Data;
using RlGameTester.Data.Blobs;
using RlGameTester.Data.Frames;
using RlGameTester.Messaging.Jobs;
using RlGameTester.Messaging.Queue;

namespace RlGameTester.Api.Frames;

/// <summary>
/// A run's frames: upload (PNG/JPEG files or zip archives of them, stored in blob storage one per tick and queued for
/// the frame checks), list and serve them; and the evidence image of a bug (a finding's view or a frame's thumbnail).
/// </summary>
public static class FramesApi
{
    /// <summary>Uploads to blob storage at once per request.</summary>
    private const int ParallelUploads = 8;

    public static IEndpointRouteBuilder MapFramesApi(this IEndpointRouteBuilder routes)
    {
        var frames = routes.MapGroup("/api/runs/{id:long}/frames").WithTags("Frames");
        frames.MapPost("/", UploadFrames).WithName("UploadRunFrames").CanBeMissing().CanConflict()
            .Accepts<FrameUploadForm>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .DisableAntiforgery()
            .WithSummary("Upload frames of a run")
            .WithDescription("PNG/JPEG frames (or zips of them) as multipart/form-data in `frames`, ticks from file names or `ticks`; all checked before any is stored; frame checks queued. Details: docs/api.md.");
        // The router answers a body of another type with a bare 415 before any handler runs; this twin, tried after
        // the documented endpoint, lets the handler say what to send instead.
        frames.MapPost("/", UploadFrames).WithOrder(1).DisableAntiforgery().ExcludeFromDescription();
        frames.MapGet("/", ListFrames).WithName("ListRunFrames").CanBeMissing()
            .WithSummary("List a run's frames")
            .WithDescription("The run's stored frames in tick order, each with its blob name, size, content type and episode. Paged with skip and limit (1-1000, default 100).");
        frames.MapGet("/{tick:int}", GetFrame).WithName("GetRunFrame").CanBeMissing()
            .Produces<Stream>(StatusCodes.Status200OK, "image/png", "image/jpeg")
            .WithSummary("Get one frame")
            .WithDescription("The frame stored at the tick, as uploaded (image/png or image/jpeg).");

        routes.MapGet("/api/bugs/{id:long}/screenshot", GetBugScreenshot).WithName("GetBugScreenshot").WithTags("Bugs").CanBeMissing()
            .Produces<Stream>(StatusCodes.Status200OK, "image/png", "image/jpeg")
            .WithSummary("A bug's screenshot")
            .WithDescription("The evidence image of a bug (its screenshot_path), a PNG: for static and run findings with a place, the 320x200 view from where a player would stand, facing the element (a run finding: from where the play was); for visual_glitch bugs of the frame checks, a thumbnail of the frame that shows the glitch. 404 when the bug has none.");
        return routes;
    }

    internal static async Task<Results<Created<FrameUploadResponse>, ProblemHttpResult, ValidationProblem>> UploadFrames(
        long id, HttpRequest request, RlgtDbContext db, RunFrameStore store, RedisJobQueue queue, IOptions<FrameUploadOptions> options,
        FrameDecodeGate decodes, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return UploadBody.UnsupportedType($"Send the frames as multipart/form-data (with a boundary) in the field '{FrameUploadReader.FramesField}'.");
        }

        // Multipart framing adds a little to the files themselves.
        if (UploadBody.Limit(request, limits.MaxRequestBytes + (1024 * 1024), length => UploadBody.TooLarge("Request too large",
            $"The request is {length} bytes; the limit is {limits.MaxRequestBytes} bytes (Frames:MaxRequestBytes): send the frames in several requests.")) is { } tooLarge)
        {
            return tooLarge;
        }

        // An unknown run is refused before its body is read.
        if (!await db.Runs.AnyAsync(r => r.Id == id, cancellationToken))
        {
            return Problems.NotFound("run", id);
        }

        using var spool = new FrameSpool();
        var read = await new FrameUploadReader(limits, spool, decodes).ReadAsync(request.Body, boundary, cancellationToken);
        if (read.Refused is { } refused)
        {
            return refused;
        }

        if (read.Invalid is { } invalid)
        {
            return invalid;
        }

        var existing = await store.ListAsync(id, cancellationToken);
        if (EpisodeConflict(id, read, existing) is { } conflict)
        {
            return conflict;
        }

        await StoreAsync(id, read, existing, store, cancellationToken);
        var jobId = await queue.EnqueueAsync(new AnalyseFrames(id), cancellationToken);

        var frames = read.Frames;
        var existingTicks = existing.Select(f => f.Tick).ToHashSet();
        var replaced = frames.Count(f => existingTicks.Contains(f.Tick));
        return TypedResults.Created($"/api/runs/{id}/frames", new FrameUploadResponse
        {
            RunId = id,
            Stored = frames.Count,
            Replaced = replaced,
            FirstTick = frames[0].Tick,
            LastTick = frames[^1].Tick,
            Episode = read.Episode,
            TotalFrames = existingTicks.Count + frames.Count - replaced,
            Analysis = "queued",
            AnalysisJobId = jobId,
            Message = $"{frames.Count} frame(s) stored (ticks {frames[0].Tick}-{frames[^1].Tick}); the frame checks are queued and file visual_glitch bugs on run {id}.",
        });
    }

    internal static async Task<Results<Ok<FrameListResponse>, ProblemHttpResult, ValidationProblem>> ListFrames(
        long id, [AsParameters] PageQuery page, RlgtDbContext db, RunFrameStore store, CancellationToken cancellationToken)
    {
        if (!await db.Runs.AnyAsync(r => r.Id == id, cancellationToken))
        {
            return Problems.NotFound("run", id);
        }

        var frames = await store.ListAsync(id, cancellationToken);
        return TypedResults.Ok(new FrameListResponse
        {
            RunId = id,
            Total = frames.Count,
            FirstTick = frames.Count == 0 ? null : frames[0].Tick,
            LastTick = frames.Count == 0 ? null : frames[^1].Tick,
            Frames = [.. frames.Skip(page.Offset).Take(page.Take()).Select(f => FrameResponse.From(id, f))],
        });
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult, ValidationProblem>> GetFrame(
        long id, int tick, RlgtDbContext db, RunFrameStore store, BlobStore blobs, CancellationToken cancellationToken)
    {
        if (tick < 0)
        {
            return Problems.Invalid("tick", $"must be 0 or more; got {tick}.");
        }

        if (!await db.Runs.AnyAsync(r => r.Id == id, cancellationToken))
        {
            return Problems.NotFound("run", id);
        }

        var frame = await store.FindAsync(id, tick, cancellationToken);
        var content = frame is null ? null : await blobs.OpenReadAsync(BlobStore.Frames, frame.BlobName, cancellationToken);
        return content is null
            ? Problems.NotFound("Frame not found", $"Run {id} has no frame at tick {tick}.")
            : TypedResults.File(content, frame!.ContentType);
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult, ValidationProblem>> GetBugScreenshot(
        long id, RlgtDbContext db, BlobStore blobs, CancellationToken cancellationToken)
    {
        var bug = await db.Bugs.AsNoTracking().Where(b => b.Id == id).Select(b => new { b.ScreenshotPath }).FirstOrDefaultAsync(cancellationToken);
        if (bug is null)
        {
            return Problems.NotFound("bug", id);
        }

        if (bug.ScreenshotPath is not { Length: > 0 } path)
        {
            return Problems.NotFound("Screenshot not found", $"Bug {id} has no screenshot.");
        }

        var content = await blobs.OpenReadAsync(BlobStore.Images, path, cancellationToken);
        return content is null
            ? Problems.NotFound("Screenshot not found", $"The screenshot of bug {id} ({path}) is no longer stored.")
            : TypedResults.File(content, path.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? "image/png" : "image/jpeg");
    }

    /// <summary>A 409 when a frame would replace one stored for another episode: ticks are the run's, and an episode's frames would be lost.</summary>
    private static ProblemHttpResult? EpisodeConflict(long id, FrameUploadRead read, IReadOnlyList<StoredFrame> existing)
    {
        if (read.Episode is not { } episode)
        {
            return null;
        }

        var stored = existing.Where(f => f.Episode is { } e && e != episode).ToDictionary(f => f.Tick, f => f.Episode!.Value);
        var clashes = read.Frames.Where(f => stored.ContainsKey(f.Tick)).Select(f => f.Tick).ToList();
        if (clashes.Count == 0)
        {
            return null;
        }

        var first = clashes[0];
        return Problems.Conflict(
            "Ticks already stored for another episode",
            $"Run {id} already has {clashes.Count} of these ticks stored for another episode (tick {first} for episode {stored[first]}); "
                + "ticks are the run's, so give each episode's frames ticks of their own.",
            new Dictionary<string, object?> { ["ticks"] = clashes.Take(100).ToArray() });
    }

    /// <summary>Stores every frame; on a storage failure removes the ones this request added, so a failed request adds nothing.</summary>
    private static async Task StoreAsync(long id, FrameUploadRead read, IReadOnlyList<StoredFrame> existing, RunFrameStore store, CancellationToken cancellationToken)
    {
        var before = existing.Select(f => f.BlobName).ToHashSet(StringComparer.Ordinal);
        var added = new ConcurrentBag<string>();
        try
        {
            await Parallel.ForEachAsync(read.Frames, new ParallelOptions { MaxDegreeOfParallelism = ParallelUploads, CancellationToken = cancellationToken }, async (frame, token) =>
            {
                await using var content = frame.File.OpenRead();
                var name = await store.UploadAsync(id, frame.Tick, frame.Image, content, read.Episode, token);
                if (!before.Contains(name))
                {
                    added.Add(name);
                }
            });
        }
        catch (Exception e) when (e is RequestFailedException or OperationCanceledException or IOException or HttpRequestException)
        {
            foreach (var name in added)
            {
                await store.DeleteAsync(name, CancellationToken.None);
            }

            throw;
        }

        // A tick stored before in the other encoding (a JPEG now a PNG) keeps only the new frame.
        var stored = read.Frames.Select(f => FrameNames.Blob(id, f.Tick, f.Image)).ToHashSet(StringComparer.Ordinal);
        var ticks = read.Frames.Select(f => f.Tick).ToHashSet();
        foreach (var old in existing.Where(f => ticks.Contains(f.Tick) && !stored.Contains(f.BlobName)))
        {
            await store.DeleteAsync(old.BlobName, cancellationToken);
        }
    }
}
