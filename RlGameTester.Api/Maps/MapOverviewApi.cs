using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Data;
using RlGameTester.Domain;

namespace RlGameTester.Api.Maps;

/// <summary>
/// One page of levels with what a list of them shows (finding counts, hardness, the latest run) in four queries, so a
/// client does not ask for each level's statistics one by one.
/// </summary>
public static class MapOverviewApi
{
    public static IEndpointRouteBuilder MapMapOverviewApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/maps/overview", ListOverview).WithTags("Maps").WithName("ListMapOverview")
            .WithSummary("Levels with their findings, hardness and latest run")
            .WithDescription("Maps in id order (q: only those whose name, level or file name contains it), each with bug counts by severity, the hardest analysed run's score and band, and the newest run. Paged with skip and limit (1-1000, default 100).");
        return routes;
    }

    internal static async Task<Results<Ok<List<MapOverviewResponse>>, ValidationProblem>> ListOverview(
        RlgtDbContext db, [AsParameters] OverviewQuery filter, [AsParameters] PageQuery page, CancellationToken cancellationToken)
    {
        var query = db.Maps.AsNoTracking();
        if (filter.Q is { Length: > 0 } q)
        {
            var pattern = $"%{MapsApi.EscapeLike(q.Trim())}%";
            query = query.Where(m => EF.Functions.ILike(m.Name, pattern, "\\") || (m.LevelName != null && EF.Functions.ILike(m.LevelName, pattern, "\\"))
                || (m.FilePath != null && EF.Functions.ILike(m.FilePath, pattern, "\\")));
        }

        var maps = await query.OrderBy(m => m.Id).Skip(page.Offset).Take(page.Take()).ToListAsync(cancellationToken);
        var ids = maps.ConvertAll(m => m.Id);
        var bugs = await db.Bugs.Where(b => ids.Contains(b.MapId))
            .GroupBy(b => new { b.MapId, b.Severity })
            .Select(g => new { g.Key.MapId, g.Key.Severity, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var hardest = await db.Runs.Where(r => ids.Contains(r.MapId) && r.Metrics != null)
            .GroupBy(r => r.MapId)
            .Select(g => new { MapId = g.Key, Score = g.Max(r => r.Metrics!.HardnessScore) })
            .ToListAsync(cancellationToken);
        var latest = await db.Runs.Where(r => ids.Contains(r.MapId))
            .GroupBy(r => r.MapId)
            .Select(g => g.OrderByDescending(r => r.Id).Select(r => new { r.MapId, r.Id, r.Status, r.Agent, Solvable = r.Metrics == null ? null : r.Metrics.Solvability, r.CreatedAt }).First())
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(maps.ConvertAll(map =>
        {
            var score = hardest.Find(h => h.MapId == map.Id)?.Score;
            var run = latest.Find(r => r.MapId == map.Id);
            return new MapOverviewResponse
            {
                Map = MapResponse.From(map),
                BugsBySeverity = bugs.Where(b => b.MapId == map.Id).ToDictionary(b => SnakeCase.Of(b.Severity), b => b.Count),
                Hardness = score,
                HardnessBand = score is { } s ? Domain.Metrics.Hardness.Band(s) : null,
                LastRun = run is null ? null : new MapOverviewRun(run.Id, SnakeCase.Of(run.Status), run.Agent, run.Solvable, run.CreatedAt),
            };
        }));
    }
}

/// <summary>The optional text <c>GET /api/maps/overview</c> looks for in map, level and file names.</summary>
internal sealed record OverviewQuery([property: FromQuery(Name = "q")] string? Q) : IValidatedRequest
{
    public void Validate(RequestErrors errors) => errors.Text("q", Q, 255, required: false);
}
