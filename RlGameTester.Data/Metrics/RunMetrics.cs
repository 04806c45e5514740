using Microsoft.EntityFrameworkCore;
using RlGameTester.Domain.Metrics;

namespace RlGameTester.Data.Metrics;

/// <summary>Computes a run's metrics from its stored events and saves them (one row per run, replaced on recalculation).</summary>
public static class RunMetrics
{
    /// <summary>The events metrics read, in stream order, streamed rather than loaded.</summary>
    public static IAsyncEnumerable<MetricEvent> ReadEvents(RlgtDbContext db, long runId) =>
        db.Events.AsNoTracking()
            .Where(e => e.RunId == runId)
            .OrderBy(e => e.Id)
            .Select(e => new MetricEvent(e.Id, e.EventType, e.Timestamp, e.Episode, e.Frame, e.Data))
            .AsAsyncEnumerable();

    /// <summary>Computes and upserts; returns the saved row and the stuck periods it counted.</summary>
    public static async Task<(Metric Metric, IReadOnlyList<StuckPeriod> StuckPeriods)> CalculateAndSaveAsync(
        RlgtDbContext db, long runId, DateTime now, CancellationToken cancellationToken)
    {
        var accumulator = new RunMetricsAccumulator();
        await foreach (var e in ReadEvents(db, runId).WithCancellation(cancellationToken))
        {
            accumulator.Add(e);
        }

        var (metric, stuck) = accumulator.Complete(runId, now);
        return (await SaveAsync(db, metric, cancellationToken), stuck);
    }

    /// <summary>Stores a run's metrics, replacing the row it had; returns the stored row.</summary>
    public static async Task<Metric> SaveAsync(RlgtDbContext db, Metric metric, CancellationToken cancellationToken)
    {
        var existing = await db.Metrics.FirstOrDefaultAsync(m => m.RunId == metric.RunId, cancellationToken);
        if (existing is null)
        {
            db.Metrics.Add(metric);
        }
        else
        {
            metric.Id = existing.Id;
            db.Entry(existing).CurrentValues.SetValues(metric);
            metric = existing;
        }

        await db.SaveChangesAsync(cancellationToken);
        return metric;
    }
}
