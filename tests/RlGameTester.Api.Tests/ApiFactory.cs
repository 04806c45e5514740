using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using RlGameTester.TestSupport;

namespace RlGameTester.Api.Tests;

/// <summary>
/// The real Api in memory, on a database of its own on the test PostgreSQL server, with the test Redis and
/// Azurite. The migrator runs when the host starts, as it does in production.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    /// <summary>Small enough that a test can exceed it; freedoom2.wad (28 MB) still fits.</summary>
    public const long MaxUploadBytes = 40L * 1024 * 1024;

    /// <summary>Receives the host's log entries as well (warnings and above pass the filter below).</summary>
    public ILoggerProvider? Logs { get; init; }

    public string DatabaseConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        // Starting the server applies the migrations before any test sends a request.
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:rlgt", DatabaseConnectionString);
        // Each factory has its own database, so run ids repeat across factories: keys and channels are kept apart too.
        builder.UseSetting("ConnectionStrings:redis", TestServers.RedisFor(1, $"{_database!.Name}-"));
        builder.UseSetting("ConnectionStrings:blobs", TestServers.Blobs);
        builder.UseSetting("Queue:KeyPrefix", $"{_database!.Name}:");
        builder.UseSetting("Maps:ImportFolder", Fixtures.Wads);
        builder.UseSetting("Maps:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:StackExchange.Redis", "None");
        if (Logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
