namespace RlGameTester.Messaging.Queue;

/// <summary>Handles the jobs of one queue. Handlers must be idempotent: a job can be delivered more than once.</summary>
public interface IJobHandler
{
    /// <summary>The queue this handler consumes.</summary>
    string Queue { get; }

    /// <summary>
    /// Does the job. Returning acknowledges it; throwing fails the attempt (retried, then dead-lettered).
    /// <paramref name="cancellationToken"/> fires when the service stops: the job then stays queued for another consumer.
    /// </summary>
    Task HandleAsync(JobLease lease, CancellationToken cancellationToken);

    /// <summary>Called once when the job is moved to the dead-letter list, to record the failure where users see it.</summary>
    Task OnDeadLetteredAsync(JobLease lease, string error, CancellationToken cancellationToken);
}
