using Microsoft.EntityFrameworkCore;
using Npgsql;
using RlGameTester.Data;
using RlGameTester.Data.Bugs;
using RlGameTester.Data.Maps;
using RlGameTester.Data.Runs;
using RlGameTester.Domain.Bugs;

namespace RlGameTester.Analysis.Tests;

/// <summary>
/// A level deleted while the Analysis service replaces its run's bugs (or report): the writer's locks, taken in the
/// deletion's order, make the deletion wait for the writer instead of PostgreSQL aborting one of them as a deadlock.
/// </summary>
public sealed class SubjectLocksTests : DatabaseTest
{
    [Fact]
    public async Task AMapDeletedWhileAWriterReplacesItsRunsBugsWaitsForTheWriterInsteadOfDeadlocking()
    {
        var (mapId, runId) = await SeedAsync();

        await using var writer = Db();
        await using var transaction = await writer.Database.BeginTransactionAsync(Token);
        Assert.Equal(mapId, await writer.LockRunAsync(runId, Token));
        // The old rows out, as a rerun of the analysis does: the writer now holds the run's bug rows.
        Assert.Equal(1, await writer.Bugs.Where(b => b.RunId == runId).ExecuteDeleteAsync(Token));

        await using var deleter = Db();
        var deletion = deleter.Maps.Where(m => m.Id == mapId).ExecuteDeleteAsync(Token);
        await WaitUntilWaitingOnALockAsync("DELETE FROM maps");

        // The new rows' foreign keys need the map and the run again. Without the locks taken first, the deletion would
        // hold them by now and wait for the old bug rows: each waiting on the other.
        writer.Bugs.Add(Bug(runId, mapId, "replacement"));
        await writer.SaveChangesAsync(Token);
        await transaction.CommitAsync(Token);

        Assert.Equal(1, await deletion);
        await using var read = Db();
        Assert.False(await read.Runs.AnyAsync(r => r.Id == runId, Token));
        Assert.False(await read.Bugs.AnyAsync(b => b.MapId == mapId, Token));
    }

    [Fact]
    public async Task AWriterThatComesAfterADeletionFindsItsSubjectGone()
    {
        var (mapId, runId) = await SeedAsync();
        var (otherMapId, otherRunId) = await SeedAsync();
        await using var db = Db();
        await db.Runs.Where(r => r.Id == runId).ExecuteDeleteAsync(Token);
        await db.Maps.Where(m => m.Id == otherMapId).ExecuteDeleteAsync(Token);

        await using var transaction = await db.Database.BeginTransactionAsync(Token);
        Assert.Null(await db.LockRunAsync(runId, Token));
        Assert.Null(await db.LockRunAsync(otherRunId, Token));
        Assert.Equal([mapId], await db.LockMapsAsync([otherMapId, mapId, mapId], Token));
    }

    private async Task<(long MapId, long RunId)> SeedAsync()
    {
        await using var db = Db();
        var map = new Map { Name = "E1M1", LevelName = "E1M1", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Maps.Add(map);
        await db.SaveChangesAsync(Token);
        var run = new Run { MapId = map.Id, CreatedAt = DateTime.UtcNow };
        db.Runs.Add(run);
        await db.SaveChangesAsync(Token);
        db.Bugs.Add(Bug(run.Id, map.Id, "original"));
        await db.SaveChangesAsync(Token);
        return (map.Id, run.Id);
    }

    private static Bug Bug(long runId, long mapId, string title) => new()
    {
        RunId = runId,
        MapId = mapId,
        BugType = BugType.StuckState,
        DetectionSource = DetectionSource.Telemetry,
        Title = title,
        DetectedAt = DateTime.UtcNow,
    };

    /// <summary>Until PostgreSQL shows a statement starting with <paramref name="statement"/> waiting for a lock in this test's database.</summary>
    private async Task WaitUntilWaitingOnALockAsync(string statement)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(Token);
        for (var polls = 0; ; polls++)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE @statement || '%'",
                connection);
            command.Parameters.AddWithValue("statement", statement);
            if ((long)(await command.ExecuteScalarAsync(Token))! > 0)
            {
                return;
            }

            Assert.True(polls < 600, $"'{statement}' never came to wait on a lock");
            await Task.Delay(50, Token);
        }
    }
}
