using Microsoft.Extensions.Logging;
using Npgsql;
using RlGameTester.TestSupport;

namespace RlGameTester.Api.Tests;

/// <summary>A newcomer's first start, on an empty database, shows no failure in the logs.</summary>
public sealed class FirstStartTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFirstStartOnAnEmptyDatabaseMigratesItAndLogsNoError()
    {
        var logs = new LogCollector(LogLevel.Error);
        await using (var api = new ApiFactory { Logs = logs })
        {
            await api.InitializeAsync();
            (await api.CreateClient().GetAsync("/health", Token)).EnsureSuccessStatusCode();

            // The migrations were applied: the history table lists them.
            await using var connection = new NpgsqlConnection(api.DatabaseConnectionString);
            await connection.OpenAsync(Token);
            await using var count = new NpgsqlCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"", connection);
            Assert.True((long)(await count.ExecuteScalarAsync(Token))! > 0);
        }

        Assert.True(logs.Entries.Count == 0, "The first start logged errors:\n" + LogCollector.Describe(logs.Entries));
    }
}
