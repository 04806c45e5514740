using RlGameTester.Domain.Events;
using RlGameTester.Worker.Agents;

namespace RlGameTester.Worker.Tests.Agents.Arnold;

/// <summary>The agent's output port, in memory: keeps every event and lets a test wait for one.</summary>
internal sealed class RecordingSink : IAgentSink
{
    private readonly List<TelemetryEvent> _events = [];
    private readonly List<(Func<TelemetryEvent, bool> Predicate, TaskCompletionSource Signal)> _waiters = [];

    public IReadOnlyList<TelemetryEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public ValueTask EmitAsync(TelemetryEvent telemetryEvent, CancellationToken cancellationToken)
    {
        lock (_events)
        {
            _events.Add(telemetryEvent);
            foreach (var (predicate, signal) in _waiters.Where(w => w.Predicate(telemetryEvent)).ToList())
            {
                signal.TrySetResult();
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Completes when an event matching <paramref name="predicate"/> has arrived (or already had).</summary>
    public Task WaitForAsync(Func<TelemetryEvent, bool> predicate)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_events)
        {
            if (_events.Any(predicate))
            {
                signal.TrySetResult();
            }
            else
            {
                _waiters.Add((predicate, signal));
            }
        }

        return signal.Task;
    }
}
