using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RlGameTester.Analysis.Detectors;
using RlGameTester.Analysis.Rendering;
using RlGameTester.Analysis.Reports;
using RlGameTester.Analysis.Shots;
using RlGameTester.Data;
using RlGameTester.Data.Bugs;
using RlGameTester.Data.Metrics;
using RlGameTester.Domain.Bugs;
using RlGameTester.Messaging.Jobs;
using RlGameTester.Messaging.Queue;

namespace RlGameTester.Analysis.Runs;

/// <summary>
/// Analyses a finished run: one pass over its events computes its metrics and hardness and runs the
/// telemetry detectors; the run's telemetry findings are replaced, not added to, so analysing twice
/// changes nothing. Then the run's report and its level's are written (<paramref name="reports"/>: null only where a
/// test checks the analysis alone). Findings with a place get a screenshot from there (<paramref name="shots"/>: null where
/// a test analyses without them).
/// </summary>
internal sealed partial class RunAnalysis(RlgtDbContext db, RunImages images, TimeProvider clock, ILogger<RunAnalysis> logger, ReportWriter? reports = null,
    RunShots? shots = null)
    : IJobHandler<AnalyseRun>
{
    Task IJobHandler<AnalyseRun>.HandleAsync(AnalyseRun job, JobLease lease, CancellationToken cancellationToken) =>
        AnalyseAsync(job.RunId, cancellationToken);

    public async Task AnalyseAsync(long runId, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().Where(r => r.Id == runId).Select(r => new { r.Id, r.MapId }).FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            LogGone(logger, runId);
            return;
        }

        var accumulator = new RunMetricsAccumulator();
        var detectors = new TelemetryDetectors();
        await foreach (var e in RunMetrics.ReadEvents(db, runId).WithCancellation(cancellationToken))
        {
            accumulator.Add(e);
            detectors.Add(e);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (metric, stuck) = accumulator.Complete(runId, now);
        var findings = detectors.Complete(stuck);

        var bugs = findings.Select(f => new Bug
        {
            RunId = runId,
            MapId = run.MapId,
            BugType = f.Type,
            Severity = f.Severity,
            DetectionSource = DetectionSource.Telemetry,
            CheckName = f.CheckName,
            Title = f.Title,
            Description = f.Description,
            Timestamp = f.Timestamp,
            Frame = f.Frame,
            Episode = f.Episode,
            Confidence = f.Confidence,
            PositionX = f.X,
            PositionY = f.Y,
            ElementKind = f.ElementKind,
            ElementIndex = f.ElementIndex,
            Data = JsonSerializer.Serialize(f.Evidence),
            DetectedAt = now,
        }).ToList();

        // Drawn before the run is locked: rendering and uploading are the slow part.
        if (shots is not null)
        {
            await shots.ShootAsync(run.MapId, runId, bugs, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.LockRunAsync(runId, cancellationToken) is null)
        {
            LogGone(logger, runId);
            return;
        }

        await RunMetrics.SaveAsync(db, metric, cancellationToken);
        // Crash bugs are the Worker's (from the agent's own output); everything else from telemetry is ours to replace.
        await db.Bugs.Where(b => b.RunId == runId && b.DetectionSource == DetectionSource.Telemetry && b.BugType != BugType.Crash)
            .ExecuteDeleteAsync(cancellationToken);
        db.Bugs.AddRange(bugs);
        await db.SaveChangesAsync(cancellationToken);
        if (shots is not null)
        {
            // Views of findings an earlier analysis made that this one did not; still under the lock.
            await shots.ForgetOthersAsync(runId, bugs, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogAnalysed(logger, runId, metric.HardnessScore, findings.Count);
        await images.DrawAsync(runId, cancellationToken);
        if (reports is not null)
        {
            await reports.RunAnalysedAsync(runId, run.MapId, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} is gone; nothing to analyse")]
    private static partial void LogGone(ILogger logger, long runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} analysed: hardness {Hardness}, {Findings} finding(s)")]
    private static partial void LogAnalysed(ILogger logger, long runId, double hardness, int findings);
}
