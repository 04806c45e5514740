using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Api.Projects;
using RlGameTester.Api.Runs;
using RlGameTester.Data;
using RlGameTester.Data.Blobs;
using RlGameTester.Data.Maps;
using RlGameTester.Domain;
using RlGameTester.Domain.Bugs;
using RlGameTester.Domain.Levels;

namespace RlGameTester.Api.Maps;

/// <summary>Levels: list, register, search, read, delete, and their statistics across runs.</summary>
public static class MapsApi
{
    public static IEndpointRouteBuilder MapMapsApi(this IEndpointRouteBuilder routes)
    {
        var maps = routes.MapGroup("/api/maps").WithTags("Maps");
        maps.MapGet("/by-hash/{file_hash}", ListByHash).WithName("ListMapsOfFile")
            .WithSummary("Maps of one uploaded file")
            .WithDescription("Every map (level) created from the WAD with this SHA-256.");

        maps.MapGet("/", ListMaps).WithName("ListMaps")
            .WithSummary("List maps")
            .WithDescription("Maps in id order, optionally only those of one scenario. Paged with skip and limit (1-1000, default 100).");
        maps.MapPost("/", CreateMap).WithName("CreateMap")
            // One Accepts for both forms: a second would replace the first and make the router refuse the other with 415.
            .Accepts<MapUploadForm>("multipart/form-data", "application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .DisableAntiforgery()
            .WithSummary("Upload a WAD (one map per level)")
            .WithDescription("A WAD as multipart/form-data (field `file`) or the seed's JSON `file_path`: one map per level, level checks queued; the same bytes again return the existing maps. Details: docs/api.md.");
        maps.MapGet("/{id:long}/file", GetMapFile).WithName("GetMapFile").CanBeMissing()
            .WithSummary("Download a map's WAD")
            .WithDescription("The WAD file the map's level is in, as uploaded.");
        maps.MapGet("/{id:long}/checks", GetMapChecks).WithName("GetMapChecks").CanBeMissing()
            .WithSummary("A map's static level checks")
            .WithDescription("The level checks' findings, most severe first; checked_at is null until the level is checked. Details: docs/api.md.");
        maps.MapGet("/search", SearchMaps).WithName("SearchMaps")
            .WithSummary("Search maps by name")
            .WithDescription("Maps whose name or level name contains q, case-insensitively.");
        maps.MapGet("/{id:long}", GetMap).WithName("GetMap").CanBeMissing()
            .WithSummary("Get a map")
            .WithDescription("One map with its level metadata, and the project and revision it is when it is a project's revision.");
        maps.MapDelete("/{id:long}", DeleteMap).WithName("DeleteMap").CanBeMissing()
            .WithSummary("Delete a map")
            .WithDescription("Deletes the map with its runs, events, metrics, bugs and stored files. Details: docs/api.md.");
        maps.MapGet("/{id:long}/stats", GetMapStats).WithName("GetMapStats").CanBeMissing()
            .WithSummary("Statistics of a map")
            .WithDescription("Runs by status, mean hardness, solvability rate, bugs by severity and mean kills across the map's runs.");
        return routes;
    }

    internal static async Task<Results<Ok<List<MapResponse>>, ValidationProblem>> ListMaps(
        RlgtDbContext db, string? scenario, [AsParameters] PageQuery page, CancellationToken cancellationToken)
    {
        var query = db.Maps.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(scenario))
        {
            query = query.Where(m => m.Scenario == scenario);
        }

        var rows = await query.OrderBy(m => m.Id).Skip(page.Offset).Take(page.Take()).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ConvertAll(MapResponse.From));
    }

    internal static async Task<Results<Created<List<MapResponse>>, Ok<List<MapResponse>>, ProblemHttpResult, ValidationProblem>> CreateMap(
        HttpRequest request, WadIngestion ingestion, ProjectRevisions revisions, IOptions<MapOptions> options, IOptions<IwadFolderOptions> iwads,
        CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxUploadBytes;
        // Form framing adds a little to the file itself.
        if (UploadBody.Limit(request, limit + (64 * 1024), length => TooLarge(length, limit)) is { } refused)
        {
            return refused;
        }

        return request.HasFormContentType
            ? await UploadAsync(request, ingestion, revisions, iwads.Value, limit, cancellationToken)
            : await ImportAsync(request, ingestion, options.Value, cancellationToken);
    }

    private static async Task<Results<Created<List<MapResponse>>, Ok<List<MapResponse>>, ProblemHttpResult, ValidationProblem>> UploadAsync(
        HttpRequest request, WadIngestion ingestion, ProjectRevisions revisions, IwadFolderOptions iwads, long limit, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var errors = new RequestErrors();
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            errors.Add("file", "is required: send the WAD as multipart/form-data in the field 'file'.");
        }

        errors.Text("name", form["name"], 200, required: false);
        errors.Text("scenario", form["scenario"], 100, required: false);
        LoadOrderForm.Validate(form, iwads, errors);
        long? project = null;
        if (!string.IsNullOrWhiteSpace(form["project"]))
        {
            if (long.TryParse(form["project"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var projectId) && projectId > 0)
            {
                project = projectId;
            }
            else
            {
                errors.Add("project", $"must be a project's id (POST /api/projects makes one); got '{form["project"]}'.");
            }
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        // An unknown project is refused before the file is read or stored.
        if (project is { } wanted && !await revisions.ExistsAsync(wanted, cancellationToken))
        {
            return Problems.NotFound("project", wanted);
        }

        if (file!.Length > limit)
        {
            return TooLarge(file.Length, limit);
        }

        var bytes = new byte[file.Length];
        await using (var content = file.OpenReadStream())
        {
            await content.ReadExactlyAsync(bytes, cancellationToken);
        }

        var (load, badResource) = await LoadOrderForm.ReadAsync(form, iwads, ingestion, cancellationToken);
        if (badResource is not null)
        {
            return Problems.Invalid(LoadOrderForm.ResourcesField, badResource);
        }

        Dictionary<long, int>? numbered = null;
        var result = await ingestion.IngestAsync(bytes, Path.GetFileName(file.FileName), form["name"], form["scenario"], cancellationToken, load,
            project is { } toNumber ? async maps => numbered = await revisions.RecordAsync(toNumber, maps, cancellationToken) : null);
        if (project is not { } projectToNumber || result.Rejection is not null)
        {
            return Answer(result);
        }

        return numbered is null
            ? Problems.NotFound("project", projectToNumber)
            : Answer(result, map => MapResponse.From(map) with { ProjectId = projectToNumber, Revision = numbered[map.Id] });
    }

    private static async Task<Results<Created<List<MapResponse>>, Ok<List<MapResponse>>, ProblemHttpResult, ValidationProblem>> ImportAsync(
        HttpRequest request, WadIngestion ingestion, MapOptions options, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return UploadBody.UnsupportedType("Send the WAD as multipart/form-data (field 'file'), or the seed's JSON form with file_path.");
        }

        MapCreateRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<MapCreateRequest>(cancellationToken);
        }
        catch (System.Text.Json.JsonException e)
        {
            // The exception handler explains a body it cannot read (field and reason) as for every other endpoint.
            throw new BadHttpRequestException("The request body is not valid JSON for this endpoint.", StatusCodes.Status400BadRequest, e);
        }

        var errors = new RequestErrors();
        errors.Text("name", body?.Name, 200, required: false);
        errors.Text("file_path", body?.FilePath, 1024, required: true);
        errors.Text("scenario", body?.Scenario, 100, required: false);
        errors.JsonObject("metadata", body?.Metadata);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var path = ImportFolder.Resolve(options.ImportFolder, body!.FilePath!, out var refusal);
        if (path is null)
        {
            return Problems.Invalid("file_path", refusal!);
        }

        var size = new FileInfo(path).Length;
        if (size > options.MaxUploadBytes)
        {
            return TooLarge(size, options.MaxUploadBytes);
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return Answer(await ingestion.IngestAsync(bytes, path, body.Name, body.Scenario, cancellationToken));
    }

    private static Results<Created<List<MapResponse>>, Ok<List<MapResponse>>, ProblemHttpResult, ValidationProblem> Answer(
        WadIngestionResult result, Func<Map, MapResponse>? respond = null)
    {
        if (result.Rejection is { } reason)
        {
            return result.OverLimit ? UploadBody.TooLarge("WAD over the level limits", reason) : Problems.Invalid("file", $"is not a usable WAD: {reason}");
        }

        var maps = result.Maps.Select(respond ?? MapResponse.From).ToList();
        return result.Created
            ? TypedResults.Created($"/api/maps/by-hash/{maps[0].FileHash}", maps)
            : TypedResults.Ok(maps);
    }

    private static ProblemHttpResult TooLarge(long size, long limit) =>
        UploadBody.TooLarge("File too large", $"The file is {size} bytes; the limit is {limit} bytes (Maps:MaxUploadBytes).");

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult, ValidationProblem>> GetMapFile(
        long id, RlgtDbContext db, BlobStore blobs, CancellationToken cancellationToken)
    {
        var map = await db.Maps.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.BlobName, m.FilePath, m.FileHash }).FirstOrDefaultAsync(cancellationToken);
        if (map is null)
        {
            return Problems.NotFound("map", id);
        }

        var content = map.BlobName is null ? null : await blobs.OpenReadAsync(BlobStore.Wads, map.BlobName, cancellationToken);
        if (content is null)
        {
            return Problems.NotFound("File not found", $"Map {id} has no stored file (it was registered without one).");
        }

        var name = map.FilePath is { Length: > 0 } path ? Path.GetFileName(path) : $"{map.FileHash}.wad";
        return TypedResults.File(content, "application/octet-stream", name);
    }

    internal static async Task<Results<Ok<MapChecksResponse>, ProblemHttpResult, ValidationProblem>> GetMapChecks(
        long id, RlgtDbContext db, CancellationToken cancellationToken)
    {
        var map = await db.Maps.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.CheckedAt }).FirstOrDefaultAsync(cancellationToken);
        if (map is null)
        {
            return Problems.NotFound("map", id);
        }

        var findings = await db.Bugs.AsNoTracking()
            .Where(b => b.MapId == id && b.DetectionSource == DetectionSource.Static)
            .OrderBy(b => b.Severity).ThenBy(b => b.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new MapChecksResponse { MapId = id, CheckedAt = map.CheckedAt, Findings = findings.ConvertAll(Bugs.BugResponse.From) });
    }

    internal static async Task<Ok<List<MapResponse>>> ListByHash(string file_hash, RlgtDbContext db, CancellationToken cancellationToken)
    {
        // Hashes are stored lower-case; normalising the argument keeps the index usable.
        var hash = file_hash.ToLowerInvariant();
        var rows = await db.Maps.AsNoTracking().Where(m => m.FileHash == hash).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ConvertAll(MapResponse.From));
    }

    internal static async Task<Results<Ok<List<MapResponse>>, ValidationProblem>> SearchMaps(
        RlgtDbContext db, [AsParameters] SearchQuery search, [AsParameters] PageQuery page, CancellationToken cancellationToken)
    {
        var pattern = $"%{EscapeLike(search.Q!.Trim())}%";
        var rows = await db.Maps.AsNoTracking()
            .Where(m => EF.Functions.ILike(m.Name, pattern, "\\") || (m.LevelName != null && EF.Functions.ILike(m.LevelName, pattern, "\\")))
            .OrderBy(m => m.Id)
            .Skip(page.Offset).Take(page.Take())
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ConvertAll(MapResponse.From));
    }

    internal static async Task<Results<Ok<MapResponse>, ProblemHttpResult, ValidationProblem>> GetMap(
        long id, RlgtDbContext db, CancellationToken cancellationToken)
    {
        var map = await db.Maps.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (map is null)
        {
            return Problems.NotFound("map", id);
        }

        // A level that is a project's revision says so, so a client can offer its comparison (the first project's, in
        // the rare case that the same file was uploaded into several).
        var revision = await db.LevelRevisions.AsNoTracking().Where(r => r.MapId == id).OrderBy(r => r.ProjectId)
            .Select(r => new { r.ProjectId, r.Revision }).FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(MapResponse.From(map) with { ProjectId = revision?.ProjectId, Revision = revision?.Revision });
    }

    internal static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> DeleteMap(
        long id, RlgtDbContext db, WadIngestion ingestion, RunBlobs runBlobs, CancellationToken cancellationToken)
    {
        var file = await db.Maps.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.FileHash, m.BlobName }).FirstOrDefaultAsync(cancellationToken);
        var runIds = await db.Runs.Where(r => r.MapId == id).Select(r => r.Id).ToListAsync(cancellationToken);
        // Runs, events, metrics and bugs go with it through ON DELETE CASCADE: one statement, one transaction.
        var deleted = await db.Maps.Where(m => m.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return Problems.NotFound("map", id);
        }

        await runBlobs.ForgetAsync(runIds.Select(r => (r, file?.FileHash)), cancellationToken);
        await ingestion.ForgetBlobIfUnusedAsync(file?.FileHash, file?.BlobName, cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<MapStatsResponse>, ProblemHttpResult, ValidationProblem>> GetMapStats(
        long id, RlgtDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Maps.AnyAsync(m => m.Id == id, cancellationToken))
        {
            return Problems.NotFound("map", id);
        }

        var runsByStatus = await db.Runs.Where(r => r.MapId == id)
            .GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var metrics = await db.Runs.Where(r => r.MapId == id && r.Metrics != null)
            .Select(r => new { r.Metrics!.HardnessScore, r.Metrics.Solvability, r.Metrics.AvgKillsPerEpisode })
            .ToListAsync(cancellationToken);
        var bugsBySeverity = await db.Bugs.Where(b => b.MapId == id)
            .GroupBy(b => b.Severity)
            .Select(g => new { Severity = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var solvable = metrics.Where(m => m.Solvability is not null).ToList();
        var kills = metrics.Where(m => m.AvgKillsPerEpisode is not null).ToList();

        return TypedResults.Ok(new MapStatsResponse
        {
            MapId = id,
            TotalRuns = runsByStatus.Sum(r => r.Count),
            RunsByStatus = runsByStatus.ToDictionary(r => SnakeCase.Of(r.Status), r => r.Count),
            AvgHardness = metrics.Count > 0 ? Math.Round(metrics.Average(m => m.HardnessScore), 2) : null,
            SolvabilityRate = solvable.Count > 0 ? (double)solvable.Count(m => m.Solvability == true) / solvable.Count : null,
            TotalBugs = bugsBySeverity.Sum(b => b.Count),
            BugsBySeverity = bugsBySeverity.ToDictionary(b => SnakeCase.Of(b.Severity), b => b.Count),
            AvgKills = kills.Count > 0 ? Math.Round(kills.Average(m => m.AvgKillsPerEpisode!.Value), 4) : null,
        });
    }

    internal static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
