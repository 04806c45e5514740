using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Data;
using RlGameTester.Data.Metrics;
using RlGameTester.Domain.Events;
using RlGameTester.Domain.Metrics;

namespace RlGameTester.Api.Metrics;

/// <summary>Metrics: list, hardest runs, comparisons, a run's figures and timeline, recalculation.</summary>
public static class MetricsApi
{
    private const int MaxCompared = 10;

    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder routes)
    {
        var metrics = routes.MapGroup("/api/metrics").WithTags("Metrics");

        metrics.MapGet("/", ListMetrics).WithName("ListMetrics")
            .WithSummary("List metrics")
            .WithDescription("Run metrics in id order, optionally within a hardness range (min_hardness, max_hardness, 0-100). Paged with skip and limit.");
        metrics.MapGet("/hardest", Hardest).WithName("HardestRuns")
            .WithSummary("Hardest runs")
            .WithDescription("Metrics with the highest hardness scores first (limit 1-1000, default 10).");
        metrics.MapGet("/compare", Compare).WithName("CompareRuns").CanBeMissing()
            .WithSummary("Compare runs")
            .WithDescription("Metrics of up to 10 runs (run_ids=1,2,3) side by side, with each figure's difference from the first run's.");
        metrics.MapGet("/{run_id:long}", GetMetrics).WithName("GetRunMetrics").CanBeMissing()
            .WithSummary("A run's metrics")
            .WithDescription("The metrics of one run; 404 when the run does not exist or has none yet.");
        metrics.MapGet("/{run_id:long}/timeline", Timeline).WithName("GetRunTimeline").CanBeMissing()
            .WithSummary("A run's timeline")
            .WithDescription("Per-episode series of health, ammo, kills and deaths (optionally one episode), ready for charts.");
        metrics.MapPost("/{run_id:long}/calculate", Calculate).WithName("CalculateRunMetrics").CanBeMissing()
            .WithSummary("Calculate a run's metrics")
            .WithDescription("Computes the metrics and hardness from the run's events and stores them, replacing earlier ones.");
        return routes;
    }

    internal static async Task<Results<Ok<List<MetricResponse>>, ValidationProblem>> ListMetrics(
        RlgtDbContext db, [AsParameters] HardnessQuery hardness, [AsParameters] PageQuery page, CancellationToken cancellationToken)
    {
        var query = db.Metrics.AsNoTracking();
        if (hardness.MinHardness is { } min)
        {
            query = query.Where(m => m.HardnessScore >= min);
        }

        if (hardness.MaxHardness is { } max)
        {
            query = query.Where(m => m.HardnessScore <= max);
        }

        var rows = await query.OrderBy(m => m.Id).Skip(page.Offset).Take(page.Take()).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ConvertAll(MetricResponse.From));
    }

    internal static async Task<Results<Ok<List<MetricResponse>>, ValidationProblem>> Hardest(
        RlgtDbContext db, [AsParameters] TopQuery top, CancellationToken cancellationToken)
    {
        var rows = await db.Metrics.AsNoTracking()
            .OrderByDescending(m => m.HardnessScore).ThenBy(m => m.RunId)
            .Take(top.Take(defaultLimit: 10))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.ConvertAll(MetricResponse.From));
    }

    internal static async Task<Results<Ok<CompareResponse>, ProblemHttpResult, ValidationProblem>> Compare(
        RlgtDbContext db, string? run_ids, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        foreach (var part in (run_ids ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!long.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                return Problems.Invalid("run_ids", $"'{part}' is not a positive run id; give comma-separated ids such as 1,2,3.");
            }

            ids.Add(id);
        }

        if (ids.Count == 0)
        {
            return Problems.Invalid("run_ids", "is required: comma-separated run ids such as 1,2,3.");
        }

        if (ids.Count > MaxCompared)
        {
            return Problems.Invalid("run_ids", $"at most {MaxCompared} runs can be compared; got {ids.Count}.");
        }

        var existing = await db.Runs.Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        var missing = ids.Except(existing).ToList();
        if (missing.Count > 0)
        {
            return Problems.NotFound("Run not found", $"There is no run with id {string.Join(", ", missing)}.");
        }

        var byRun = await db.Metrics.AsNoTracking().Where(m => ids.Contains(m.RunId)).ToDictionaryAsync(m => m.RunId, cancellationToken);
        var metrics = ids.Select(id => byRun.TryGetValue(id, out var m) ? MetricResponse.From(m) : null).ToList();
        return TypedResults.Ok(new CompareResponse
        {
            RunIds = ids,
            Metrics = metrics,
            Differences = Differences(metrics),
        });
    }

    internal static async Task<Results<Ok<MetricResponse>, ProblemHttpResult, ValidationProblem>> GetMetrics(
        long run_id, RlgtDbContext db, CancellationToken cancellationToken)
    {
        var metric = await db.Metrics.AsNoTracking().FirstOrDefaultAsync(m => m.RunId == run_id, cancellationToken);
        if (metric is not null)
        {
            return TypedResults.Ok(MetricResponse.From(metric));
        }

        return await db.Runs.AnyAsync(r => r.Id == run_id, cancellationToken)
            ? Problems.NotFound("Metrics not found", $"Run {run_id} has no metrics yet; POST /api/metrics/{run_id}/calculate computes them.")
            : Problems.NotFound("run", run_id);
    }

    internal static async Task<Results<Ok<TimelineResponse>, ProblemHttpResult, ValidationProblem>> Timeline(
        long run_id, int? episode, RlgtDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Runs.AnyAsync(r => r.Id == run_id, cancellationToken))
        {
            return Problems.NotFound("run", run_id);
        }

        EventType[] charted = [EventType.EpisodeStart, EventType.HealthChange, EventType.AmmoChange, EventType.Kill, EventType.Death];
        var events = db.Events.AsNoTracking()
            .Where(e => e.RunId == run_id && charted.Contains(e.EventType))
            .Where(e => episode == null || e.Episode == episode)
            .OrderBy(e => e.Id)
            .Select(e => new MetricEvent(e.Id, e.EventType, e.Timestamp, e.Episode, e.Frame, e.Data))
            .AsAsyncEnumerable();

        var builder = new TimelineBuilder();
        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            builder.Add(e);
        }

        return TypedResults.Ok(new TimelineResponse { RunId = run_id, Episodes = builder.Complete() });
    }

    internal static async Task<Results<Ok<MetricResponse>, ProblemHttpResult, ValidationProblem>> Calculate(
        long run_id, RlgtDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.Runs.AnyAsync(r => r.Id == run_id, cancellationToken))
        {
            return Problems.NotFound("run", run_id);
        }

        var (metric, _) = await RunMetrics.CalculateAndSaveAsync(db, run_id, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return TypedResults.Ok(MetricResponse.From(metric));
    }

    private static Dictionary<string, MetricDifference> Differences(IReadOnlyList<MetricResponse?> metrics)
    {
        var figures = new (string Name, Func<MetricResponse, double?> Value)[]
        {
            ("hardness_score", m => m.HardnessScore),
            ("episodes", m => m.Episodes),
            ("total_kills", m => m.TotalKills),
            ("total_deaths", m => m.TotalDeaths),
            ("avg_kills_per_episode", m => m.AvgKillsPerEpisode),
            ("avg_health", m => m.AvgHealth),
            ("min_health", m => m.MinHealth),
            ("total_damage_taken", m => m.TotalDamageTaken),
            ("avg_episode_duration", m => m.AvgEpisodeDuration),
            ("stuck_count", m => m.StuckCount),
            ("coverage_visited", m => m.CoverageVisited),
            ("time_to_exit", m => m.TimeToExit),
        };

        return figures.ToDictionary(
            figure => figure.Name,
            figure =>
            {
                var values = metrics.Select(m => m is null ? null : figure.Value(m)).ToList();
                var first = values[0];
                var present = values.Where(v => v is not null).Select(v => v!.Value).ToList();
                return new MetricDifference
                {
                    Values = values,
                    DeltaFromFirst = values.Select(v => v is { } value && first is { } baseline ? Math.Round(value - baseline, 4) : (double?)null).ToList(),
                    Min = present.Count > 0 ? present.Min() : null,
                    Max = present.Count > 0 ? present.Max() : null,
                };
            });
    }
}
