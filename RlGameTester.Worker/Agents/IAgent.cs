namespace RlGameTester.Worker.Agents;

/// <summary>
/// Something that plays a level and reports what happened as telemetry: the built-in explorer, or Arnold.
/// Runs choose one by <see cref="Name"/>.
/// </summary>
public interface IAgent
{
    /// <summary>The name a run uses to choose this agent (<c>explorer</c>, <c>arnold</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Plays the run to its end, its limit or cancellation, emitting every event through <paramref name="sink"/>
    /// in order. Cancellation must stop the agent (and any process it started) within seconds.
    /// </summary>
    Task<AgentResult> RunAsync(AgentRun run, IAgentSink sink, CancellationToken cancellationToken);
}
