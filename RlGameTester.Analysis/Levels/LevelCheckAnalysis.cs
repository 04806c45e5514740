using Microsoft.EntityFrameworkCore;
using RlGameTester.Analysis.Rendering;
using RlGameTester.Analysis.Reports;
using RlGameTester.Analysis.Shots;
using RlGameTester.Data;
using RlGameTester.Data.Blobs;
using RlGameTester.Data.Bugs;
using RlGameTester.Domain.Bugs;
using RlGameTester.Domain.Levels;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Wad;
using RlGameTester.Messaging.Jobs;
using RlGameTester.Messaging.Queue;

namespace RlGameTester.Analysis.Levels;

/// <summary>
/// Checks every level of an uploaded WAD like a map editor's analysis mode and stores the findings as
/// bugs of their maps (source <c>static</c>), replacing earlier ones (the designers' marks follow them: <see cref="TriageCarry"/>);
/// then each level's report is written
/// (<paramref name="reports"/>: null only where a test checks the levels alone). Findings with an element get a
/// screenshot first (<paramref name="shots"/>: null where a test checks without them).
/// </summary>
internal sealed partial class LevelCheckAnalysis(RlgtDbContext db, BlobStore blobs, Iwads iwads, LevelImages images, TimeProvider clock, ILogger<LevelCheckAnalysis> logger,
    ReportWriter? reports = null, FindingShots? shots = null)
    : IJobHandler<CheckWad>
{
    Task IJobHandler<CheckWad>.HandleAsync(CheckWad job, JobLease lease, CancellationToken cancellationToken) =>
        CheckAsync(job.FileHash, job.LoadHash, cancellationToken);

    public async Task CheckAsync(string fileHash, string loadHash, CancellationToken cancellationToken)
    {
        var maps = await db.Maps.AsNoTracking().Where(m => m.FileHash == fileHash && m.LoadHash == loadHash)
            .Select(m => new { m.Id, m.LevelName, m.BlobName, m.Iwad, m.Resources, m.Compatibility }).ToListAsync(cancellationToken);
        if (maps.Count == 0 || maps[0].BlobName is not { } blobName)
        {
            LogGone(logger, fileHash);
            return;
        }

        var bytes = await blobs.DownloadBytesAsync(BlobStore.Wads, blobName, cancellationToken)
            ?? throw new InvalidOperationException($"The file {blobName} of maps {string.Join(", ", maps.Select(m => m.Id))} is missing from blob storage.");

        var wad = WadFile.Read(bytes);
        // The Api refused the file on upload if it passed its limits (Maps settings), whatever they are set to.
        var levels = LevelReader.ReadAll(wad, LevelLimits.Accepted);
        var load = LoadOrder.From(maps[0].Iwad, maps[0].Resources, maps[0].Compatibility);
        var resources = await new LoadOrderResources(blobs, iwads).ResolveAsync(wad, levels.Select(l => l.Name), load, cancellationToken);
        var options = new CheckOptions { Compatibility = load.Compatibility };
        var now = clock.GetUtcNow().UtcDateTime;

        // Checked and drawn before the maps are locked: the checks and the screenshots are the slow part, and a map
        // deleted meanwhile only leaves its bugs unsaved (its images go with the file).
        var entries = LevelDirectory.Find(wad);
        var checkedLevels = new List<(long MapId, string Level, List<Bug> Bugs)>();
        foreach (var level in levels)
        {
            var map = maps.FirstOrDefault(m => m.LevelName == level.Name);
            if (map is null)
            {
                continue;
            }

            var findings = LevelChecker.Check(level, resources, new LevelGeometry(level), options);
            var bugs = findings.Select(f => ToBug(map.Id, f, now)).ToList();
            if (shots is not null)
            {
                var entry = entries.LastOrDefault(e => e.Name == level.Name);
                await shots.ShootLevelAsync(ShotNames.LevelPrefix(fileHash, loadHash, level.Name), level, entry, resources, bugs, cancellationToken);
            }

            checkedLevels.Add((map.Id, level.Name, bugs));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Maps of the file deleted since they were read are left out (SubjectLocks says why they are locked first).
        var mapIds = (await db.LockMapsAsync(maps.ConvertAll(m => m.Id), cancellationToken)).ToList();
        maps.RemoveAll(m => !mapIds.Contains(m.Id));
        var triage = new TriageCarry(db);
        var marked = await triage.MarkedAsync(mapIds, cancellationToken);
        await db.Bugs.Where(b => mapIds.Contains(b.MapId) && b.DetectionSource == DetectionSource.Static).ExecuteDeleteAsync(cancellationToken);
        var stored = checkedLevels.Where(c => mapIds.Contains(c.MapId)).SelectMany(c => c.Bugs).ToList();

        // Marks follow the findings (a level checked again keeps them; a revision takes the previous one's).
        TriageCarry.Keep(marked, stored);
        db.Bugs.AddRange(stored);
        await db.SaveChangesAsync(cancellationToken);
        await db.Maps.Where(m => mapIds.Contains(m.Id)).ExecuteUpdateAsync(set => set.SetProperty(m => m.CheckedAt, now), cancellationToken);
        await triage.CarryAsync(mapIds, cancellationToken);
        if (shots is not null)
        {
            // Views of findings an earlier check made that this one did not; still under the lock, so none of a later check's.
            foreach (var (_, level, bugs) in checkedLevels)
            {
                await shots.ForgetOthersAsync(ShotNames.LevelPrefix(fileHash, loadHash, level), bugs, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        LogChecked(logger, fileHash, levels.Count, stored.Count);
        await images.DrawAsync(fileHash, levels, cancellationToken);
        if (reports is not null)
        {
            await reports.LevelsCheckedAsync(mapIds, cancellationToken);
        }
    }

    private static Bug ToBug(long mapId, Finding finding, DateTime now) => new()
    {
        MapId = mapId,
        BugType = FindingTypes.OfCheck(finding.Check),
        Severity = BugSeverities.From(finding.Severity),
        DetectionSource = DetectionSource.Static,
        CheckName = finding.Check,
        Title = finding.Message.Length <= 255 ? finding.Message : finding.Message[..252] + "...",
        Description = finding.Message,
        Confidence = 1,
        PositionX = finding.X,
        PositionY = finding.Y,
        ElementKind = finding.Element.WireName(),
        ElementIndex = finding.Index,
        DetectedAt = now,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "No maps of file {FileHash} are left to check")]
    private static partial void LogGone(ILogger logger, string fileHash);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checked file {FileHash}: {Levels} level(s), {Findings} finding(s)")]
    private static partial void LogChecked(ILogger logger, string fileHash, int levels, int findings);
}
