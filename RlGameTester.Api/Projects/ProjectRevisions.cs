using Microsoft.EntityFrameworkCore;
using RlGameTester.Data;
using RlGameTester.Data.Maps;
using RlGameTester.Data.Projects;

namespace RlGameTester.Api.Projects;

/// <summary>
/// Numbers the levels of an upload into a project: a level whose latest revision is another map gets the next revision;
/// one whose latest revision is this same map (the same file uploaded again) gets none. The project's row is locked while
/// it numbers, so two uploads at once never take the same number, and a project deleted meanwhile is seen as gone.
/// </summary>
internal sealed class ProjectRevisions(RlgtDbContext db, TimeProvider clock)
{
    public Task<bool> ExistsAsync(long projectId, CancellationToken cancellationToken) =>
        db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken);

    /// <summary>The revision of each map in the project after the upload (by map id), or null when the project is gone.</summary>
    public async Task<Dictionary<long, int>?> RecordAsync(long projectId, IReadOnlyList<Map> maps, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Database.SqlQuery<long>($"SELECT id AS \"Value\" FROM projects WHERE id = {projectId} FOR UPDATE").ToListAsync(cancellationToken);
        if (locked.Count == 0)
        {
            return null;
        }

        var names = maps.Select(m => m.LevelName ?? m.Name).ToList();
        var latest = await db.LevelRevisions.AsNoTracking()
            .Where(r => r.ProjectId == projectId && names.Contains(r.LevelName))
            .GroupBy(r => r.LevelName)
            .Select(g => g.OrderByDescending(r => r.Revision).First())
            .ToDictionaryAsync(r => r.LevelName, StringComparer.Ordinal, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var revisions = new Dictionary<long, int>();
        foreach (var map in maps)
        {
            var level = map.LevelName ?? map.Name;
            if (latest.TryGetValue(level, out var last) && last.MapId == map.Id)
            {
                revisions[map.Id] = last.Revision;
                continue;
            }

            var revision = new LevelRevision { ProjectId = projectId, LevelName = level, Revision = (last?.Revision ?? 0) + 1, MapId = map.Id, CreatedAt = now };
            db.LevelRevisions.Add(revision);
            revisions[map.Id] = revision.Revision;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return revisions;
    }
}
