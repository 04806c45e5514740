using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
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
    private string? _defaultKey;

    /// <summary>The one web origin CORS lets call the Api.</summary>
    public const string AllowedOrigin = "https://levels.example";

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
        // Each factory has its own database, so run ids repeat across factories: keys and channels are kept apart too.
        builder.UseSetting("ConnectionStrings:redis", TestServers.RedisFor(1, $"{_database!.Name}-"));
        builder.UseSetting("ConnectionStrings:blobs", TestServers.Blobs);
        builder.UseSetting("Queue:KeyPrefix", $"{_database!.Name}:");
        builder.UseSetting("Maps:ImportFolder", Fixtures.Wads);
        builder.UseSetting("Maps:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Authentication:Jwt:Authority", TestTokens.Issuer);
        builder.UseSetting("Authentication:Jwt:Audience", TestTokens.Audience);
        builder.UseSetting("Cors:Origins:0", AllowedOrigin);
        // Entra ID cannot be reached from here: its signing key and issuer are given to the real JwtBearer handler
        // instead of fetched from the authority's metadata. Everything else (signature, lifetime, audience) it checks.
        builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, TestTokens.Configure));
        // Tests share a key and send thousands of requests; RateLimitTests set small limits of their own.
        builder.UseSetting("RateLimits:Requests", "1000000");
        // No Worker plays the runs the tests start: they stay running.
        builder.UseSetting("RateLimits:RunsAtOnce", "10000");
        // The tests read each check's reason, which a deployment keeps to itself.
        builder.UseSetting("Health:Detailed", "true");
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
