using RlGameTester.Domain.Events;

namespace RlGameTester.Worker.Agents;

/// <summary>Where an agent's telemetry goes: batched into the database and summarised as live progress.</summary>
public interface IAgentSink
{
    ValueTask EmitAsync(TelemetryEvent telemetryEvent, CancellationToken cancellationToken);
}

public static class AgentSinkExtensions
{
    /// <summary>Emits the events in order, then clears the list for the parser's next line.</summary>
    public static async ValueTask EmitAllAsync(this IAgentSink sink, List<TelemetryEvent> events, CancellationToken cancellationToken)
    {
        foreach (var telemetryEvent in events)
        {
            await sink.EmitAsync(telemetryEvent, cancellationToken);
        }

        events.Clear();
    }
}
