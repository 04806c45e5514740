using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Data;
using RlGameTester.Data.Bugs;
using RlGameTester.Data.Maps;

namespace RlGameTester.Api.Maps;

/// <summary>Levels: list, register, search, read, delete, and their statistics across runs.</summary>
public static class MapsApi
{
    public static IEndpointRouteBuilder MapMapsApi(this IEndpointRouteBuilder routes)
    {
        var maps = routes.MapGroup("/api/maps").WithTags("Maps");

        maps.MapGet("/", ListMaps).WithName("ListMaps")
            .WithSummary("List maps")
            .WithDescription("Maps in id order, optionally only those of one scenario. Paged with skip and limit (1-1000, default 100).");
        maps.MapPost("/", CreateMap).WithName("CreateMap")
            .WithSummary("Register a map")
            .WithDescription("Registers a level by name and file path (the seed's JSON form).");
        maps.MapGet("/search", SearchMaps).WithName("SearchMaps")
            .WithSummary("Search maps by name")
            .WithDescription("Maps whose name or level name contains q, case-insensitively.");
        maps.MapGet("/{id:long}", GetMap).WithName("GetMap").CanBeMissing()
            .WithSummary("Get a map")
            .WithDescription("One map with its level metadata.");
        maps.MapDelete("/{id:long}", DeleteMap).WithName("DeleteMap").CanBeMissing()
            .WithSummary("Delete a map")
            .WithDescription("Deletes the map and, in the same transaction, its runs, their events, metrics and bugs, and the level's static findings.");
        maps.MapGet("/{id:long}/stats", GetMapStats).WithName("GetMapStats").CanBeMissing()
            .WithSummary("Statistics of a map")
            .WithDescription("Runs by status, mean hardness, solvability rate, bugs by severity and mean kills across the map's runs.");
        return routes;
    }

    internal static async Task<Results<Ok<List<MapResponse>>, ValidationProblem>> ListMaps(
        RlgtDbContext db, string? scenario, int? skip, int? limit, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var page = errors.Paging(skip, limit);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var query = db.Maps.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(scenario))
        {
            query = query.Where(m => m.Scenario == scenario);
        }

        var rows = await query.OrderBy(m => m.Id).Skip(page.Skip).Take(page.Limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ConvertAll(MapResponse.From));
    }

    internal static async Task<Results<Created<MapResponse>, ValidationProblem>> CreateMap(
        MapCreateRequest request, RlgtDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        errors.Text("name", request.Name, 255, required: true);
        errors.Text("file_path", request.FilePath, 1024, required: true);
        errors.Text("scenario", request.Scenario, 100, required: false);
        errors.JsonObject("metadata", request.Metadata);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var map = new Map
        {
            Name = request.Name!.Trim(),
            FilePath = request.FilePath!.Trim(),
            Scenario = string.IsNullOrWhiteSpace(request.Scenario) ? null : request.Scenario.Trim(),
            Metadata = ApiJson.Text(request.Metadata),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Maps.Add(map);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/maps/{map.Id}", MapResponse.From(map));
    }

    internal static async Task<Results<Ok<List<MapResponse>>, ValidationProblem>> SearchMaps(
        RlgtDbContext db, string? q, int? skip, int? limit, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        errors.Text("q", q, 255, required: true);
        var page = errors.Paging(skip, limit);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var pattern = $"%{EscapeLike(q!.Trim())}%";
        var rows = await db.Maps.AsNoTracking()
            .Where(m => EF.Functions.ILike(m.Name, pattern, "\\") || (m.LevelName != null && EF.Functions.ILike(m.LevelName, pattern, "\\")))
            .OrderBy(m => m.Id)
            .Skip(page.Skip).Take(page.Limit)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ConvertAll(MapResponse.From));
    }

    internal static async Task<Results<Ok<MapResponse>, ProblemHttpResult, ValidationProblem>> GetMap(
        long id, RlgtDbContext db, CancellationToken cancellationToken)
    {
        if (id <= 0)
        {
            return Problems.Invalid("id", $"must be a positive id; got {id}.");
        }

        var map = await db.Maps.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        return map is null ? Problems.NotFound("map", id) : TypedResults.Ok(MapResponse.From(map));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> DeleteMap(
        long id, RlgtDbContext db, CancellationToken cancellationToken)
    {
        if (id <= 0)
        {
            return Problems.Invalid("id", $"must be a positive id; got {id}.");
        }

        // Runs, events, metrics and bugs go with it through ON DELETE CASCADE: one statement, one transaction.
        var deleted = await db.Maps.Where(m => m.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? Problems.NotFound("map", id) : TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<MapStatsResponse>, ProblemHttpResult, ValidationProblem>> GetMapStats(
        long id, RlgtDbContext db, CancellationToken cancellationToken)
    {
        if (id <= 0)
        {
            return Problems.Invalid("id", $"must be a positive id; got {id}.");
        }

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

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
