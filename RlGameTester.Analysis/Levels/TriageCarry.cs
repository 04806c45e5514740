using Microsoft.EntityFrameworkCore;
using RlGameTester.Data;
using RlGameTester.Data.Bugs;
using RlGameTester.Domain.Bugs;

namespace RlGameTester.Analysis.Levels;

/// <summary>
/// Designers' triage marks follow a finding (the same check, element and place: <see cref="FindingMatch"/>) as a level's
/// findings are stored. A level checked again keeps its findings' marks as they were. A revision of a level in a project
/// takes the marks of the same findings of the previous revision, each naming the finding it came from; a finding that
/// changed is another finding and starts unmarked.
/// </summary>
/// <remarks>
/// Two revisions' checks may be queued at once and stored in either order. Whichever of the two is stored last carries:
/// storing a revision carries from the one before it, and on into the revisions after it that are stored already (into
/// their findings nobody has marked, so a mark made on a later revision is never overwritten). The projects are locked
/// first, so two revisions of one project are never carried between at the same time, each blind to the other's
/// uncommitted findings.
/// </remarks>
internal sealed class TriageCarry(RlgtDbContext db)
{
    /// <summary>The marked findings of the maps, to be read before they are replaced.</summary>
    public Task<List<Bug>> MarkedAsync(IReadOnlyCollection<long> mapIds, CancellationToken cancellationToken) =>
        db.Bugs.AsNoTracking()
            .Where(b => mapIds.Contains(b.MapId) && b.DetectionSource == DetectionSource.Static && b.Triage != null)
            .ToListAsync(cancellationToken);

    /// <summary>Gives the new findings of each map the marks of the same findings among those they replace.</summary>
    public static void Keep(IReadOnlyList<Bug> replaced, IReadOnlyList<Bug> stored)
    {
        foreach (var map in stored.GroupBy(b => b.MapId))
        {
            foreach (var (found, earlier) in FindingMatch.Pair([.. replaced.Where(b => b.MapId == map.Key)], [.. map]))
            {
                found.Triage ??= earlier?.Triage;
            }
        }
    }

    /// <summary>
    /// Carries marks into the maps' stored findings from their previous revisions, and from them into later revisions
    /// already checked; in the transaction that stored the findings, before it commits.
    /// </summary>
    public async Task CarryAsync(IReadOnlyCollection<long> mapIds, CancellationToken cancellationToken)
    {
        var revisions = await db.LevelRevisions.AsNoTracking().Where(r => mapIds.Contains(r.MapId)).ToListAsync(cancellationToken);
        if (revisions.Count == 0)
        {
            return;
        }

        var projects = revisions.Select(r => r.ProjectId).Distinct().Order().ToArray();
        await db.Database.SqlQuery<long>($"SELECT id AS \"Value\" FROM projects WHERE id = ANY({projects}) ORDER BY id FOR NO KEY UPDATE")
            .ToListAsync(cancellationToken);
        foreach (var revision in revisions)
        {
            var chain = await db.LevelRevisions.AsNoTracking()
                .Where(r => r.ProjectId == revision.ProjectId && r.LevelName == revision.LevelName && r.Revision >= revision.Revision - 1)
                .OrderBy(r => r.Revision)
                .Select(r => new { r.Revision, r.MapId, r.Map!.CheckedAt })
                .ToListAsync(cancellationToken);
            if (chain[0].Revision < revision.Revision)
            {
                await CarryAsync(chain[0].MapId, revision.MapId, cancellationToken);
            }

            var from = revision.MapId;
            foreach (var later in chain.Where(r => r.Revision > revision.Revision).TakeWhile(r => r.CheckedAt is not null))
            {
                await CarryAsync(from, later.MapId, cancellationToken);
                from = later.MapId;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task CarryAsync(long fromMapId, long toMapId, CancellationToken cancellationToken)
    {
        // A level that went back to an earlier content is the earlier map again: its findings are its own already.
        if (fromMapId == toMapId)
        {
            return;
        }

        // Tracked: the findings just stored are these same objects, and what is carried into them is saved with them.
        var before = await db.Bugs.LevelFindings(fromMapId).ToListAsync(cancellationToken);
        var after = await db.Bugs.LevelFindings(toMapId).ToListAsync(cancellationToken);
        foreach (var (found, earlier) in FindingMatch.Pair(before, after))
        {
            if (found.Triage is null && earlier?.Triage is { } mark)
            {
                found.Triage = mark.CarriedFrom(earlier);
            }
        }
    }
}
