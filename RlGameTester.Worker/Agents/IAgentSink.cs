using RlGameTester.Data.Events;

namespace RlGameTester.Worker.Agents;

/// <summary>Where an agent's telemetry goes: batched into the database and summarised as live progress.</summary>
public interface IAgentSink
{
    ValueTask EmitAsync(TelemetryEvent telemetryEvent, CancellationToken cancellationToken);
}
