using RlGameTester.Data.Blobs;
using RlGameTester.Data.Frames;

namespace RlGameTester.Api.Runs;

/// <summary>
/// What a run keeps in blob storage besides its rows: its frames, the thumbnails of its visual glitches, the
/// screenshots of its findings and its image. Deleted with the run (and with the runs of a deleted map), so storage holds nothing of a run that is gone.
/// </summary>
internal sealed partial class RunBlobs(BlobStore blobs, ILogger<RunBlobs> logger)
{
    /// <summary>Deletes the blobs of runs already deleted from the database. A storage failure is logged, never thrown: the rows are gone either way.</summary>
    public async Task ForgetAsync(IEnumerable<(long RunId, string? FileHash)> runs, CancellationToken cancellationToken)
    {
        foreach (var (runId, fileHash) in runs)
        {
            try
            {
                await blobs.DeleteByPrefixAsync(BlobStore.Frames, FrameNames.RunPrefix(runId), cancellationToken);
                await blobs.DeleteByPrefixAsync(BlobStore.Images, FrameNames.ThumbnailPrefix(runId), cancellationToken);
                await blobs.DeleteByPrefixAsync(BlobStore.Images, ShotNames.RunPrefix(runId), cancellationToken);
                if (fileHash is not null)
                {
                    await blobs.DeleteIfExistsAsync(BlobStore.Images, BlobStore.RunImageName(fileHash, runId), cancellationToken);
                }
            }
            catch (Azure.RequestFailedException e)
            {
                LogLeftBehind(logger, runId, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} is deleted but some of its blobs could not be: {Reason}")]
    private static partial void LogLeftBehind(ILogger logger, long runId, string reason);
}
