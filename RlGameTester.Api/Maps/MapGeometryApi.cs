using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Data;
using RlGameTester.Data.Blobs;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Api.Maps;

/// <summary>
/// A level's lines for clients that draw the map themselves (the web app's level page puts clickable findings on
/// them). A stored level never changes, so the answer carries an ETag of the file and level and may be cached, and the
/// Api keeps the lines it read (<see cref="MapGeometryCache"/>).
/// </summary>
public static class MapGeometryApi
{
    public static IEndpointRouteBuilder MapMapGeometryApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/maps/{id:long}/geometry", GetGeometry).WithTags("Maps").WithName("GetMapGeometry").CanBeMissing()
            .Produces(StatusCodes.Status304NotModified)
            .WithSummary("A map's lines")
            .WithDescription("The level's bounds and every line as [x1, y1, x2, y2, kind] (kind 0 wall, 1 two-sided, 2 with an action), in map units with y up; ETag.");
        return routes;
    }

    internal static async Task<Results<Ok<MapGeometryResponse>, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> GetGeometry(
        long id, RlgtDbContext db, BlobStore blobs, MapGeometryCache cache, HttpContext http, CancellationToken cancellationToken)
    {
        var map = await db.Maps.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.BlobName, m.FileHash, m.LevelName }).FirstOrDefaultAsync(cancellationToken);
        if (map is null)
        {
            return Problems.NotFound("map", id);
        }

        if (map.BlobName is null || map.LevelName is null)
        {
            return Problems.NotFound("No level file", $"Map {id} was registered without a level file, so it has no lines.");
        }

        var etag = new EntityTagHeaderValue($"\"{map.FileHash}-{map.LevelName}\"");
        http.Response.Headers.ETag = etag.ToString();
        http.Response.Headers.CacheControl = "private, max-age=86400";
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        if (map.FileHash is not null && cache.Find(map.FileHash, map.LevelName) is { } cached)
        {
            return TypedResults.Ok(cached with { MapId = id });
        }

        var bytes = await blobs.DownloadBytesAsync(BlobStore.Wads, map.BlobName, cancellationToken);
        if (bytes is null)
        {
            return Problems.NotFound("File not found", $"Map {id}'s stored file is missing.");
        }

        // The upload read this level already; a file that no longer reads would have been refused then.
        var level = LevelReader.Read(WadFile.Read(bytes), map.LevelName);
        var bounds = new LevelGeometry(level).Bounds;
        var lines = new List<int[]>(level.Linedefs.Length);
        foreach (var line in level.Linedefs)
        {
            var (a, b) = (level.Vertices[line.Start], level.Vertices[line.End]);
            var kind = line.Special != 0 ? 2 : line.BackSide >= 0 ? 1 : 0;
            lines.Add([(int)Math.Round(a.X), (int)Math.Round(a.Y), (int)Math.Round(b.X), (int)Math.Round(b.Y), kind]);
        }

        var geometry = new MapGeometryResponse
        {
            MapId = id,
            LevelName = map.LevelName,
            Bounds = new MapGeometryBounds(bounds.MinX, bounds.MinY, bounds.MaxX, bounds.MaxY),
            Lines = lines,
        };
        if (map.FileHash is not null)
        {
            cache.Keep(map.FileHash, map.LevelName, geometry);
        }

        return TypedResults.Ok(geometry);
    }
}
