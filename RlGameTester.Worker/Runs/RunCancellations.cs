using System.Collections.Concurrent;
using RlGameTester.Messaging.Runs;

namespace RlGameTester.Worker.Runs;

/// <summary>
/// Turns cancellation requests published for a run into a cancelled token for whatever this process is
/// doing for that run, within moments of the request.
/// </summary>
public sealed class RunCancellations(RunChannels channels) : IDisposable
{
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _running = new();
    private readonly SemaphoreSlim _subscribe = new(1, 1);
    private bool _subscribed;

    /// <summary>A token cancelled when the run is cancelled or <paramref name="stopping"/> fires. Dispose the result when done.</summary>
    public async Task<RunCancellation> WatchAsync(long runId, CancellationToken stopping)
    {
        await EnsureSubscribedAsync();
        var source = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _running[runId] = source;
        // A request that came before the watch began (the job waited in the queue) counts too.
        if (await channels.IsCancelRequestedAsync(runId))
        {
            await source.CancelAsync();
        }

        return new RunCancellation(source, () => _running.TryRemove(new KeyValuePair<long, CancellationTokenSource>(runId, source)));
    }

    public void Dispose() => _subscribe.Dispose();

    private async Task EnsureSubscribedAsync()
    {
        if (_subscribed)
        {
            return;
        }

        await _subscribe.WaitAsync();
        try
        {
            if (!_subscribed)
            {
                await channels.SubscribeCancellationsAsync(runId =>
                {
                    if (_running.TryGetValue(runId, out var source))
                    {
                        source.Cancel();
                    }
                });
                _subscribed = true;
            }
        }
        finally
        {
            _subscribe.Release();
        }
    }
}
