using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using RlGameTester.Data;
using RlGameTester.Data.Blobs;
using RlGameTester.Data.Maps;
using RlGameTester.Domain.Levels;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Metadata;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Wad;
using RlGameTester.Messaging.Jobs;
using RlGameTester.Messaging.Queue;

namespace RlGameTester.Api.Maps;

/// <summary>
/// Takes in a WAD: reads every level (a file that cannot be read, or passes the level limits of the Maps settings, is
/// refused with the reason before its levels are parsed, and leaves nothing behind), stores the file once per SHA-256 in blob storage, creates one map per level with its
/// metadata, and queues the static checks. The same bytes a second time create nothing and return the
/// maps they made the first time. The maps of an upload are numbered as revisions of a project (<c>numberRevisions</c>)
/// before their check is queued, so the Analysis service always finds a level's previous revision when it stores the
/// findings, and carries its triage marks.
/// </summary>
internal sealed class WadIngestion(RlgtDbContext db, BlobStore blobs, RedisJobQueue queue, IOptions<MapOptions> options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions MetadataJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public async Task<WadIngestionResult> IngestAsync(
        byte[] bytes, string? fileName, string? name, string? scenario, CancellationToken cancellationToken, LoadOrder? load = null,
        Func<IReadOnlyList<Map>, Task>? numberRevisions = null)
    {
        numberRevisions ??= _ => Task.CompletedTask;
        load ??= LoadOrder.Default;
        var loadHash = load.Hash;
        var hash = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
        var existing = await MapsOfAsync(hash, loadHash, cancellationToken);
        if (existing.Count > 0)
        {
            await numberRevisions(existing);
            return new WadIngestionResult(existing, Created: false, Rejection: null);
        }

        List<(Level Level, LevelMetadata Metadata)> levels;
        try
        {
            var wad = WadFile.Read(bytes);
            levels = [.. LevelReader.ReadAll(wad, options.Value.LevelLimits, MapOptions.SectionName).Select(level => (level, LevelMetadata.Create(level, new LevelGeometry(level))))];
        }
        catch (WadLimitException e)
        {
            return new WadIngestionResult([], Created: false, Rejection: e.Message, OverLimit: true);
        }
        catch (WadFormatException e)
        {
            return new WadIngestionResult([], Created: false, Rejection: e.Message);
        }

        var blobName = $"{hash}.wad";
        using (var content = new MemoryStream(bytes, writable: false))
        {
            await blobs.UploadIfAbsentAsync(BlobStore.Wads, blobName, content, "application/octet-stream", cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var maps = levels.Select(l => new Map
        {
            Name = MapName(name, l.Level.Name, levels.Count),
            LevelName = l.Level.Name,
            FilePath = fileName,
            FileHash = hash,
            BlobName = blobName,
            FileSize = bytes.LongLength,
            Scenario = string.IsNullOrWhiteSpace(scenario) ? null : scenario.Trim(),
            Metadata = JsonSerializer.Serialize(l.Metadata, MetadataJson),
            Iwad = load.Iwad,
            Resources = load.ResourcesText,
            Compatibility = load.Compatibility?.ToString().ToLowerInvariant(),
            LoadHash = loadHash,
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();

        try
        {
            db.Maps.AddRange(maps);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same file uploaded at the same moment by someone else: theirs won, return it.
            db.ChangeTracker.Clear();
            var theirs = await MapsOfAsync(hash, loadHash, cancellationToken);
            await numberRevisions(theirs);
            return new WadIngestionResult(theirs, Created: false, Rejection: null);
        }

        try
        {
            await numberRevisions(maps);
        }
        finally
        {
            // Checked even when numbering failed: the maps exist, and the same bytes again would not queue them.
            await queue.EnqueueAsync(new CheckWad(hash, loadHash), cancellationToken);
        }

        return new WadIngestionResult(maps, Created: true, Rejection: null);
    }

    /// <summary>
    /// Stores the resource WADs an upload carries, once per SHA-256 (beside the level files: the same bytes may be both);
    /// their hashes in load order, or the reason one is refused (not a WAD, texture lists that cannot be read).
    /// </summary>
    public async Task<(IReadOnlyList<string> Hashes, string? Rejection)> StoreResourcesAsync(IReadOnlyList<(string Name, byte[] Bytes)> files, CancellationToken cancellationToken)
    {
        var hashes = new List<string>();
        foreach (var (name, bytes) in files)
        {
            try
            {
                _ = WadResources.From(WadFile.Read(bytes), name);
            }
            catch (WadFormatException e)
            {
                return ([], $"'{name}' is not a usable resource WAD: {e.Message}");
            }

            var hash = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
            using var content = new MemoryStream(bytes, writable: false);
            await blobs.UploadIfAbsentAsync(BlobStore.Wads, $"{hash}.wad", content, "application/octet-stream", cancellationToken);
            hashes.Add(hash);
        }

        return (hashes, null);
    }

    /// <summary>
    /// After a map is deleted: the file's blob and its images (levels and runs) go when no map uses it any more, as its
    /// file or as a resource of another upload. (Resource WADs themselves are kept: they are shared by content.)
    /// </summary>
    public async Task ForgetBlobIfUnusedAsync(string? fileHash, string? blobName, CancellationToken cancellationToken)
    {
        if (fileHash is null || blobName is null
            || await db.Maps.AnyAsync(m => m.FileHash == fileHash || (m.Resources != null && m.Resources.Contains(fileHash)), cancellationToken))
        {
            return;
        }

        await blobs.DeleteIfExistsAsync(BlobStore.Wads, blobName, cancellationToken);
        await blobs.DeleteByPrefixAsync(BlobStore.Images, BlobStore.ImagePrefix(fileHash), cancellationToken);
    }

    private Task<List<Map>> MapsOfAsync(string hash, string loadHash, CancellationToken cancellationToken) =>
        db.Maps.AsNoTracking().Where(m => m.FileHash == hash && m.LoadHash == loadHash).OrderBy(m => m.Id).ToListAsync(cancellationToken);

    private static string MapName(string? name, string level, int levels) =>
        string.IsNullOrWhiteSpace(name) ? level : levels == 1 ? name.Trim() : $"{name.Trim()} {level}";
}
