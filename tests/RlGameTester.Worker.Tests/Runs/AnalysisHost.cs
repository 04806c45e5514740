extern alias analysis;
using analysis::RlGameTester.Analysis.Rendering;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RlGameTester.TestSupport;

namespace RlGameTester.Worker.Tests.Runs;

/// <summary>
/// The real Analysis service in memory (its own Program, found through one of its public types) on the Worker's
/// database, queue and blob storage: it takes the jobs the Worker queues (a run's analysis, its frames' analysis).
/// </summary>
internal sealed class AnalysisHost(string database, string redis, string keyPrefix) : WebApplicationFactory<RenderOptions>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:rlgt", database);
        builder.UseSetting("ConnectionStrings:redis", redis);
        builder.UseSetting("ConnectionStrings:blobs", TestServers.Blobs);
        builder.UseSetting("Queue:KeyPrefix", keyPrefix);
        builder.UseSetting("Queue:PollInterval", "00:00:00.050");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:StackExchange.Redis", "None");
    }

    /// <summary>Builds and starts the host (its queue consumers).</summary>
    public AnalysisHost Start()
    {
        _ = Services;
        return this;
    }
}
