using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RlGameTester.TestSupport;

namespace RlGameTester.Worker.Tests.Runs;

/// <summary>
/// A real Worker process in memory: its queue consumer, agents and batching sink, against the test
/// PostgreSQL, Redis and Azurite, with tests/FakeArnold standing in for Python.
/// </summary>
internal sealed class WorkerHost(
    string database, string redis, string keyPrefix, string arnoldCheckout, TimeSpan visibility, IReadOnlyDictionary<string, string> fakeArnold,
    IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:rlgt", database);
        builder.UseSetting("ConnectionStrings:redis", redis);
        builder.UseSetting("ConnectionStrings:blobs", TestServers.Blobs);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:RlGameTester", "Information");
        builder.UseSetting("Logging:LogLevel:StackExchange.Redis", "None");
        builder.UseSetting("Queue:VisibilityTimeout", visibility.ToString("c"));
        builder.UseSetting("Queue:PollInterval", "00:00:00.050");
        builder.UseSetting("Queue:KeyPrefix", keyPrefix);
        builder.UseSetting("Worker:BatchSize", "200");
        builder.UseSetting("Agents:Arnold:Path", arnoldCheckout);
        builder.UseSetting("Agents:Arnold:Python", Fixtures.FakeArnold);
        // The tests keep their models beside the Arnold checkout.
        builder.UseSetting("Agents:Arnold:ModelsFolder", Path.GetDirectoryName(arnoldCheckout));
        foreach (var (key, value) in fakeArnold)
        {
            builder.UseSetting($"Agents:Arnold:Environment:{key}", value);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Builds and starts the host (its hosted services: the migrator, then the queue consumer).</summary>
    public WorkerHost Start()
    {
        _ = Services;
        return this;
    }
}
