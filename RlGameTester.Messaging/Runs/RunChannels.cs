using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RlGameTester.Messaging.Queue;
using StackExchange.Redis;

namespace RlGameTester.Messaging.Runs;

/// <summary>
/// The live side of runs over Redis: progress (latest state kept in a key so late watchers start from it,
/// published per run for server-sent events, and appended to a stream the Api's hub relays exactly once),
/// and cancellation requests (a key, so a worker that picks the job up later still sees it, and a channel,
/// so a worker playing the run stops within moments).
/// </summary>
public sealed class RunChannels(IConnectionMultiplexer redis, IOptions<JobQueueOptions> options)
{
    public const string ProgressStream = "rlgt:progress";
    private const string CancelChannelName = "rlgt:cancel";
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    public static RedisChannel ProgressChannel(long runId) => RedisChannel.Literal($"rlgt:progress:{runId}");

    private static RedisChannel CancelChannel => RedisChannel.Literal(CancelChannelName);

    private static RedisKey ProgressKey(long runId) => $"rlgt:run:{runId}:progress";

    private static RedisKey CancelKey(long runId) => $"rlgt:run:{runId}:cancel";

    public async Task PublishProgressAsync(RunProgress progress)
    {
        var json = JsonSerializer.Serialize(progress, MessagingJson.Default.RunProgress);
        var transaction = Db.CreateTransaction();
        _ = transaction.StringSetAsync(ProgressKey(progress.RunId), json, KeepFor);
        _ = transaction.StreamAddAsync(ProgressStream, "progress", json, maxLength: 10_000, useApproximateMaxLength: true);
        await transaction.ExecuteAsync();
        await redis.GetSubscriber().PublishAsync(ProgressChannel(progress.RunId), json);
    }

    /// <summary>The latest progress of a run, or null when none was published.</summary>
    public async Task<RunProgress?> GetProgressAsync(long runId)
    {
        var json = await Db.StringGetAsync(ProgressKey(runId));
        return json.IsNullOrEmpty ? null : Parse(json!);
    }

    /// <summary>Reads the next progress updates for a relay (a consumer group: each update goes to one relay).</summary>
    public async Task<IReadOnlyList<(RedisValue Id, RunProgress Progress)>> ReadForRelayAsync(string group, string consumer, int count)
    {
        try
        {
            await Db.StreamCreateConsumerGroupAsync(ProgressStream, group, StreamPosition.NewMessages, createStream: true);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Exists.
        }

        var entries = await Db.StreamReadGroupAsync(ProgressStream, group, consumer, StreamPosition.NewMessages, count);
        return [.. entries.Select(e => (e.Id, Parse((string)e["progress"]!)!)).Where(pair => pair.Item2 is not null)];
    }

    public Task AcknowledgeRelayedAsync(string group, IEnumerable<RedisValue> ids) =>
        Db.StreamAcknowledgeAsync(ProgressStream, group, [.. ids]);

    private IDatabase Db => RedisDatabase.Of(redis, options.Value);

    public static RunProgress? Parse(string json) => JsonSerializer.Deserialize(json, MessagingJson.Default.RunProgress);

    /// <summary>Asks whichever worker plays the run to stop it.</summary>
    public async Task RequestCancelAsync(long runId)
    {
        await Db.StringSetAsync(CancelKey(runId), "1", KeepFor);
        await redis.GetSubscriber().PublishAsync(CancelChannel, runId.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<bool> IsCancelRequestedAsync(long runId) => await Db.KeyExistsAsync(CancelKey(runId));

    /// <summary>Calls <paramref name="onCancel"/> with the run id of every cancellation request from now on.</summary>
    public Task SubscribeCancellationsAsync(Action<long> onCancel) =>
        redis.GetSubscriber().SubscribeAsync(CancelChannel, (_, message) =>
        {
            if (long.TryParse(message.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var runId))
            {
                onCancel(runId);
            }
        });
}
