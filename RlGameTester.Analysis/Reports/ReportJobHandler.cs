using RlGameTester.Data.Reports;
using RlGameTester.Messaging.Jobs;
using RlGameTester.Messaging.Queue;

namespace RlGameTester.Analysis.Reports;

/// <summary>
/// Report jobs from the Api: rewrite now (<c>POST /api/runs/{id}/report</c>, <c>POST /api/maps/{id}/report</c>), or
/// rewrite if the evidence changed (a cited bug was deleted).
/// </summary>
internal sealed partial class ReportJobHandler(ReportWriter writer, ILogger<ReportJobHandler> logger)
    : IJobHandler<WriteRunReport>, IJobHandler<WriteMapReport>
{
    public async Task HandleAsync(WriteRunReport job, JobLease lease, CancellationToken cancellationToken)
    {
        if (await writer.WriteRunReportAsync(job.RunId, Trigger(job.EvidenceChanged), cancellationToken) is null)
        {
            LogGone(logger, ReportSubject.Run, job.RunId);
        }
    }

    public async Task HandleAsync(WriteMapReport job, JobLease lease, CancellationToken cancellationToken)
    {
        if (await writer.WriteMapReportAsync(job.MapId, Trigger(job.EvidenceChanged), cancellationToken) is null)
        {
            LogGone(logger, ReportSubject.Map, job.MapId);
        }
    }

    // A rewrite because the evidence changed is written as after an analysis; one asked for, as asked.
    private static ReportTrigger Trigger(bool evidenceChanged) => evidenceChanged ? ReportTrigger.RunAnalysed : ReportTrigger.Requested;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Subject} {Id} is gone; no report to write")]
    private static partial void LogGone(ILogger logger, ReportSubject subject, long id);
}
