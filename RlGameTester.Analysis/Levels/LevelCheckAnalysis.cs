using Microsoft.EntityFrameworkCore;
using RlGameTester.Analysis.Rendering;
using RlGameTester.Analysis.Reports;
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
/// (<paramref name="reports"/>: null only where a test checks the levels alone).
/// </summary>
internal sealed partial class LevelCheckAnalysis(RlgtDbContext db, BlobStore blobs, Iwads iwads, LevelImages images, TimeProvider clock, ILogger<LevelCheckAnalysis> logger, ReportWriter? reports = null)
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
        var resources = await ResourcesAsync(wad, levels, load, cancellationToken);
        var options = new CheckOptions { Compatibility = load.Compatibility };
        var now = clock.GetUtcNow().UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Maps of the file deleted since they were read are left out (SubjectLocks says why they are locked first).
        var mapIds = (await db.LockMapsAsync(maps.ConvertAll(m => m.Id), cancellationToken)).ToList();
        maps.RemoveAll(m => !mapIds.Contains(m.Id));
        var triage = new TriageCarry(db);
        var marked = await triage.MarkedAsync(mapIds, cancellationToken);
        await db.Bugs.Where(b => mapIds.Contains(b.MapId) && b.DetectionSource == DetectionSource.Static).ExecuteDeleteAsync(cancellationToken);
        var stored = new List<Bug>();
        foreach (var level in levels)
        {
            var map = maps.FirstOrDefault(m => m.LevelName == level.Name);
            if (map is null)
            {
                continue;
            }

            var findings = LevelChecker.Check(level, resources, new LevelGeometry(level), options);
            stored.AddRange(findings.Select(f => ToBug(map.Id, f, now)));
        }

        // Marks follow the findings (a level checked again keeps them; a revision takes the previous one's).
        TriageCarry.Keep(marked, stored);
        db.Bugs.AddRange(stored);
        await db.SaveChangesAsync(cancellationToken);
        await db.Maps.Where(m => mapIds.Contains(m.Id)).ExecuteUpdateAsync(set => set.SetProperty(m => m.CheckedAt, now), cancellationToken);
        await triage.CarryAsync(mapIds, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogChecked(logger, fileHash, levels.Count, stored.Count);
        await images.DrawAsync(fileHash, levels, cancellationToken);
        if (reports is not null)
        {
            await reports.LevelsCheckedAsync(mapIds, cancellationToken);
        }
    }

    /// <summary>
    /// What the levels resolve through, as a port loads the files: the file itself, its resource WADs from the last loaded
    /// to the first, then the IWAD it named (or the one its level names call for).
    /// </summary>
    private async Task<ResourceSet> ResourcesAsync(WadFile wad, IReadOnlyList<Level> levels, LoadOrder load, CancellationToken cancellationToken)
    {
        var layers = new List<WadResources> { WadResources.From(wad) };
        foreach (var hash in load.Resources.Reverse())
        {
            var bytes = await blobs.DownloadBytesAsync(BlobStore.Wads, $"{hash}.wad", cancellationToken)
                ?? throw new InvalidOperationException($"The resource WAD {hash}.wad is missing from blob storage.");
            layers.Add(WadResources.From(WadFile.Read(bytes), $"{hash}.wad"));
        }

        var iwad = load.Iwad is { } named
            ? iwads.Named(named) ?? throw new InvalidOperationException($"The IWAD {named} the upload named is no longer in the server's IWAD folder.")
            : iwads.For(wad, levels.Select(l => l.Name));
        if (iwad is not null)
        {
            layers.Add(iwad);
        }

        return new ResourceSet(layers);
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
