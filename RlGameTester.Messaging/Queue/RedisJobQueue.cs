using System.Text.Json;
using Microsoft.Extensions.Options;
using RlGameTester.Messaging.Jobs;
using StackExchange.Redis;

namespace RlGameTester.Messaging.Queue;

/// <summary>
/// A job queue on Redis Streams with one consumer group per queue: at-least-once delivery, any number of
/// consumers side by side, a job whose consumer stops heartbeating taken over by another after the
/// visibility timeout (XAUTOCLAIM), failed jobs retried, and jobs that keep failing moved to a dead-letter
/// stream with their error.
/// </summary>
public sealed class RedisJobQueue(IConnectionMultiplexer redis, IOptions<JobQueueOptions> options, TimeProvider clock)
{
    private const string Group = "rlgt";
    private const string TypeField = "type";
    private const string PayloadField = "payload";
    private const string AttemptField = "attempt";
    private const string ErrorField = "error";
    private const string AtField = "at";

    private readonly HashSet<string> _groupsReady = [];
    private readonly Lock _groupsLock = new();

    public JobQueueOptions Options => options.Value;

    public static RedisKey StreamKey(string queue) => $"rlgt:queue:{queue}";

    public static RedisKey DeadLetterKey(string queue) => $"rlgt:dead:{queue}";

    /// <summary>Adds a job to the queue it names; returns its entry id.</summary>
    public Task<string> EnqueueAsync<TJob>(TJob job, CancellationToken cancellationToken = default) where TJob : class, IJob<TJob> =>
        EnqueueAsync(TJob.Queue, TJob.Type, JsonSerializer.Serialize(job, TJob.Json), cancellationToken);

    private async Task<string> EnqueueAsync(string queue, string type, string payload, CancellationToken cancellationToken)
    {
        await EnsureGroupAsync(queue);
        cancellationToken.ThrowIfCancellationRequested();
        var id = await Db.StreamAddAsync(StreamKey(queue), [new(TypeField, type), new(PayloadField, payload), new(AttemptField, 0)]);
        return id.ToString();
    }

    /// <summary>
    /// Takes the next job for <paramref name="consumer"/>: first one abandoned by a consumer that stopped
    /// heartbeating, else a new one. Null when there is none. A job past its attempts is dead-lettered here
    /// instead of being handed out again (a job that crashes every worker must not loop forever).
    /// </summary>
    public async Task<JobLease?> TakeAsync(string queue, string consumer, CancellationToken cancellationToken = default)
    {
        await EnsureGroupAsync(queue);
        cancellationToken.ThrowIfCancellationRequested();
        var key = StreamKey(queue);
        var abandoned = await Db.StreamAutoClaimAsync(key, Group, consumer, (long)Options.VisibilityTimeout.TotalMilliseconds, "0-0", count: 1);
        foreach (var entry in abandoned.ClaimedEntries)
        {
            if (entry.IsNull)
            {
                continue;
            }

            var lease = await LeaseOfAsync(queue, entry);
            if (lease.Attempt > Options.MaxAttempts)
            {
                await DeadLetterAsync(lease, lease.PreviousError ?? "Its worker stopped responding on every attempt.");
                return null;
            }

            return lease;
        }

        var fresh = await Db.StreamReadGroupAsync(key, Group, consumer, StreamPosition.NewMessages, count: 1);
        return fresh.Length == 0 ? null : await LeaseOfAsync(queue, fresh[0]);
    }

    /// <summary>Tells the queue the consumer is still working on the job, so it is not taken over.</summary>
    public Task HeartbeatAsync(JobLease lease, string consumer) =>
        // JUSTID resets the idle time without counting another delivery.
        Db.StreamClaimIdsOnlyAsync(StreamKey(lease.Queue), Group, consumer, 0, [lease.EntryId]);

    /// <summary>Done: the job leaves the queue.</summary>
    public async Task AcknowledgeAsync(JobLease lease)
    {
        var key = StreamKey(lease.Queue);
        var transaction = Db.CreateTransaction();
        _ = transaction.StreamAcknowledgeAsync(key, Group, lease.EntryId);
        _ = transaction.StreamDeleteAsync(key, [lease.EntryId]);
        await transaction.ExecuteAsync();
    }

