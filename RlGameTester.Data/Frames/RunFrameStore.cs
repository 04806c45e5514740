using System.Globalization;
using Azure.Storage.Blobs.Models;
using RlGameTester.Data.Blobs;
using RlGameTester.Domain.Frames;

namespace RlGameTester.Data.Frames;

/// <summary>
/// A run's frames in blob storage (<see cref="BlobStore.Frames"/>, one blob per tick, named by
/// <see cref="FrameNames"/>) and the evidence thumbnails of its frame findings (<see cref="BlobStore.Images"/>).
/// Listing returns frames in tick order: the names sort that way.
/// </summary>
public sealed class RunFrameStore(BlobStore blobs)
{
    private const string EpisodeKey = "episode";
    private const string AttemptKey = "attempt";

    /// <summary>Every stored frame of the run, in tick order.</summary>
    public async Task<IReadOnlyList<StoredFrame>> ListAsync(long runId, CancellationToken cancellationToken) =>
        await ListAsync(FrameNames.RunPrefix(runId), cancellationToken);

    /// <summary>The frame at one tick, or null.</summary>
    public async Task<StoredFrame?> FindAsync(long runId, int tick, CancellationToken cancellationToken)
    {
        var frames = await ListAsync(FrameNames.TickPrefix(runId, tick), cancellationToken);
        return frames.Count == 0 ? null : frames[0];
    }

    /// <summary>
    /// Stores one frame, replacing the blob of that name; returns the blob name. <paramref name="attempt"/> is the worker
    /// attempt whose agent wrote it (null for the Api's uploads): it is in the blob's name and metadata, so a later
    /// attempt can drop what an earlier one left, and an attempt that lost the run can drop its own without touching
    /// its successor's frames.
    /// </summary>
    public Task<string> UploadAsync(
        long runId, int tick, FrameImageInfo image, ReadOnlyMemory<byte> content, int? episode, CancellationToken cancellationToken, int? attempt = null) =>
        UploadAsync(runId, tick, image, BinaryData.FromBytes(content).ToStream(), episode, cancellationToken, attempt);

    /// <summary>Stores one frame read from <paramref name="content"/> (a file the Api spooled an upload to), as the overload above.</summary>
    public async Task<string> UploadAsync(
        long runId, int tick, FrameImageInfo image, Stream content, int? episode, CancellationToken cancellationToken, int? attempt = null)
    {
        var name = FrameNames.Blob(runId, tick, image, attempt);
        var blob = (await blobs.ContainerAsync(BlobStore.Frames, cancellationToken)).GetBlobClient(name);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = image.ContentType } };
        var metadata = new Dictionary<string, string>();
        if (episode is { } e)
        {
            metadata[EpisodeKey] = e.ToString(CultureInfo.InvariantCulture);
        }

        if (attempt is { } a)
        {
            metadata[AttemptKey] = a.ToString(CultureInfo.InvariantCulture);
        }

        if (metadata.Count > 0)
        {
            options.Metadata = metadata;
        }

        await blob.UploadAsync(content, options, cancellationToken);
        return name;
    }

    /// <summary>A frame's bytes, or null when it is gone.</summary>
    public async Task<byte[]?> DownloadAsync(string blobName, CancellationToken cancellationToken) =>
        await blobs.DownloadBytesAsync(BlobStore.Frames, blobName, cancellationToken);

    public async Task DeleteAsync(string blobName, CancellationToken cancellationToken) =>
        await (await blobs.ContainerAsync(BlobStore.Frames, cancellationToken)).GetBlobClient(blobName).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    /// <summary>Stores a finding's evidence thumbnail (PNG), replacing one of that name.</summary>
    public async Task UploadThumbnailAsync(string name, ReadOnlyMemory<byte> png, CancellationToken cancellationToken)
    {
        var blob = (await blobs.ContainerAsync(BlobStore.Images, cancellationToken)).GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromBytes(png), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "image/png" } }, cancellationToken);
    }

    /// <summary>The names of the run's evidence thumbnails.</summary>
    public async Task<IReadOnlyList<string>> ListThumbnailsAsync(long runId, CancellationToken cancellationToken)
    {
        var container = await blobs.ContainerAsync(BlobStore.Images, cancellationToken);
        var names = new List<string>();
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = FrameNames.ThumbnailPrefix(runId) }, cancellationToken))
        {
            names.Add(item.Name);
        }

        return names;
    }

    public async Task DeleteThumbnailAsync(string name, CancellationToken cancellationToken) =>
        await (await blobs.ContainerAsync(BlobStore.Images, cancellationToken)).GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    private async Task<IReadOnlyList<StoredFrame>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var container = await blobs.ContainerAsync(BlobStore.Frames, cancellationToken);
        var frames = new List<StoredFrame>();
        var options = new GetBlobsOptions { Prefix = prefix, Traits = BlobTraits.Metadata };
        await foreach (var item in container.GetBlobsAsync(options, cancellationToken))
        {
            if (FrameNames.TickOfBlob(item.Name) is not { } tick)
            {
                continue;
            }

            frames.Add(new StoredFrame(
                tick, item.Name, item.Properties.ContentLength ?? 0, item.Properties.ContentType ?? "application/octet-stream",
                Number(item.Metadata, EpisodeKey), Number(item.Metadata, AttemptKey)));
        }

        // Names sort by tick already; a tick stored as both PNG and JPEG keeps the order stable.
        frames.Sort((a, b) => a.Tick != b.Tick ? a.Tick.CompareTo(b.Tick) : string.CompareOrdinal(a.BlobName, b.BlobName));
        return frames;
    }

    private static int? Number(IDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
