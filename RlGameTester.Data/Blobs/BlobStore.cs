using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace RlGameTester.Data.Blobs;

/// <summary>
/// The product's blobs, by container: uploaded WADs (one per SHA-256), run frames and thumbnails, agent
/// logs, reports and rendered images. Containers are created on first use.
/// </summary>
public sealed class BlobStore(BlobServiceClient service)
{
    public const string Wads = "wads";
    public const string Frames = "frames";
    public const string Logs = "logs";
    public const string Images = "images";

    private readonly ConcurrentDictionary<string, Task<BlobContainerClient>> _containers = new();

    /// <summary>Uploads unless a blob of that name exists (content-addressed names make that the same bytes). True when uploaded.</summary>
    public async Task<bool> UploadIfAbsentAsync(string container, string name, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var blob = (await ContainerAsync(container, cancellationToken)).GetBlobClient(name);
        try
        {
            await blob.UploadAsync(
                content,
                new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Uploads, replacing any blob of that name.</summary>
    public async Task UploadAsync(string container, string name, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var blob = (await ContainerAsync(container, cancellationToken)).GetBlobClient(name);
        await blob.UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
    }

    /// <summary>A whole blob in memory (a WAD to read, a frame to decode), or null when it does not exist.</summary>
    public async Task<byte[]?> DownloadBytesAsync(string container, string name, CancellationToken cancellationToken)
    {
        var blob = (await ContainerAsync(container, cancellationToken)).GetBlobClient(name);
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Opens a blob for reading, or null when it does not exist.</summary>
    public async Task<Stream?> OpenReadAsync(string container, string name, CancellationToken cancellationToken)
    {
        var blob = (await ContainerAsync(container, cancellationToken)).GetBlobClient(name);
        try
        {
            return await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Downloads a blob into a local file (the Worker's run folder). False when it does not exist.</summary>
    public async Task<bool> DownloadToAsync(string container, string name, string path, CancellationToken cancellationToken)
    {
        var blob = (await ContainerAsync(container, cancellationToken)).GetBlobClient(name);
        try
        {
            await blob.DownloadToAsync(path, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    public async Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken) =>
        await (await ContainerAsync(container, cancellationToken)).GetBlobClient(name).ExistsAsync(cancellationToken);

    public async Task<bool> DeleteIfExistsAsync(string container, string name, CancellationToken cancellationToken) =>
        await (await ContainerAsync(container, cancellationToken)).GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    /// <summary>Opens a blob with its ETag and time of last change (for conditional HTTP answers), or null when it does not exist.</summary>
    public async Task<(Stream Content, ETag ETag, DateTimeOffset LastModified)?> OpenReadWithETagAsync(string container, string name, CancellationToken cancellationToken)
    {
        var blob = (await ContainerAsync(container, cancellationToken)).GetBlobClient(name);

        // Asked first because a missing blob is an expected answer here (images are polled until drawn) and the SDK
        // logs a failed download as a warning; asking whether it exists does not.
        if (!await blob.ExistsAsync(cancellationToken))
        {
            return null;
        }

        try
        {
            var download = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            return (download.Content, download.Details.ETag, download.Details.LastModified);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The names of the blobs whose names start with <paramref name="prefix"/>.</summary>
    public async Task<IReadOnlyList<string>> ListNamesAsync(string container, string prefix, CancellationToken cancellationToken)
    {
        var client = await ContainerAsync(container, cancellationToken);
        var names = new List<string>();
        await foreach (var item in client.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            names.Add(item.Name);
        }

        return names;
    }

    /// <summary>Deletes every blob whose name starts with <paramref name="prefix"/>; returns how many went.</summary>
    public async Task<int> DeleteByPrefixAsync(string container, string prefix, CancellationToken cancellationToken)
    {
        var client = await ContainerAsync(container, cancellationToken);
        var deleted = 0;
        await foreach (var item in client.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            deleted += await client.GetBlobClient(item.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken) ? 1 : 0;
        }

        return deleted;
    }

    /// <summary>The image of one level of an uploaded file (container <see cref="Images"/>), drawn by the Analysis service.</summary>
    public static string MapImageName(string fileHash, string levelName) => $"{ImagePrefix(fileHash)}{SafeName(levelName)}.png";

    /// <summary>The image of a run (its path and findings over its level), kept beside its level's images so they go together.</summary>
    public static string RunImageName(string fileHash, long runId) => $"{ImagePrefix(fileHash)}runs/{runId}.png";

    /// <summary>Where every image of one uploaded file lives: deleting the file deletes this prefix.</summary>
    public static string ImagePrefix(string fileHash) => $"maps/{SafeName(fileHash)}/";

    // Level names are lump names (8 characters, any byte): keep letters, digits, '_' and '-', spell the rest in hex.
    internal static string SafeName(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c.ToString() : $"~{(int)c:x2}"));

    /// <summary>A container's client, created on first use (once per process), for stores that need more than names and streams: metadata, listings.</summary>
    public async Task<BlobContainerClient> ContainerAsync(string name, CancellationToken cancellationToken)
    {
        var creation = _containers.GetOrAdd(name, CreateContainerAsync);
        try
        {
            return await creation.WaitAsync(cancellationToken);
        }
        catch (Exception) when (Forget(name, creation))
        {
            throw; // Unreachable: Forget returns false so the exception flows on unchanged.
        }
    }

    // Shared by every caller, so it does not take any one caller's cancellation token.
    private async Task<BlobContainerClient> CreateContainerAsync(string name)
    {
        var container = service.GetBlobContainerClient(name);
        await container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        return container;
    }

    /// <summary>A failed creation (the server not up yet) must not be remembered: the next call tries again.</summary>
    private bool Forget(string name, Task<BlobContainerClient> creation)
    {
        if (creation.IsFaulted || creation.IsCanceled)
        {
            _containers.TryRemove(KeyValuePair.Create(name, creation));
        }

        return false;
    }
}
