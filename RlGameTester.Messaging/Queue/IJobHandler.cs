using RlGameTester.Messaging.Jobs;

namespace RlGameTester.Messaging.Queue;

/// <summary>
/// Handles one job type, registered with <c>AddJobHandler&lt;TJob, THandler&gt;</c>. Handlers must be idempotent: a job
/// can be delivered more than once.
/// </summary>
public interface IJobHandler<TJob> where TJob : class, IJob<TJob>
{
    /// <summary>
    /// Does the job. Returning acknowledges it; throwing fails the attempt (retried, then dead-lettered).
    /// <paramref name="cancellationToken"/> fires when the service stops: the job then stays queued for another consumer.
    /// </summary>
    Task HandleAsync(TJob job, JobLease lease, CancellationToken cancellationToken);

    /// <summary>
    /// Called once when the job is moved to the dead-letter list, to record the failure where users see it. The
    /// consumer has logged it already; by default nothing more is done.
    /// </summary>
    Task OnDeadLetteredAsync(TJob job, JobLease lease, string error, CancellationToken cancellationToken) => Task.CompletedTask;
}
