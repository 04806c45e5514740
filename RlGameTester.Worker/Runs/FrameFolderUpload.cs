using System.Collections.Concurrent;
using RlGameTester.Data.Frames;
using RlGameTester.Domain.Frames;
using RlGameTester.Messaging.Queue;

namespace RlGameTester.Worker.Runs;

/// <summary>
/// Stores the frames an agent wrote into its run folder's <c>frames/</c> folder (files named by tick:
/// <c>000123.png</c>, <c>frame_123.jpg</c>, <c>tick-123.png</c>) as the run's frames in blob storage. A file without a
/// tick in its name, or that is not a whole PNG or JPEG, is skipped and logged: the run is not failed for it.
/// </summary>
internal sealed partial class FrameFolderUpload(RunFrameStore store, ILogger<FrameFolderUpload> logger)
{
    /// <summary>The folder, inside an agent's working directory, whose frames are stored after the run.</summary>
    public const string FolderName = "frames";

    private const int ParallelUploads = 4;

    /// <summary>
    /// Uploads the folder's frames as this attempt's, then drops the frames an earlier attempt's agent stored (a worker
    /// that died mid-run: its frames would mix with this play's); frames uploaded through the Api stay.
    /// <paramref name="ensureOwner"/> runs once this attempt's frames are in: when it throws
    /// <see cref="JobAbandonedException"/> (another worker took the run over meanwhile), this attempt's frames are
    /// deleted again and the exception goes on. Either the successor's own clean-up sees them, or this one does.
    /// </summary>
    public async Task<FrameFolderResult> UploadAsync(
        long runId, int attempt, string workingDirectory, Func<CancellationToken, Task> ensureOwner, CancellationToken cancellationToken)
    {
        var stored = await UploadFolderAsync(runId, attempt, Path.Combine(workingDirectory, FolderName), cancellationToken);
        try
        {
            await ensureOwner(cancellationToken);
        }
        catch (JobAbandonedException)
        {
            var mine = await DeleteAsync(runId, f => f.Attempt == attempt, CancellationToken.None);
            LogAbandoned(logger, runId, attempt, mine);
            throw;
        }

        var stale = await DeleteAsync(runId, f => f.Attempt < attempt, cancellationToken);
        if (stale > 0)
        {
            LogStaleDropped(logger, runId, stale, attempt);
        }

        return new FrameFolderResult(stored, stale);
    }

    private async Task<int> DeleteAsync(long runId, Func<StoredFrame, bool> which, CancellationToken cancellationToken)
    {
        var frames = (await store.ListAsync(runId, cancellationToken)).Where(which).ToList();
        foreach (var frame in frames)
        {
            await store.DeleteAsync(frame.BlobName, cancellationToken);
        }

        return frames.Count;
    }

    private async Task<int> UploadFolderAsync(long runId, int attempt, string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var files = new List<(string Path, int Tick)>();
        var ticks = new HashSet<int>();
        var written = 0;
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            written++;
            var name = Path.GetFileName(path);
            var tick = FrameNames.TickOfFile(name);
            if (tick is not (>= 0 and <= FrameNames.MaxTick))
            {
                LogSkipped(logger, runId, name, tick is null ? "no tick in its name" : $"tick {tick} is outside 0-{FrameNames.MaxTick}");
            }
            else if (!ticks.Add((int)tick.Value))
            {
                LogSkipped(logger, runId, name, $"a second frame at tick {tick}");
            }
            else
            {
                files.Add((path, (int)tick.Value));
            }
        }

        var stored = new ConcurrentBag<int>();
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = ParallelUploads, CancellationToken = cancellationToken }, async (file, token) =>
        {
            var bytes = await File.ReadAllBytesAsync(file.Path, token);
            if (FrameImageHeader.Read(bytes, out var problem) is not { } image)
            {
                LogSkipped(logger, runId, Path.GetFileName(file.Path), problem!);
                return;
            }

            await store.UploadAsync(runId, file.Tick, image, bytes, episode: null, token, attempt);
            stored.Add(file.Tick);
        });

        LogStored(logger, runId, stored.Count, written - stored.Count);
        return stored.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: {Count} frame(s) an attempt before {Attempt} stored were dropped")]
    private static partial void LogStaleDropped(ILogger logger, long runId, int count, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: another worker took it over from attempt {Attempt} while its frames were stored; the {Count} frame(s) it stored were deleted")]
    private static partial void LogAbandoned(ILogger logger, long runId, int attempt, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: frame file {File} skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, long runId, string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: {Stored} frame(s) the agent wrote stored, {Skipped} skipped")]
    private static partial void LogStored(ILogger logger, long runId, int stored, int skipped);
}

/// <summary>What storing an attempt's frames did.</summary>
/// <param name="Stored">Frames of this attempt stored (0 when the agent wrote none).</param>
/// <param name="Dropped">Frames an earlier attempt had stored, deleted.</param>
internal readonly record struct FrameFolderResult(int Stored, int Dropped)
{
    /// <summary>The run's frames changed: their analysis is due (to file new findings, or to drop the old ones').</summary>
    public bool Changed => Stored + Dropped > 0;
}
