using System.Text.Json;
using RlGameTester.Analysis.Frames;
using RlGameTester.Analysis.Levels;
using RlGameTester.Analysis.Runs;
using RlGameTester.Messaging;
using RlGameTester.Messaging.Queue;

namespace RlGameTester.Analysis;

/// <summary>The analysis queue: finished runs (detectors, metrics), run frames (visual glitches) and uploaded files (static level checks).</summary>
internal sealed partial class AnalysisJobHandler(
    RunAnalysis runs, RunFrameAnalysis frames, LevelCheckAnalysis levels, ILogger<AnalysisJobHandler> logger) : IJobHandler
{
    public string Queue => Queues.Analysis;

    public Task HandleAsync(JobLease lease, CancellationToken cancellationToken)
    {
        var job = JsonSerializer.Deserialize(lease.Payload, MessagingJson.Default.AnalysisJob)
            ?? throw new InvalidOperationException($"Job {lease.EntryId} is empty.");
        return job switch
        {
            { Kind: AnalysisJob.Run, RunId: { } runId } => runs.AnalyseAsync(runId, cancellationToken),
            { Kind: AnalysisJob.Frames, RunId: { } framesOf } => frames.AnalyseAsync(framesOf, cancellationToken),
            { Kind: AnalysisJob.Wad, FileHash: { } hash } => levels.CheckAsync(hash, cancellationToken),
            _ => throw new NotSupportedException($"Analysis job kind '{job.Kind}' with these fields is not handled: {lease.Payload}"),
        };
    }

    public Task OnDeadLetteredAsync(JobLease lease, string error, CancellationToken cancellationToken)
    {
        LogGaveUp(logger, lease.EntryId, error);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up analysis job {EntryId}: {Error}")]
    private static partial void LogGaveUp(ILogger logger, string entryId, string error);
}
