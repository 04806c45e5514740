namespace RlGameTester.Api.Runs;

/// <summary>Placeholder until the run queue exists: records nothing, returns the task id.</summary>
internal sealed class LoggingRunDispatcher : IRunDispatcher
{
    public Task<string> DispatchAsync(long runId, CancellationToken cancellationToken) => Task.FromResult($"run-{runId}");

    public Task CancelAsync(long runId, CancellationToken cancellationToken) => Task.CompletedTask;
}
