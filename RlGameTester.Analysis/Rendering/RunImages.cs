using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RlGameTester.Data;
using RlGameTester.Data.Blobs;
using RlGameTester.Domain.Bugs;
using RlGameTester.Domain.Events;
using RlGameTester.Domain.Metrics;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Analysis.Rendering;

/// <summary>
/// Draws a run's image: its level from above (dimmed), the time spent in each place, the path of its stored
/// <c>position</c> events, and its findings that have a place, labelled by bug id (<c>#42</c>), with the level's critical
/// and major static findings beside them. Stored in blob storage (<see cref="BlobStore.RunImageName"/>), replaced when
/// drawn again. A run without positions still gets the level and its markers.
/// </summary>
public sealed partial class RunImages(RlgtDbContext db, BlobStore blobs, IOptions<RenderOptions> options, ILogger<RunImages> logger)
{
    /// <summary>Draws and stores the image; false when there is nothing to draw on (the run is gone, or its map has no level file).</summary>
    public async Task<bool> DrawAsync(long runId, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().Where(r => r.Id == runId)
            .Select(r => new { r.Id, r.MapId, r.Agent, r.Map!.LevelName, r.Map.FileHash, r.Map.BlobName })
            .FirstOrDefaultAsync(cancellationToken);
        if (run is not { LevelName: { } levelName, FileHash: { } fileHash, BlobName: { } blobName })
        {
            LogNoLevel(logger, runId);
            return false;
        }

        var level = await ReadLevelAsync(blobName, levelName, cancellationToken);
        if (level is null)
        {
            LogNoLevel(logger, runId);
            return false;
        }

        var settings = options.Value;
        using var image = new LevelRenderer(settings).Render(level, title: $"{level.Name} - run {run.Id} ({run.Agent})", extraLegend: RunOverlay.LegendEntries);
        using var overlay = new RunOverlay(image, settings);
        var positions = db.Events.AsNoTracking()
            .Where(e => e.RunId == runId && e.EventType == EventType.Position)
            .OrderBy(e => e.Id)
            .Select(e => new { e.Episode, e.Data })
            .AsAsyncEnumerable();
        await foreach (var position in positions.WithCancellation(cancellationToken))
        {
            if (PayloadReader.Pair(position.Data, "x", "y") is ({ } x, { } y))
            {
                overlay.Add(x, y, position.Episode);
            }
        }

        var markers = await MarkersAsync(run.Id, run.MapId, settings, cancellationToken);
        overlay.Draw(image, markers);
        var png = image.EncodePng(settings.PngCompression);
        using (var content = new MemoryStream(png, writable: false))
        {
            await blobs.UploadAsync(BlobStore.Images, BlobStore.RunImageName(fileHash, runId), content, "image/png", cancellationToken);
        }

        LogDrawn(logger, runId, overlay.Positions, markers.Count, png.Length / 1024);
        return true;
    }

    /// <summary>The run's findings that have a place, most severe first, then (optionally) the level's critical and major static ones.</summary>
    private async Task<List<ImageMarker>> MarkersAsync(long runId, long mapId, RenderOptions settings, CancellationToken cancellationToken)
    {
        var ofRun = await db.Bugs.AsNoTracking()
            .Where(b => b.RunId == runId && b.PositionX != null && b.PositionY != null)
            .OrderBy(b => b.Severity).ThenBy(b => b.Id)
            .Take(settings.MaxMarkers)
            .Select(b => new { b.Id, X = b.PositionX!.Value, Y = b.PositionY!.Value, b.Severity })
            .ToListAsync(cancellationToken);
        var markers = ofRun.ConvertAll(b => new ImageMarker($"#{b.Id}", b.X, b.Y, b.Severity));
        if (settings.StaticFindingsOnRuns && markers.Count < settings.MaxMarkers)
        {
            var ofLevel = await db.Bugs.AsNoTracking()
                .Where(b => b.MapId == mapId && b.RunId == null && b.DetectionSource == DetectionSource.Static
                    && (b.Severity == BugSeverity.Critical || b.Severity == BugSeverity.Major) && b.PositionX != null && b.PositionY != null)
                .OrderBy(b => b.Severity).ThenBy(b => b.Id)
                .Take(settings.MaxMarkers - markers.Count)
                .Select(b => new { b.Id, X = b.PositionX!.Value, Y = b.PositionY!.Value, b.Severity })
                .ToListAsync(cancellationToken);
            markers.AddRange(ofLevel.Select(b => new ImageMarker($"#{b.Id}", b.X, b.Y, b.Severity, OfLevel: true)));
        }

        return markers;
    }

    private async Task<Level?> ReadLevelAsync(string blobName, string levelName, CancellationToken cancellationToken)
    {
        if (await blobs.DownloadBytesAsync(BlobStore.Wads, blobName, cancellationToken) is not { } bytes)
        {
            return null;
        }

        var entry = LevelDirectory.Find(WadFile.Read(bytes)).FirstOrDefault(e => e.Name == levelName);
        return entry is null ? null : LevelReader.Read(entry);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: no level file to draw its image on")]
    private static partial void LogNoLevel(ILogger logger, long runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Drew run {RunId}'s image: {Positions} position(s), {Markers} marker(s), {KiB} KiB")]
    private static partial void LogDrawn(ILogger logger, long runId, int positions, int markers, int kiB);
}
