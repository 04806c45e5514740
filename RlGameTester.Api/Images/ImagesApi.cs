using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Data;
using RlGameTester.Data.Blobs;
using RlGameTester.Data.Runs;
using RlGameTester.Domain;

namespace RlGameTester.Api.Images;

/// <summary>
/// Top-down images of maps and runs. The Analysis service draws them (the Api has no OpenCV) and stores them in blob
/// storage; these endpoints stream the stored PNG with its ETag, so clients revalidate cheaply (304) and see a redrawn
/// image at once.
/// </summary>
public static class ImagesApi
{
    /// <summary>How long to wait before asking again for an image the Analysis service is about to draw.</summary>
    internal const int SoonSeconds = 5;

    /// <summary>How long to wait before asking again for the image of a run that is still pending or playing.</summary>
    internal const int RunActiveSeconds = 30;

    public static IEndpointRouteBuilder MapImagesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/maps/{id:long}/image", GetMapImage).WithTags("Maps").WithName("GetMapImage").CanBeMissing()
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .Produces(StatusCodes.Status304NotModified)
            .WithSummary("Top-down image of a map")
            .WithDescription("A PNG of the level from above with a legend; 404 with Retry-After until drawn; ETag. Details: docs/api.md.");
        routes.MapGet("/api/runs/{id:long}/image", GetRunImage).WithTags("Runs").WithName("GetRunImage").CanBeMissing()
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .Produces(StatusCodes.Status304NotModified)
            .WithSummary("Image of a run over its level")
            .WithDescription("The level with the run's heat, path and findings as labelled markers; 404 with Retry-After until drawn; ETag. Details: docs/api.md.");
        return routes;
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult, ValidationProblem>> GetMapImage(
        long id, RlgtDbContext db, BlobStore blobs, HttpContext http, CancellationToken cancellationToken)
    {
        var map = await db.Maps.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.FileHash, m.LevelName, m.CheckedAt }).FirstOrDefaultAsync(cancellationToken);
        if (map is null)
        {
            return Problems.NotFound("map", id);
        }

        if (map.FileHash is null || map.LevelName is null)
        {
            return Problems.NotFound("No image for this map", $"Map {id} was registered without a level file, so there is nothing to draw.");
        }

        var image = await blobs.OpenReadWithETagAsync(BlobStore.Images, BlobStore.MapImageName(map.FileHash, map.LevelName), cancellationToken);
        if (image is { } found)
        {
            return Png(http, found);
        }

        return NotDrawnYet(http, "Map image not drawn yet", SoonSeconds, map.CheckedAt is null
            ? $"The Analysis service draws map {id}'s image after the upload's level checks, which have not run yet."
            : $"The Analysis service draws map {id}'s image right after the upload's level checks (done at {map.CheckedAt.Value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC); it is not stored yet.");
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult, ValidationProblem>> GetRunImage(
        long id, RlgtDbContext db, BlobStore blobs, HttpContext http, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.Status, r.MapId, r.Map!.FileHash, r.Map.LevelName, Analysed = r.Metrics != null })
            .FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            return Problems.NotFound("run", id);
        }

        if (run.FileHash is null || run.LevelName is null)
        {
            return Problems.NotFound("No image for this run", $"Run {id}'s map {run.MapId} was registered without a level file, so there is nothing to draw on.");
        }

        var image = await blobs.OpenReadWithETagAsync(BlobStore.Images, BlobStore.RunImageName(run.FileHash, id), cancellationToken);
        if (image is { } found)
        {
            return Png(http, found);
        }

        return run switch
        {
            { Status: RunStatus.Pending or RunStatus.Running } => NotDrawnYet(http, "Run image not drawn yet", RunActiveSeconds,
                $"Run {id} is {SnakeCase.Of(run.Status)}: the Analysis service draws its image once the run has ended and been analysed."),
            { Analysed: false } => NotDrawnYet(http, "Run image not drawn yet", SoonSeconds,
                $"Run {id} has not been analysed yet: the Analysis service draws its image after analysing the run (a run that recorded no events is not analysed)."),
            _ => NotDrawnYet(http, "Run image not drawn yet", SoonSeconds,
                $"The Analysis service draws run {id}'s image right after analysing the run; it is not stored yet."),
        };
    }

    /// <summary>The stored PNG; it can be redrawn (checks or analysis run again), so caches must revalidate with the ETag.</summary>
    private static FileStreamHttpResult Png(HttpContext http, (Stream Content, Azure.ETag ETag, DateTimeOffset LastModified) image)
    {
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.File(image.Content, "image/png", lastModified: image.LastModified, entityTag: EntityTagHeaderValue.Parse(image.ETag.ToString("H")));
    }

    /// <summary>404 for an image that will exist: says who draws it and when, with Retry-After (header and body).</summary>
    private static ProblemHttpResult NotDrawnYet(HttpContext http, string title, int retryAfterSeconds, string detail)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(detail + $" Try again in {retryAfterSeconds} s.", statusCode: StatusCodes.Status404NotFound, title: title,
            extensions: new Dictionary<string, object?> { ["retry_after_seconds"] = retryAfterSeconds });
    }
}
