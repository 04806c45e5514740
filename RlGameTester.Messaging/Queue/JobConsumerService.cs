using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RlGameTester.Messaging.Queue;

/// <summary>
/// Consumes every queue a registered handler's job type goes on: takes a job, hands it to the handler of its type,
/// heartbeats it while the handler works, acknowledges it on success, fails it (retry or dead letter) on error. A job
/// of a type no handler here takes fails the same way (in a rolling deployment another version's consumer may take it
/// on a retry). A failed iteration is logged and the loop goes on. Each job gets a DI scope of its own and a trace span.
/// </summary>
public sealed partial class JobConsumerService(
    IServiceScopeFactory scopes,
    RedisJobQueue queue,
    IEnumerable<JobRoute> routes,
    ILogger<JobConsumerService> logger) : BackgroundService
{
    // Registration refuses a second handler for a job type, so each (queue, type) has one route.
    private readonly Dictionary<string, Dictionary<string, JobRoute>> _routes = routes
        .GroupBy(r => r.Queue)
        .ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Type));

    public static readonly ActivitySource ActivitySource = new("RlGameTester.Messaging");
    private static readonly Meter Meter = new("RlGameTester.Messaging");
    private static readonly Counter<long> JobsProcessed = Meter.CreateCounter<long>("rlgt.jobs.processed", "{job}", "Jobs handled, by queue and outcome.");

    /// <summary>This process's name in the consumer groups: unique per process, readable in XINFO.</summary>
    public string ConsumerName { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_routes.Select(queueRoutes => ConsumeAsync(queueRoutes.Key, queueRoutes.Value, stoppingToken)));

    private async Task ConsumeAsync(string queueName, Dictionary<string, JobRoute> routesByType, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var lease = await queue.TakeAsync(queueName, ConsumerName, stoppingToken);
                if (lease is null)
                {
                    await Task.Delay(queue.Options.PollInterval, stoppingToken);
                    continue;
                }

                await ProcessAsync(routesByType.GetValueOrDefault(lease.Type), lease, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                LogQueueUnavailable(logger, queueName, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (Exception e)
            {
                // Anything else (the Redis client's own pipe failing under load, a handler's dead-letter hook throwing) ends
                // this iteration only: an exception out of the loop would stop the whole host (the default
                // BackgroundServiceExceptionBehavior), and a job in hand is taken over after its visibility timeout.
                LogIterationFailed(logger, queueName, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task ProcessAsync(JobRoute? route, JobLease lease, CancellationToken stoppingToken)
    {
        using var activity = ActivitySource.StartActivity($"job {lease.Queue}", ActivityKind.Consumer);
        activity?.SetTag("rlgt.job.type", lease.Type);
        activity?.SetTag("rlgt.job.attempt", lease.Attempt);
        LogTaken(logger, lease.Queue, lease.EntryId, lease.Type, lease.Attempt);

        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var heartbeat = HeartbeatAsync(lease, heartbeatStop.Token);
        try
        {
            if (route is null)
            {
                throw new JobCannotSucceedException($"No handler in this service takes '{lease.Type}' jobs from the {lease.Queue} queue.");
            }

            await using var scope = scopes.CreateAsyncScope();
            await route.HandleAsync(scope.ServiceProvider, lease, stoppingToken);
            await heartbeatStop.CancelAsync();
            await heartbeat;
            await queue.AcknowledgeAsync(lease);
            JobsProcessed.Add(1, new("queue", lease.Queue), new("outcome", "done"));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the job stays pending and another consumer takes it over.
            await heartbeatStop.CancelAsync();
            throw;
        }
        catch (JobAbandonedException e)
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
            JobsProcessed.Add(1, new("queue", lease.Queue), new("outcome", "abandoned"));
            LogAbandoned(logger, lease.Queue, lease.EntryId, e.Message);
        }
        catch (Exception e)
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            var error = $"{e.GetType().Name}: {e.Message}";
            // A job no retry can help goes to the dead letters at once instead of being tried again.
            var dead = e is JobCannotSucceedException ? await DeadLetterAsync(lease, error) : await queue.FailAsync(lease, error);
            JobsProcessed.Add(1, new("queue", lease.Queue), new("outcome", dead ? "dead_letter" : "retry"));
            LogFailed(logger, lease.Queue, lease.EntryId, lease.Attempt, dead, e);
            if (dead && route is not null)
            {
                await using var scope = scopes.CreateAsyncScope();
                await route.DeadLetteredAsync(scope.ServiceProvider, lease, error, stoppingToken);
            }
        }
    }

    private async Task<bool> DeadLetterAsync(JobLease lease, string error)
    {
        await queue.DeadLetterAsync(lease, error);
        return true;
    }

    private async Task HeartbeatAsync(JobLease lease, CancellationToken stop)
    {
        var interval = queue.Options.VisibilityTimeout / 3;
        try
        {
            while (true)
            {
                await Task.Delay(interval, stop);
                await queue.HeartbeatAsync(lease, ConsumerName);
            }
        }
        catch (OperationCanceledException)
        {
            // The job finished.
        }
        catch (StackExchange.Redis.RedisException e)
        {
            // Without heartbeats the job may be taken over; the handler's fencing keeps that safe.
            LogHeartbeatLost(logger, lease.Queue, lease.EntryId, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Took job {EntryId} ({Type}) from {Queue}, attempt {Attempt}")]
    private static partial void LogTaken(ILogger logger, string queue, string entryId, string type, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {EntryId} from {Queue} failed on attempt {Attempt}; dead-lettered: {DeadLettered}")]
    private static partial void LogFailed(ILogger logger, string queue, string entryId, int attempt, bool deadLettered, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Left job {EntryId} on {Queue} to its new owner: {Reason}")]
    private static partial void LogAbandoned(ILogger logger, string queue, string entryId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue} is unavailable; retrying")]
    private static partial void LogQueueUnavailable(ILogger logger, string queue, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Consuming {Queue} failed; going on")]
    private static partial void LogIterationFailed(ILogger logger, string queue, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the heartbeat of job {EntryId} on {Queue}")]
    private static partial void LogHeartbeatLost(ILogger logger, string queue, string entryId, Exception exception);
}
