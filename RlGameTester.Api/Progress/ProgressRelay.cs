using Microsoft.AspNetCore.SignalR;
using RlGameTester.Messaging.Runs;
using StackExchange.Redis;

namespace RlGameTester.Api.Progress;

/// <summary>
/// Relays the workers' progress stream to the hub's run groups. The stream is read through a consumer group,
/// so with several Api replicas each update is relayed once; SignalR's Redis backplane then reaches the
/// clients of every replica.
/// </summary>
internal sealed partial class ProgressRelay(RunChannels channels, IHubContext<RunsHub> hub, ILogger<ProgressRelay> logger) : BackgroundService
{
    private const string Group = "api-hub";
    private readonly string _consumer = $"{Environment.MachineName}-{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await channels.ReadForRelayAsync(Group, _consumer, 100);
                if (updates.Count == 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), stoppingToken);
                    continue;
                }

                foreach (var (_, progress) in updates)
                {
                    await hub.Clients.Group(RunsHub.Group(progress.RunId)).SendAsync(RunsHub.ProgressMethod, progress, stoppingToken);
                }

                await channels.AcknowledgeRelayedAsync(Group, updates.Select(u => u.Id));
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relaying run progress failed; retrying")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);
}
