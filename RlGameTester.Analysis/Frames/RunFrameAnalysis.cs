using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RlGameTester.Analysis.Reports;
using RlGameTester.Data;
using RlGameTester.Data.Bugs;
using RlGameTester.Data.Frames;
using RlGameTester.Domain.Bugs;
using RlGameTester.Domain.Frames;
using RlGameTester.Messaging.Jobs;
using RlGameTester.Messaging.Queue;

namespace RlGameTester.Analysis.Frames;

/// <summary>
/// Checks a run's stored frames for visual glitches: reads them from blob storage in tick order, tells the checks when
/// the agent was moving (from the run's position events), stores each finding's evidence thumbnail and files it as a
/// <c>visual_glitch</c> bug (detection source <c>frames</c>). The run's earlier frame bugs and thumbnails are replaced,
/// so analysing again, or after more frames arrive, never duplicates them. A run whose report was already written gets
/// it rewritten with the new findings (<paramref name="reports"/>: null only where a test checks the frames alone).
/// </summary>
internal sealed partial class RunFrameAnalysis(
    RlgtDbContext db, RunFrameStore store, IOptions<FrameCheckOptions> options, TimeProvider clock, ILogger<RunFrameAnalysis> logger,
    ReportWriter? reports = null) : IJobHandler<AnalyseFrames>
{
    /// <summary>First key of the advisory lock that serialises the frame analyses of one run ("FRMS").</summary>
    private const int LockClass = 0x46524D53;

    /// <summary>Frames downloaded ahead of the one being checked: blob reads overlap the pixel work.</summary>
    private const int ReadAhead = 8;

    Task IJobHandler<AnalyseFrames>.HandleAsync(AnalyseFrames job, JobLease lease, CancellationToken cancellationToken) =>
        AnalyseAsync(job.RunId, cancellationToken);

    public async Task AnalyseAsync(long runId, CancellationToken cancellationToken)
    {
        // Uploads in a row queue one analysis each, and replicas may take them at once: the later one waits for the
        // earlier to finish and then sees every frame, so the last to commit is the most complete.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockClass}, {unchecked((int)runId)})", cancellationToken);
        var run = await db.Runs.AsNoTracking().Where(r => r.Id == runId).Select(r => new { r.Id, r.MapId }).FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            LogGone(logger, runId);
            return;
        }

        var frames = await store.ListAsync(runId, cancellationToken);
        var activity = await AgentActivity.ReadAsync(db, runId, cancellationToken);
        var episodes = new Dictionary<int, int?>(frames.Count);
        foreach (var frame in frames)
        {
            episodes.TryAdd(frame.Tick, frame.Episode);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var bugs = new List<Bug>();
        var reading = new ReadCounts();
        await foreach (var finding in FrameChecks.CheckAsync(ReadAsync(runId, frames, activity, reading, cancellationToken), options.Value, Undecodable, SetAside, cancellationToken))
        {
            var thumbnail = FrameNames.Thumbnail(runId, finding.EvidenceTick, finding.Check);
            await store.UploadThumbnailAsync(thumbnail, finding.Thumbnail, cancellationToken);
            var bug = finding.ToBug(runId, run.MapId, now, thumbnail);
            bug.Episode = episodes.GetValueOrDefault(finding.EvidenceTick);
            bugs.Add(bug);
        }

        // A frame whose header and ending look whole but whose data is not (an agent's file cut mid-write) is passed over.
        void Undecodable(int tick, string reason)
        {
            reading.Checked--;
            reading.Skipped++;
            LogSkipped(logger, runId, $"tick {tick}", reason);
        }

        // On frames the project's renderer drew whole (an explorer's path), a check that fires has found how the level looks.
        void SetAside(FrameFinding finding)
        {
            reading.SetAside++;
            LogSetAside(logger, runId, finding.Check, finding.FirstTick, finding.LastTick);
        }

        // The run and its map before its bugs, as a deletion takes them (SubjectLocks); a run deleted meanwhile took its
        // blobs with it, apart from the thumbnails stored above: those go now.
        if (await db.LockRunAsync(runId, cancellationToken) is null)
        {
            foreach (var bug in bugs)
            {
                await store.DeleteThumbnailAsync(bug.ScreenshotPath!, cancellationToken);
            }

            LogGone(logger, runId);
            return;
        }

        await db.Bugs.Where(b => b.RunId == runId && b.DetectionSource == DetectionSource.Frames && b.BugType == BugType.VisualGlitch)
            .ExecuteDeleteAsync(cancellationToken);
        db.Bugs.AddRange(bugs);
        await db.SaveChangesAsync(cancellationToken);

        // Thumbnails of an earlier analysis that no bug points at any more; still under the lock, so none of a later one.
        var kept = bugs.Select(b => b.ScreenshotPath).ToHashSet(StringComparer.Ordinal);
        foreach (var name in await store.ListThumbnailsAsync(runId, cancellationToken))
        {
            if (!kept.Contains(name))
            {
                await store.DeleteThumbnailAsync(name, cancellationToken);
            }
        }

        // The outcome is kept on the run, so a caller can tell the check ran and on how many frames.
        await db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.FramesCheckedAt, now).SetProperty(r => r.FramesChecked, reading.Checked).SetProperty(r => r.FrameFindings, bugs.Count), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogAnalysed(logger, runId, reading.Checked, reading.Skipped, activity.Known, bugs.Count, reading.SetAside);

        // Frames checked after the run's report was written (uploaded once the run had ended): the run's report and its
        // level's are rewritten with these findings (unchanged evidence keeps them). Before the run's own analysis there
        // is no report yet, and that analysis writes it with whatever frame bugs are stored by then.
        if (reports is not null && await db.Reports.AnyAsync(r => r.RunId == runId, cancellationToken))
        {
            await reports.RunAnalysedAsync(runId, run.MapId, cancellationToken);
        }
    }

    /// <summary>The run's frames in tick order, a few downloads ahead; frames gone since the listing or unreadable are skipped.</summary>
    private async IAsyncEnumerable<RunFrame> ReadAsync(
        long runId, IReadOnlyList<StoredFrame> frames, AgentActivity activity, ReadCounts counts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var downloads = new Queue<Task<byte[]?>>();
        var next = 0;
        int? previousTick = null;
        try
        {
            foreach (var frame in frames)
            {
                while (next < frames.Count && downloads.Count < ReadAhead)
                {
                    downloads.Enqueue(store.DownloadAsync(frames[next++].BlobName, cancellationToken));
                }

                var bytes = await downloads.Dequeue();
                if (Unreadable(bytes, frame, previousTick) is { } problem)
                {
                    counts.Skipped++;
                    LogSkipped(logger, runId, frame.BlobName, problem);
                    continue;
                }

                var acting = activity.ActedBetween(frame.Episode, previousTick ?? (frame.Tick - 1), frame.Tick);
                previousTick = frame.Tick;
                counts.Checked++;
                yield return new RunFrame(frame.Tick, bytes, acting, RendererNote.Read(bytes));
            }
        }
        finally
        {
            // Reads still in flight when the checks stop early (cancelled, a frame that will not decode) end unobserved.
            foreach (var pending in downloads)
            {
                _ = pending.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Why a frame cannot be checked (the checks stop at a frame they cannot take), or null.</summary>
    private string? Unreadable(byte[]? bytes, StoredFrame frame, int? previousTick)
    {
        if (bytes is null)
        {
            return "deleted since it was listed";
        }

        if (frame.Tick == previousTick)
        {
            return "a second frame at the same tick";
        }

        if (FrameImageHeader.Read(bytes, out var problem) is not { } image)
        {
            return problem;
        }

        return FrameAnalyzer.CanMeasure(image.Width, image.Height, options.Value)
            ? null
            : $"{image.Width}x{image.Height} is too small (or too flat) to analyse";
    }

    private sealed class ReadCounts
    {
        public int Checked;
        public int Skipped;
        public int SetAside;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} is gone; no frames to analyse")]
    private static partial void LogGone(ILogger logger, long runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: frame {Blob} skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, long runId, string blob, string reason);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Run {RunId} frames analysed: {Checked} checked, {Skipped} skipped, movement known {MovementKnown}, {Findings} visual glitch(es), {SetAside} set aside on frames the renderer drew whole")]
    private static partial void LogAnalysed(ILogger logger, long runId, int @checked, int skipped, bool movementKnown, int findings, int setAside);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Run {RunId}: {Check} on ticks {FirstTick}-{LastTick} set aside: the renderer drew those frames whole, so the check saw how the level looks, not a glitch")]
    private static partial void LogSetAside(ILogger logger, long runId, string check, int firstTick, int lastTick);
}
