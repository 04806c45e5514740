using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using RlGameTester.TestSupport;

namespace RlGameTester.Api.Tests.Frames;

/// <summary>
/// The real Api with small frame limits a test can pass, on a database of its own. Frame blobs are named by run id and
/// the test Azurite is shared, so this database's run ids start at a random place far from every other test's.
/// </summary>
public sealed class FramesApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const int MaxFrames = 40;
    public const long MaxRequestBytes = 6L * 1024 * 1024;
    public const long MaxFrameBytes = 1024 * 1024;
    public const int MaxWidth = 1024;
    public const int MaxHeight = 768;
    public const int MaxArchiveEntries = 100;

    private TestDatabase? _database;
    private string? _defaultKey;

    public string DatabaseConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _ = Server;
        // Clients send an admin and service key unless a test asks for other roles (ClientWithRolesAsync).
        (_, _defaultKey) = await ApiKeys.AddAsync(DatabaseConnectionString, "admin,service");
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync();
        await using var restart = new NpgsqlCommand($"ALTER TABLE runs ALTER COLUMN id RESTART WITH {Random.Shared.NextInt64(1_000_000_000, 9_000_000_000)}", connection);
        await restart.ExecuteNonQueryAsync();
    }

    /// <summary>A client whose key has these roles (comma-separated), made for it.</summary>
    public async Task<HttpClient> ClientWithRolesAsync(string roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove(ApiKeys.Header);
        client.DefaultRequestHeaders.Add(ApiKeys.Header, (await ApiKeys.AddAsync(DatabaseConnectionString, roles, roles)).Key);
        return client;
    }

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
        builder.UseSetting("ConnectionStrings:redis", TestServers.RedisFor(1, $"{_database!.Name}-"));
        builder.UseSetting("ConnectionStrings:blobs", TestServers.Blobs);
        builder.UseSetting("Queue:KeyPrefix", $"{_database!.Name}:");
        builder.UseSetting("Frames:MaxFramesPerRequest", MaxFrames.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Frames:MaxRequestBytes", MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Frames:MaxFrameBytes", MaxFrameBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Frames:MaxWidth", MaxWidth.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Frames:MaxHeight", MaxHeight.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Frames:MaxArchiveEntries", MaxArchiveEntries.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // One decode at once, so a test can hold the slot and see an upload wait for it.
        builder.UseSetting("Frames:MaxConcurrentDecodes", "1");
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
    }
}
