using Microsoft.AspNetCore.SignalR;
using RlGameTester.Messaging.Runs;
using StackExchange.Redis;

namespace RlGameTester.Api.Progress;

/// <summary>
/// Relays the workers' progress stream to the hub's run groups. The stream is read through a consumer group,
/// so with several Api replicas each update is relayed once; SignalR's Redis backplane then reaches the
/// clients of every replica.
/// </summary>
internal sealed partial class ProgressRelay(IConnectionMultiplexer redis, IHubContext<RunsHub> hub, ILogger<ProgressRelay> logger) : BackgroundService
{
    private const string Group = "api-hub";
    private readonly string _consumer = $"{Environment.MachineName}-{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var db = redis.GetDatabase();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EnsureGroupAsync(db);
                var entries = await db.StreamReadGroupAsync(RunChannels.ProgressStream, Group, _consumer, StreamPosition.NewMessages, count: 100);
                if (entries.Length == 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), stoppingToken);
                    continue;
                }

                foreach (var entry in entries)
                {
                    if (RunChannels.Parse((string)entry["progress"]!) is { } progress)
                    {
                        await hub.Clients.Group(RunsHub.Group(progress.RunId)).SendAsync(RunsHub.ProgressMethod, progress, stoppingToken);
                    }
                }

                await db.StreamAcknowledgeAsync(RunChannels.ProgressStream, Group, [.. entries.Select(e => e.Id)]);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException or System.Text.Json.JsonException)
            {
                LogRelayFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private static async Task EnsureGroupAsync(IDatabase db)
    {
        try
        {
            await db.StreamCreateConsumerGroupAsync(RunChannels.ProgressStream, Group, StreamPosition.NewMessages, createStream: true);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Exists.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relaying run progress failed; retrying")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);
}
