using Microsoft.EntityFrameworkCore;
using RlGameTester.Analysis.Levels;
using RlGameTester.Data;
using RlGameTester.Data.Blobs;
using RlGameTester.Data.Bugs;
using RlGameTester.Domain.Levels;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Analysis.Shots;

/// <summary>
/// Screenshots of a run's findings (the explorer's "where the play stopped, facing the blocker", a stuck spot, a death
/// by the level): reads the run's level and its load order's resources, then lets <see cref="FindingShots"/> draw them
/// from the places the findings name. A run whose map has no level file gets none.
/// </summary>
internal sealed partial class RunShots(RlgtDbContext db, BlobStore blobs, Iwads iwads, FindingShots shots, ILogger<RunShots> logger)
{
    public async Task ShootAsync(long mapId, long runId, IReadOnlyList<Bug> bugs, CancellationToken cancellationToken)
    {
        if (!bugs.Any(b => b.PositionX is not null && b.PositionY is not null))
        {
            return;
        }

        var map = await db.Maps.AsNoTracking().Where(m => m.Id == mapId)
            .Select(m => new { m.LevelName, m.BlobName, m.Iwad, m.Resources, m.Compatibility })
            .FirstOrDefaultAsync(cancellationToken);
        if (map is not { BlobName: { } blobName, LevelName: { } levelName }
            || await blobs.DownloadBytesAsync(BlobStore.Wads, blobName, cancellationToken) is not { } bytes)
        {
            LogNoLevel(logger, runId);
            return;
        }

        var wad = WadFile.Read(bytes);
        var entry = LevelDirectory.Find(wad).LastOrDefault(e => e.Name == levelName);
        if (entry is null)
        {
            LogNoLevel(logger, runId);
            return;
        }

        var level = LevelReader.Read(entry);
        var load = LoadOrder.From(map.Iwad, map.Resources, map.Compatibility);
        var resources = await new LoadOrderResources(blobs, iwads).ResolveAsync(wad, [levelName], load, cancellationToken);
        await shots.ShootRunAsync(ShotNames.RunPrefix(runId), level, entry, resources, bugs, cancellationToken);
    }

    /// <summary>Deletes the run's screenshots none of <paramref name="kept"/> points at.</summary>
    public Task ForgetOthersAsync(long runId, IEnumerable<Bug> kept, CancellationToken cancellationToken) =>
        shots.ForgetOthersAsync(ShotNames.RunPrefix(runId), kept, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: no level file to take its findings' screenshots in")]
    private static partial void LogNoLevel(ILogger logger, long runId);
}
