namespace RlGameTester.Api.Tests;

/// <summary>The Api and the Analysis service side by side, sharing a database, a queue and blob storage, for one test class.</summary>
public sealed class ApiWithAnalysis : IAsyncLifetime
{
    private AnalysisHost? _analysis;

    public ApiFactory Api { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Api.InitializeAsync();
        _analysis = new AnalysisHost(Api);
        // Starting the host starts its queue consumers.
        _ = _analysis.Services;
    }

    public async ValueTask DisposeAsync()
    {
        if (_analysis is not null)
        {
            await _analysis.DisposeAsync();
        }

        await Api.DisposeAsync();
    }
}
