namespace RlGameTester.Worker.Runs;

/// <summary>The cancellation of one run's work in this process.</summary>
public sealed class RunCancellation(CancellationTokenSource source, Action forget) : IDisposable
{
    public CancellationToken Token => source.Token;

    public void Dispose()
    {
        forget();
        source.Dispose();
    }
}
