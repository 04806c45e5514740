namespace RlGameTester.Api.Runs;

/// <summary>Hands started runs to the workers and tells them about cancellations.</summary>
public interface IRunDispatcher
{
    /// <summary>Queues run <paramref name="runId"/> for a worker to play; returns the task id clients can quote.</summary>
    Task<string> DispatchAsync(long runId, CancellationToken cancellationToken);

    /// <summary>Queues the import of an uploaded agent log (in the logs container) into run <paramref name="runId"/>'s events.</summary>
    Task<string> DispatchLogImportAsync(long runId, string logBlob, CancellationToken cancellationToken);

    /// <summary>Tells whichever worker plays run <paramref name="runId"/> to stop.</summary>
    Task CancelAsync(long runId, CancellationToken cancellationToken);
}
