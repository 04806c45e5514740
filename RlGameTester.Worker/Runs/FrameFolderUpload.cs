using System.Collections.Concurrent;
using RlGameTester.Data.Frames;

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

    /// <summary>Uploads the folder's frames; returns how many were stored (0 when the agent wrote none).</summary>
    public async Task<int> UploadAsync(long runId, string workingDirectory, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(workingDirectory, FolderName);
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

            await store.UploadAsync(runId, file.Tick, image, bytes, episode: null, token);
            stored.Add(file.Tick);
        });

        LogStored(logger, runId, stored.Count, written - stored.Count);
        return stored.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: frame file {File} skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, long runId, string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: {Stored} frame(s) the agent wrote stored, {Skipped} skipped")]
    private static partial void LogStored(ILogger logger, long runId, int stored, int skipped);
}
