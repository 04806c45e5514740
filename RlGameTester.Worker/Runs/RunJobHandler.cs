using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RlGameTester.Data;
using RlGameTester.Data.Blobs;
using RlGameTester.Data.Bugs;
using RlGameTester.Data.Events;
using RlGameTester.Data.Runs;
using RlGameTester.Domain;
using RlGameTester.Domain.Bugs;
using RlGameTester.Domain.Levels;
using RlGameTester.Messaging.Jobs;
using RlGameTester.Messaging.Queue;
using RlGameTester.Messaging.Runs;
using RlGameTester.Worker.Agents;
using RlGameTester.Worker.Agents.Arnold;

namespace RlGameTester.Worker.Runs;

/// <summary>
/// Plays a started run with its agent (or imports an uploaded agent log), recording its events while it
/// plays, stores the frames the agent wrote into its folder's <c>frames/</c>, then completes or fails the run and
/// queues its analysis (and its frames' analysis). Idempotent: a redelivered job takes the
/// run over under a new attempt number, discards the earlier attempt's events and plays again, and the old
/// attempt can no longer write.
/// </summary>
internal sealed partial class RunJobHandler(
    RlgtDbContext db,
    BlobStore blobs,
    IEnumerable<IAgent> agents,
    EventBulkWriter writer,
    RunChannels channels,
    RunCancellations cancellations,
    FrameFolderUpload frameUpload,
    RedisJobQueue queue,
    IOptions<WorkerOptions> options,
    TimeProvider clock,
    ILogger<RunJobHandler> logger) : IJobHandler<PlayRun>, IJobHandler<ImportRunLog>
{
    /// <summary>What a job does with the run it took: play it with its agent in a work folder, or import a log into it.</summary>
    private delegate Task<AgentResult> RunWork(Data.Runs.Run run, string folder, RunEventSink sink, CancellationToken cancellationToken);

    public Task HandleAsync(PlayRun job, JobLease lease, CancellationToken cancellationToken) =>
        // The agent writes frames into its folder; they are stored before the run ends.
        TakeRunAsync(job.RunId, PlayAsync, storesFrames: true, cancellationToken);

    public Task HandleAsync(ImportRunLog job, JobLease lease, CancellationToken cancellationToken) =>
        TakeRunAsync(job.RunId, (run, _, sink, token) => ImportLogAsync(run, job.LogBlob, sink, token), storesFrames: false, cancellationToken);

    public Task OnDeadLetteredAsync(PlayRun job, JobLease lease, string error, CancellationToken cancellationToken) =>
        FailRunAsync(job.RunId, lease, error, cancellationToken);

    public Task OnDeadLetteredAsync(ImportRunLog job, JobLease lease, string error, CancellationToken cancellationToken) =>
        FailRunAsync(job.RunId, lease, error, cancellationToken);

    private async Task TakeRunAsync(long runId, RunWork work, bool storesFrames, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().Include(r => r.Map).FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null || run.Status != RunStatus.Running)
        {
            // Deleted, cancelled or finished while queued: nothing to do.
            LogSkipped(logger, runId, run?.Status.ToString() ?? "deleted");
            return;
        }

        using var cancellation = await cancellations.WatchAsync(run.Id, cancellationToken);
        if (cancellation.Token.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return;
        }

        var attempt = await TakeOverAsync(run.Id, cancellationToken);
        var folder = Path.Combine(options.Value.ResolvedWorkRoot, $"run-{run.Id}", $"attempt-{attempt}");
        Directory.CreateDirectory(folder);
        var sink = new RunEventSink(db, writer, channels, run.Id, attempt, options.Value, clock);
        await channels.PublishProgressAsync(sink.Progress("running", $"Taken by the worker (attempt {attempt})"));
        try
        {
            var result = await work(run, folder, sink, cancellation.Token);
            await sink.FlushAsync(CancellationToken.None);
            // Frames the agent wrote (a crashed agent's too: they may show why) are stored before the run ends.
            var frames = !storesFrames ? default : await frameUpload.UploadAsync(run.Id, attempt, folder, sink.EnsureOwnerAsync, cancellation.Token);
            await FinishAsync(run, result, sink, frames.Changed, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellation.Token.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Cancelled through the API: the run is already cancelled; keep what was recorded.
            await sink.FlushAsync(CancellationToken.None);
            await channels.PublishProgressAsync(sink.Progress("cancelled", "Cancelled"));
            LogCancelled(logger, run.Id);
        }
        finally
        {
            if (!options.Value.KeepWorkFolders)
            {
                TryDelete(folder);
            }
        }
    }

    private async Task FailRunAsync(long runId, JobLease lease, string error, CancellationToken cancellationToken)
    {
        var reason = $"The worker gave up after {lease.Attempt} attempt(s): {error}";
        var outcome = await RunLifecycle.ApplyAsync(db, runId, RunTransition.Fail, clock.GetUtcNow().UtcDateTime, new TransitionDetails(ErrorMessage: reason), cancellationToken);
        if (outcome.Applied)
        {
            await channels.PublishProgressAsync(new RunProgress { RunId = runId, Status = "failed", Message = reason, UpdatedAt = clock.GetUtcNow() });
        }
    }

    /// <summary>Becomes the run's owner: a new attempt number fences off any earlier owner, whose events are discarded.</summary>
    private async Task<int> TakeOverAsync(long runId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The run's map and the run before its rows, in a deletion's order (SubjectLocks): no deadlock with one.
        if (await db.LockRunAsync(runId, cancellationToken) is null)
        {
            throw new JobAbandonedException($"Run {runId} was deleted.");
        }

        var attempts = await db.Database
            .SqlQuery<int>($"UPDATE runs SET attempt = attempt + 1 WHERE id = {runId} RETURNING attempt AS \"Value\"")
            .ToListAsync(cancellationToken);
        if (attempts.Count == 0)
        {
            throw new JobAbandonedException($"Run {runId} was deleted.");
        }

        await db.Events.Where(e => e.RunId == runId).ExecuteDeleteAsync(cancellationToken);
        await db.Bugs.Where(b => b.RunId == runId && b.DetectionSource == DetectionSource.Telemetry && b.BugType == BugType.Crash).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return attempts[0];
    }

    private async Task<AgentResult> PlayAsync(Data.Runs.Run run, string folder, RunEventSink sink, CancellationToken cancellationToken)
    {
        var agent = agents.FirstOrDefault(a => string.Equals(a.Name, run.Agent, StringComparison.OrdinalIgnoreCase));
        if (agent is null)
        {
            return new AgentResult(false, $"This worker has no agent named '{run.Agent}'; it has: {string.Join(", ", agents.Select(a => a.Name))}.");
        }

        var wad = await FetchWadAsync(run, folder, cancellationToken);
        if (wad is null)
        {
            return new AgentResult(false, $"Map {run.MapId} has no level file in blob storage (upload the WAD with POST /api/maps).");
        }

        var settings = run.Config is null ? [] : JsonNode.Parse(run.Config)?.AsObject() ?? [];
        if (run.AgentModel is not null && !settings.ContainsKey("model"))
        {
            settings["model"] = run.AgentModel;
        }

        var agentRun = new AgentRun(run.Id, run.RunType, folder, wad, run.Map?.LevelName ?? run.Map?.Name ?? "MAP01",
            run.Scenario, run.Seed, settings, run.StartedAt ?? clock.GetUtcNow().UtcDateTime,
            run.Map is { } map ? LoadOrder.From(map.Iwad, map.Resources, map.Compatibility) : null);
        LogPlaying(logger, run.Id, agent.Name);
        return await agent.RunAsync(agentRun, sink, cancellationToken);
    }

    private async Task<string?> FetchWadAsync(Data.Runs.Run run, string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, "level.wad");
        if (run.Map?.BlobName is { } blob && await blobs.DownloadToAsync(BlobStore.Wads, blob, path, cancellationToken))
        {
            return path;
        }

        return null;
    }

    private async Task<AgentResult> ImportLogAsync(Data.Runs.Run run, string logBlob, RunEventSink sink, CancellationToken cancellationToken)
    {
        await using var log = await blobs.OpenReadAsync(BlobStore.Logs, logBlob, cancellationToken);
        if (log is null)
        {
            return new AgentResult(false, $"The uploaded log '{logBlob}' is no longer in blob storage.");
        }

        var parser = new ArnoldLogParser(run.StartedAt);
        await parser.ParseAsync(log, sink, cancellationToken);
        return new AgentResult(true, Crash: parser.Crash);
    }

    private async Task FinishAsync(Data.Runs.Run run, AgentResult result, RunEventSink sink, bool framesChanged, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (result.Crash is { } crash)
        {
            db.Bugs.Add(new Bug
            {
                RunId = run.Id,
                MapId = run.MapId,
                BugType = BugType.Crash,
                Severity = BugSeverity.Critical,
                DetectionSource = DetectionSource.Telemetry,
                CheckName = "agent-crash",
                Title = $"The {run.Agent} agent crashed",
                Description = FirstLine(crash),
                Confidence = 1,
                Data = JsonSerializer.Serialize(new Dictionary<string, object?> { ["traceback"] = crash, ["exit_code"] = result.ExitCode, ["stderr_tail"] = result.StderrTail }),
                DetectedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        TransitionOutcome outcome;
        if (result.Succeeded)
        {
            outcome = await RunLifecycle.ApplyAsync(db, run.Id, RunTransition.Complete, now,
                new TransitionDetails(sink.Episodes, sink.Iteration), cancellationToken);
        }
        else
        {
            var reason = result.FailureReason ?? "The agent failed.";
            if (result.ExitCode is { } code)
            {
                reason += $" (exit code {code})";
            }

            outcome = await RunLifecycle.ApplyAsync(db, run.Id, RunTransition.Fail, now, new TransitionDetails(ErrorMessage: reason), cancellationToken);
        }

        var status = result.Succeeded ? "completed" : "failed";
        // A run that recorded nothing (an agent that never started) has nothing to analyse: no metrics beat misleading ones.
        if (outcome.Applied && sink.Written > 0)
        {
            await queue.EnqueueAsync(new AnalyseRun(run.Id), cancellationToken);
        }
        else
        {
            status = outcome.Status is { } current ? SnakeCase.Of(current) : "deleted";
        }

        if (outcome.Applied && framesChanged)
        {
            await queue.EnqueueAsync(new AnalyseFrames(run.Id), cancellationToken);
        }

        await channels.PublishProgressAsync(sink.Progress(status, result.Succeeded ? "Finished" : result.FailureReason));
        LogFinished(logger, run.Id, status, sink.Written);
    }

    private static string FirstLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? text : lines[^1];
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A process of the agent may still hold a file; the OS temp cleaner takes it later.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} skipped: it is {Status}")]
    private static partial void LogSkipped(ILogger logger, long runId, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: playing with the {Agent} agent")]
    private static partial void LogPlaying(ILogger logger, long runId, string agent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} cancelled while playing")]
    private static partial void LogCancelled(ILogger logger, long runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} {Status} with {Events} events")]
    private static partial void LogFinished(ILogger logger, long runId, string status, long events);
}
