using System.Text.Json;
using RlGameTester.Messaging;
using RlGameTester.Messaging.Queue;
using RlGameTester.Messaging.Runs;

namespace RlGameTester.Api.Runs;

/// <summary>Started runs go on the Redis runs queue; cancellations are published to the workers.</summary>
internal sealed class RedisRunDispatcher(RedisJobQueue queue, RunChannels channels, TimeProvider clock) : IRunDispatcher
{
    public async Task<string> DispatchAsync(long runId, CancellationToken cancellationToken)
    {
        await EnqueueAsync(new RunJob(runId, RunJob.Play), cancellationToken);
        return $"run-{runId}";
    }

    public async Task<string> DispatchLogImportAsync(long runId, string logBlob, CancellationToken cancellationToken)
    {
        await EnqueueAsync(new RunJob(runId, RunJob.ImportLog, logBlob), cancellationToken);
        return $"run-{runId}-log";
    }

    public async Task CancelAsync(long runId, CancellationToken cancellationToken)
    {
        await channels.RequestCancelAsync(runId);
        await channels.PublishProgressAsync(new RunProgress { RunId = runId, Status = "cancelled", Message = "Cancelled", UpdatedAt = clock.GetUtcNow() });
    }

    private async Task EnqueueAsync(RunJob job, CancellationToken cancellationToken)
    {
        await queue.EnqueueAsync(Queues.Runs, RunJob.Type, JsonSerializer.Serialize(job, MessagingJson.Default.RunJob), cancellationToken);
        await channels.PublishProgressAsync(new RunProgress { RunId = job.RunId, Status = "running", Message = "Queued for a worker", UpdatedAt = clock.GetUtcNow() });
    }
}
