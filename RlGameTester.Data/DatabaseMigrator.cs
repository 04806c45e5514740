using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;
using Polly.Retry;

namespace RlGameTester.Data;

/// <summary>
/// Brings the database to the latest migration before the service starts serving (hosted services start
/// before Kestrel listens). Every replica of every service runs it; a PostgreSQL advisory lock makes exactly
/// one of them apply the migrations while the others wait, then find nothing left to do.
/// </summary>
internal sealed partial class DatabaseMigrator(IServiceScopeFactory scopes, ILogger<DatabaseMigrator> logger) : IHostedService
{
    // Any fixed 64-bit number, the same in every service: "rlgt" + "migr" in ASCII.
    private const long MigrationLockKey = 0x726C67746D696772;

    private static readonly ResiliencePipeline UntilServerAnswers = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            // Server not up yet, or template1 busy with a concurrent CREATE DATABASE (55006).
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(e =>
                e.IsTransient || e is { InnerException: System.Net.Sockets.SocketException } || e is PostgresException { SqlState: PostgresErrorCodes.ObjectInUse }),
            MaxRetryAttempts = 30,
            Delay = TimeSpan.FromSeconds(1),
            BackoffType = DelayBackoffType.Constant,
        })
        .Build();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RlgtDbContext>();
        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException($"ConnectionStrings:{DataServiceCollectionExtensions.ConnectionName} is not configured.");

        await UntilServerAnswers.ExecuteAsync(async token => await EnsureDatabaseExistsAsync(connectionString, token), cancellationToken);

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);

            // EF's history check on a fresh database reads the missing history table and logs that failed command
            // as an error before it creates the table; creating it first (IF NOT EXISTS) keeps a first start clean.
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                LogApplying(logger, pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }

            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", cancellationToken);
        }
        finally
        {
            // Closing the session also releases the lock if anything above failed.
            await db.Database.CloseConnectionAsync();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Creates the database when the server has none by that name (a fresh local server). The maintenance database is
    /// asked, not the target (a connection to a missing database is a FATAL line in the server's log), and one replica
    /// at a time asks and creates (a race would log "already exists" there). A server that keeps its maintenance
    /// database from this user (a managed one, set up by its owner) is left alone.
    /// </summary>
    private static async Task EnsureDatabaseExistsAsync(string connectionString, CancellationToken cancellationToken)
    {
        var databaseName = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new InvalidOperationException("The database connection string names no database.");
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.InsufficientPrivilege)
        {
            return;
        }

        // Advisory locks belong to one database: this one, in the maintenance database, never meets the migration lock.
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", connection))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", databaseName);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        // Closing the connection releases the lock.
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migration(s): {Migrations}")]
    private static partial void LogApplying(ILogger logger, int count, string migrations);
}
