using Microsoft.Extensions.DependencyInjection;
using RlGameTester.Messaging.Jobs;

namespace RlGameTester.Messaging.Queue;

/// <summary>
/// Where the consumer sends a job of one type: reads the lease as the job and hands it to the handler registered for it
/// (<c>AddJobHandler&lt;TJob, THandler&gt;</c>), in the job's own DI scope.
/// </summary>
public abstract class JobRoute
{
    /// <summary>The queue the job type goes on.</summary>
    public abstract string Queue { get; }

    /// <summary>The job type.</summary>
    public abstract string Type { get; }

    internal abstract Task HandleAsync(IServiceProvider services, JobLease lease, CancellationToken cancellationToken);

    internal abstract Task DeadLetteredAsync(IServiceProvider services, JobLease lease, string error, CancellationToken cancellationToken);
}

internal sealed class JobRoute<TJob, THandler> : JobRoute
    where TJob : class, IJob<TJob>
    where THandler : class, IJobHandler<TJob>
{
    public override string Queue => TJob.Queue;

    public override string Type => TJob.Type;

    internal override Task HandleAsync(IServiceProvider services, JobLease lease, CancellationToken cancellationToken) =>
        Handler(services).HandleAsync(lease.Read<TJob>(), lease, cancellationToken);

    internal override Task DeadLetteredAsync(IServiceProvider services, JobLease lease, string error, CancellationToken cancellationToken) =>
        // A payload that cannot be read has no job to tell the handler about; the consumer's log has the error.
        lease.TryRead<TJob>() is { } job ? Handler(services).OnDeadLetteredAsync(job, lease, error, cancellationToken) : Task.CompletedTask;

    private static IJobHandler<TJob> Handler(IServiceProvider services) => services.GetRequiredService<THandler>();
}
