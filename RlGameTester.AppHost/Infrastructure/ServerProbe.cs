using Npgsql;
using StackExchange.Redis;

namespace RlGameTester.AppHost.Infrastructure;

/// <summary>One round trip in each server's own protocol: the proof that it serves, not just listens.</summary>
internal static class ServerProbe
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static async Task Postgres(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Timeout = 5, Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public static async Task Redis(string connectionString, CancellationToken cancellationToken)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 5000;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        await connection.GetDatabase().PingAsync();
    }

    /// <summary>Any HTTP answer from the blob endpoint (even 403 for an unsigned request) proves Azurite serves.</summary>
    public static async Task Blobs(string connectionString, CancellationToken cancellationToken)
    {
        var endpoint = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0].Equals("BlobEndpoint", StringComparison.OrdinalIgnoreCase))
            .Select(pair => pair[1])
            .FirstOrDefault() ?? throw new InvalidOperationException("The blob connection string has no BlobEndpoint.");
        using var response = await Http.GetAsync(new Uri($"{endpoint.TrimEnd('/')}?comp=list"), cancellationToken);
    }
}
