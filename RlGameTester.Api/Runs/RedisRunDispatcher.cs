using RlGameTester.Messaging.Jobs;
using RlGameTester.Messaging.Queue;
using RlGameTester.Messaging.Runs;

namespace RlGameTester.Api.Runs;

/// <summary>Started runs go on the Redis runs queue; cancellations are published to the workers.</summary>
internal sealed class RedisRunDispatcher(RedisJobQueue queue, RunChannels channels, TimeProvider clock) : IRunDispatcher
{
    public async Task<string> DispatchAsync(long runId, CancellationToken cancellationToken)
    {
        await EnqueueAsync(new PlayRun(runId), runId, cancellationToken);
        return $"run-{runId}";
    }

    public async Task<string> DispatchLogImportAsync(long runId, string logBlob, CancellationToken cancellationToken)
    {
        await EnqueueAsync(new ImportRunLog(runId, logBlob), runId, cancellationToken);
        return $"run-{runId}-log";
    }

    public async Task CancelAsync(long runId, CancellationToken cancellationToken)
    {
        await channels.RequestCancelAsync(runId);
        await channels.PublishProgressAsync(new RunProgress { RunId = runId, Status = "cancelled", Message = "Cancelled", UpdatedAt = clock.GetUtcNow() });
    }

    private async Task EnqueueAsync<TJob>(TJob job, long runId, CancellationToken cancellationToken) where TJob : class, IJob<TJob>
    {
        await queue.EnqueueAsync(job, cancellationToken);
        await channels.PublishProgressAsync(new RunProgress { RunId = runId, Status = "running", Message = "Queued for a worker", UpdatedAt = clock.GetUtcNow() });
    }
}
