using RlGameTester.Data.Reports;
using RlGameTester.Messaging.Queue;

namespace RlGameTester.Analysis.Reports;

/// <summary>
/// Report requests from the Api: rewrite now (<c>POST /api/runs/{id}/report</c>, <c>POST /api/maps/{id}/report</c>), or
/// rewrite if the evidence changed (a cited bug was deleted).
/// </summary>
internal sealed partial class ReportJobHandler(ReportWriter writer, ILogger<ReportJobHandler> logger) : IJobHandler
{
    public string Queue => ReportRequest.Queue;

    public async Task HandleAsync(JobLease lease, CancellationToken cancellationToken)
    {
        var request = ReportRequest.FromJson(lease.Payload)
            ?? throw new InvalidOperationException($"Report request {lease.EntryId} is empty.");
        var trigger = request.EvidenceChanged ? ReportTrigger.RunAnalysed : ReportTrigger.Requested;
        var report = request.Subject == ReportSubject.Run
            ? await writer.WriteRunReportAsync(request.Id, trigger, cancellationToken)
            : await writer.WriteMapReportAsync(request.Id, trigger, cancellationToken);
        if (report is null)
        {
            LogGone(logger, request.Subject.ToString(), request.Id);
        }
    }

    public Task OnDeadLetteredAsync(JobLease lease, string error, CancellationToken cancellationToken)
    {
        LogGaveUp(logger, lease.EntryId, error);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Subject} {Id} is gone; no report to write")]
    private static partial void LogGone(ILogger logger, string subject, long id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up report request {EntryId}: {Error}")]
    private static partial void LogGaveUp(ILogger logger, string entryId, string error);
}
