using Microsoft.EntityFrameworkCore;
using RlGameTester.Data;
using RlGameTester.TestSupport;

namespace RlGameTester.Analysis.Tests;

/// <summary>A test class with a database of its own on the test server, migrated to the current schema and dropped afterwards.</summary>
public abstract class DatabaseTest : IAsyncLifetime
{
    private TestDatabase? _database;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    protected string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Token);
        await using var db = Db();
        await db.Database.MigrateAsync(Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected RlgtDbContext Db() => new(new DbContextOptionsBuilder<RlgtDbContext>()
        .UseNpgsql(ConnectionString).UseSnakeCaseNamingConvention().Options);
}
