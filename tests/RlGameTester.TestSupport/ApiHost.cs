using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RlGameTester.TestSupport;

/// <summary>
/// The real Api in memory, on a database of its own on the test PostgreSQL server, with the test Redis and Azurite.
/// The migrator runs when the host starts, as it does in production. Generic in the Api's entry point, so a test
/// project that also references another service with a top-level <c>Program</c> names the Api's through an alias.
/// A test project's fixture derives from it and adds xunit's <c>IAsyncLifetime</c> (this project has no xunit).
/// </summary>
public class ApiHost<TProgram> : WebApplicationFactory<TProgram> where TProgram : class
{
    private TestDatabase? _database;
    private string? _defaultKey;

    public string DatabaseConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Creates the database, starts the Api on it and makes the default key.</summary>
    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        // Starting the server applies the migrations before any test sends a request.
        _ = Server;
        // Clients send an admin and service key unless a test asks for other roles (ClientWithRolesAsync).
        (_, _defaultKey) = await ApiKeys.AddAsync(DatabaseConnectionString, "admin,service");
    }

    /// <summary>A client whose key has these roles (comma-separated), made for it.</summary>
    public async Task<HttpClient> ClientWithRolesAsync(string roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove(ApiKeys.Header);
        client.DefaultRequestHeaders.Add(ApiKeys.Header, await KeyWithRolesAsync(roles));
        return client;
    }

    /// <summary>A new key with these roles (comma-separated).</summary>
    public async Task<string> KeyWithRolesAsync(string roles) => (await ApiKeys.AddAsync(DatabaseConnectionString, roles, roles)).Key;

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (_defaultKey is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeys.Header, _defaultKey);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:rlgt", DatabaseConnectionString);
        // Each host has its own database, so run ids repeat across hosts: keys and channels are kept apart too.
        builder.UseSetting("ConnectionStrings:redis", TestServers.RedisFor(1, $"{_database!.Name}-"));
        builder.UseSetting("ConnectionStrings:blobs", TestServers.Blobs);
        builder.UseSetting("Queue:KeyPrefix", $"{_database!.Name}:");
        builder.UseSetting("Maps:ImportFolder", Fixtures.Wads);
        // Tests share a key and send thousands of requests; RateLimitTests set small limits of their own.
        builder.UseSetting("RateLimits:Requests", "1000000");
        // No Worker plays the runs the tests start: they stay running.
        builder.UseSetting("RateLimits:RunsAtOnce", "10000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:StackExchange.Redis", "None");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