    /// <summary>
    /// The attempt failed: the job is queued again with its error, or, past its attempts, moved to the
    /// dead-letter stream. Returns true when it was dead-lettered.
    /// </summary>
    public async Task<bool> FailAsync(JobLease lease, string error)
    {
        if (lease.Attempt >= Options.MaxAttempts)
        {
            await DeadLetterAsync(lease, error);
            return true;
        }

        var key = StreamKey(lease.Queue);
        var transaction = Db.CreateTransaction();
        _ = transaction.StreamAddAsync(key, [new(TypeField, lease.Type), new(PayloadField, lease.Payload), new(AttemptField, lease.Attempt), new(ErrorField, error)]);
        _ = transaction.StreamAcknowledgeAsync(key, Group, lease.EntryId);
        _ = transaction.StreamDeleteAsync(key, [lease.EntryId]);
        await transaction.ExecuteAsync();
        return false;
    }

    /// <summary>Moves the job to the queue's dead-letter stream with its error.</summary>
    public async Task DeadLetterAsync(JobLease lease, string error)
    {
        var key = StreamKey(lease.Queue);
        var transaction = Db.CreateTransaction();
        // Trimmed to the newest Queue:MaxDeadLetters, so a job that fails forever cannot fill Redis.
        _ = transaction.StreamAddAsync(DeadLetterKey(lease.Queue),
        [
            new(TypeField, lease.Type), new(PayloadField, lease.Payload), new(AttemptField, lease.Attempt),
            new(ErrorField, error), new(AtField, clock.GetUtcNow().ToUnixTimeMilliseconds()),
        ], maxLength: Options.MaxDeadLetters);
        _ = transaction.StreamAcknowledgeAsync(key, Group, lease.EntryId);
        _ = transaction.StreamDeleteAsync(key, [lease.EntryId]);
        await transaction.ExecuteAsync();
    }

    /// <summary>The dead-lettered jobs of a queue, oldest first.</summary>
    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(string queue, int count = 100)
    {
        var entries = await Db.StreamRangeAsync(DeadLetterKey(queue), count: count);
        return [.. entries.Select(e => new DeadLetter(
            queue,
            (string)e[TypeField]!,
            (string)e[PayloadField]!,
            (int)e[AttemptField],
            (string)e[ErrorField]!,
            DateTimeOffset.FromUnixTimeMilliseconds((long)e[AtField])))];
    }

    /// <summary>Jobs waiting or held by a consumer.</summary>
    public async Task<long> LengthAsync(string queue) => await Db.StreamLengthAsync(StreamKey(queue));

    private IDatabase Db => RedisDatabase.Of(redis, Options);

    private async Task<JobLease> LeaseOfAsync(string queue, StreamEntry entry)
    {
        // Attempts = failures recorded in the entry + deliveries of this entry (takeovers count too).
        var pending = await Db.StreamPendingMessagesAsync(StreamKey(queue), Group, 1, RedisValue.Null, entry.Id, entry.Id);
        var deliveries = pending.Length > 0 ? pending[0].DeliveryCount : 1;
        var earlierFailures = entry[AttemptField].TryParse(out int failures) ? failures : 0;
        var error = entry[ErrorField];
        return new JobLease(queue, entry.Id!, (string)entry[TypeField]!, (string)entry[PayloadField]!, earlierFailures + deliveries, error.IsNull ? null : (string)error!);
    }

    private async Task EnsureGroupAsync(string queue)
    {
        lock (_groupsLock)
        {
            if (_groupsReady.Contains(queue))
            {
                return;
            }
        }

        try
        {
            // From the beginning: jobs added before the group existed are delivered too.
            await Db.StreamCreateConsumerGroupAsync(StreamKey(queue), Group, StreamPosition.Beginning, createStream: true);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another process created it.
        }

        lock (_groupsLock)
        {
            _groupsReady.Add(queue);
        }
    }
}
