using Microsoft.EntityFrameworkCore;

namespace RlGameTester.Data;

/// <summary>
/// Row locks that keep a level, or a run and its level, from being deleted while a transaction replaces the rows that
/// hang off it (bugs, metrics, reports, events). Call them inside the transaction, before its first write.
/// </summary>
/// <remarks>
/// Deleting a map locks the map's row first and then, through <c>ON DELETE CASCADE</c>, its runs and their rows; deleting
/// a run locks the run and then its rows. A writer that first deleted a run's old bugs and then inserted new ones (whose
/// foreign keys lock the map and the run) took the same rows in the other order, and PostgreSQL had to abort one of the
/// two: a deadlock. Taking <c>FOR KEY SHARE</c> on the map, then on the run, before touching anything else puts every
/// writer in the deleters' order: a deletion that arrives meanwhile waits for the writer's commit, and a writer that
/// arrives after a deletion sees its subject gone. <c>FOR KEY SHARE</c> blocks only deletions (and key changes): status
/// updates and other writers of the same run go on.
/// </remarks>
public static class SubjectLocks
{
    /// <summary>Locks the run's map, then the run. Returns the run's map id, or null when the run (or its map) is gone.</summary>
    public static async Task<long?> LockRunAsync(this RlgtDbContext db, long runId, CancellationToken cancellationToken)
    {
        // A run never moves to another map, so its map id read without a lock stays right.
        var mapId = await db.Runs.AsNoTracking().Where(r => r.Id == runId).Select(r => (long?)r.MapId).FirstOrDefaultAsync(cancellationToken);
        if (mapId is not { } map || (await LockMapsAsync(db, [map], cancellationToken)).Count == 0)
        {
            return null;
        }

        var runs = await db.Database
            .SqlQuery<long>($"SELECT id AS \"Value\" FROM runs WHERE id = {runId} FOR KEY SHARE")
            .ToListAsync(cancellationToken);
        return runs.Count == 0 ? null : map;
    }

    /// <summary>Locks the maps in id order (so two writers of overlapping sets never wait on each other in a circle); returns the ids still there.</summary>
    public static async Task<IReadOnlyList<long>> LockMapsAsync(this RlgtDbContext db, IReadOnlyCollection<long> mapIds, CancellationToken cancellationToken)
    {
        var ids = mapIds.Distinct().Order().ToArray();
        return await db.Database
            .SqlQuery<long>($"SELECT id AS \"Value\" FROM maps WHERE id = ANY({ids}) ORDER BY id FOR KEY SHARE")
            .ToListAsync(cancellationToken);
    }
}
