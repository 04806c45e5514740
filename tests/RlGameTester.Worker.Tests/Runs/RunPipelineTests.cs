using System.Diagnostics;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RlGameTester.Data;
using RlGameTester.Data.Maps;
using RlGameTester.Data.Runs;
using RlGameTester.Domain.Bugs;
using RlGameTester.Domain.Events;
using RlGameTester.Messaging;
using RlGameTester.Messaging.Jobs;
using RlGameTester.Messaging.Queue;
using RlGameTester.Messaging.Runs;
using RlGameTester.TestSupport;
using RlGameTester.Worker.Tests.Agents.Arnold;

namespace RlGameTester.Worker.Tests.Runs;

/// <summary>
/// The run pipeline for real: a job on the Redis queue, a Worker taking it, the Arnold stand-in replaying a
/// real log as a process, events COPYed into PostgreSQL while it plays, the run completed or failed.
/// Each test has a database and a Redis key prefix of its own.
/// </summary>
public sealed class RunPipelineTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rlgt-pipeline-" + Guid.NewGuid().ToString("N")[..10]);
    // xunit makes an instance per test: each test gets its own database and its own Redis namespace.
    private static readonly string Namespace = "worker-tests-" + Guid.NewGuid().ToString("N")[..6];
    private readonly string _redis = TestServers.RedisFor(2, Namespace);
    private readonly string _keyPrefix = $"{Namespace}-{Guid.NewGuid().ToString("N")[..6]}:";
    private TestDatabase? _database;
    private string _checkout = "";
    private string _model = "";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Token);
        _checkout = Directory.CreateDirectory(Path.Combine(_root, "Arnold")).FullName;
        await File.WriteAllTextAsync(Path.Combine(_checkout, "arnold.py"), "# stand-in\n", Token);
        Directory.CreateDirectory(Path.Combine(_checkout, "resources", "scenarios"));
        _model = Path.Combine(_root, "model.pth");
        await File.WriteAllTextAsync(_model, "weights", Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A killed stand-in may still hold a file.
        }
    }

    [Fact]
    public async Task AStartedRunIsPlayedAndEveryEventOfItsLogIsStoredOnce()
    {
        var log = Fixtures.ArnoldLog("lujfdgp6gw.train.log");
        await using var worker = Worker(("FAKE_ARNOLD_LOG", log)).Start();
        var runId = await StartRunAsync(worker);

        var run = await WaitForAsync(runId, s => s is RunStatus.Completed or RunStatus.Failed);

        Assert.True(run.Status == RunStatus.Completed, run.ErrorMessage);
        var expected = ExpectedArnoldEvents.Count(await File.ReadAllLinesAsync(log, Token));
        var stored = await CountsAsync(runId);
        foreach (var (type, count) in expected)
        {
            Assert.True(stored.GetValueOrDefault(type) == count, $"{type}: stored {stored.GetValueOrDefault(type)}, log has {count}");
        }

        Assert.Equal(60, run.TotalEpisodes);
        await using var db = Db();
        var seqs = await db.Events.Where(e => e.RunId == runId).Select(e => e.Seq).ToListAsync(Token);
        Assert.Equal(seqs.Count, seqs.Distinct().Count());
        await WaitForAnalysisJobAsync(worker);
    }

    [Fact]
    public async Task ACrashingAgentFailsTheRunAndFilesACrashBugWithTheTraceback()
    {
        await using var worker = Worker(("FAKE_ARNOLD_LOG", Fixtures.ArnoldLog("b6v612woa0.train.log")), ("FAKE_ARNOLD_EXIT_CODE", "1")).Start();
        var runId = await StartRunAsync(worker);

        var run = await WaitForAsync(runId, s => s is RunStatus.Completed or RunStatus.Failed);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("exit code 1", run.ErrorMessage);
        await using var db = Db();
        var crash = await db.Bugs.SingleAsync(b => b.RunId == runId && b.BugType == BugType.Crash, Token);
        Assert.Equal(BugSeverity.Critical, crash.Severity);
        Assert.Contains("Traceback", crash.Data);
    }

    [Fact]
    public async Task CancellingARunningRunKillsTheAgentProcessAndLeavesTheRunCancelled()
    {
        var pidFile = Path.Combine(_root, $"pid-{Guid.NewGuid():N}");
        await using var worker = Worker(
            ("FAKE_ARNOLD_LOG", Fixtures.ArnoldLog("nm7j3qruxb.train.log")),
            ("FAKE_ARNOLD_LOOP", "1"),
            ("FAKE_ARNOLD_PACE_MS", "5"),
            ("FAKE_ARNOLD_PID_FILE", pidFile)).Start();
        var runId = await StartRunAsync(worker, RunType.Training);
        await WaitUntilAsync(async () => File.Exists(pidFile) && (await CountsAsync(runId)).Values.Sum() > 0);
        var pid = int.Parse((await File.ReadAllTextAsync(pidFile, Token)).Trim(), System.Globalization.CultureInfo.InvariantCulture);

        // What POST /api/runs/{id}/cancel does.
        await using (var db = Db())
        {
            Assert.True((await RunLifecycle.ApplyAsync(db, runId, RunTransition.Cancel, DateTime.UtcNow, cancellationToken: Token)).Applied);
        }

        var clock = Stopwatch.StartNew();
        await worker.Services.GetRequiredService<RunChannels>().RequestCancelAsync(runId);
        await WaitUntilAsync(() => Task.FromResult(!IsAlive(pid)));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the agent took {clock.Elapsed} to stop");
        Assert.Equal(RunStatus.Cancelled, (await WaitForAsync(runId, s => s == RunStatus.Cancelled)).Status);
    }

    [Fact]
    public async Task AJobLeftByAStoppedWorkerIsFinishedByAnotherWithoutDuplicateEvents()
    {
        var log = Fixtures.ArnoldLog("lujfdgp6gw.train.log");
        var settings = new[] { ("FAKE_ARNOLD_LOG", log), ("FAKE_ARNOLD_PACE_MS", "3") };
        var first = Worker(TimeSpan.FromSeconds(3), settings).Start();
        var runId = await StartRunAsync(first);
        await WaitUntilAsync(async () => (await CountsAsync(runId)).Values.Sum() > 100);

        // The first worker goes away mid-run without finishing or acknowledging its job.
        await first.DisposeAsync();
        var stranded = (await CountsAsync(runId)).Values.Sum();
        await using var second = Worker(TimeSpan.FromSeconds(3), [("FAKE_ARNOLD_LOG", log)]).Start();

        var run = await WaitForAsync(runId, s => s is RunStatus.Completed or RunStatus.Failed);

        Assert.True(run.Status == RunStatus.Completed, run.ErrorMessage);
        Assert.True(run.Attempt >= 2, $"attempt {run.Attempt}: the second worker did not take over");
        var expected = ExpectedArnoldEvents.Count(await File.ReadAllLinesAsync(log, Token));
        var stored = await CountsAsync(runId);
        Assert.True(stranded > 0 && stranded < expected.Values.Sum(), $"the first worker stored {stranded} events before stopping");
        foreach (var (type, count) in expected)
        {
            Assert.True(stored.GetValueOrDefault(type) == count, $"{type}: stored {stored.GetValueOrDefault(type)}, log has {count}");
        }
    }

    [Fact]
    public async Task AnImportedLogBecomesTheRunsEvents()
    {
        var log = Fixtures.ArnoldLog("reconstructed-samples.log");
        var blobName = $"runs/import-{Guid.NewGuid():N}.log";
        var container = new BlobServiceClient(TestServers.Blobs).GetBlobContainerClient("logs");
        await container.CreateIfNotExistsAsync(cancellationToken: Token);
        await container.UploadBlobAsync(blobName, File.OpenRead(log), Token);
        await using var worker = Worker().Start();
        var runId = await CreateRunAsync(RunType.Evaluation);
        await using (var db = Db())
        {
            await RunLifecycle.ApplyAsync(db, runId, RunTransition.Start, DateTime.UtcNow, cancellationToken: Token);
        }

        await worker.Services.GetRequiredService<RedisJobQueue>().EnqueueAsync(new ImportRunLog(runId, blobName), Token);
        var run = await WaitForAsync(runId, s => s is RunStatus.Completed or RunStatus.Failed);

        Assert.True(run.Status == RunStatus.Completed, run.ErrorMessage);
        var stored = await CountsAsync(runId);
        Assert.Equal(1, stored.GetValueOrDefault(EventType.Statistics));
        Assert.Equal(1, stored.GetValueOrDefault(EventType.StuckCandidate));
        Assert.Equal(2, stored.GetValueOrDefault(EventType.Kill));
    }

    [Fact]
    public async Task AnExplorerRunPlaysARealLevelThroughTheQueueAndStoresItsTelemetry()
    {
        await using var worker = Worker().Start();
        var runId = await StartAsync(worker, await CreateRunAsync(RunType.Testing, "explorer", RlGameTester.TestSupport.Fixtures.Freedoom1, "E1M1", null, "{\"skill\":3}"));

        var run = await WaitForAsync(runId, s => s is RunStatus.Completed or RunStatus.Failed);

        Assert.True(run.Status == RunStatus.Completed, run.ErrorMessage);
        Assert.Equal(1, run.TotalEpisodes);
        var stored = await CountsAsync(runId);
        Assert.Equal(1, stored.GetValueOrDefault(EventType.RunStart));
        Assert.Equal(1, stored.GetValueOrDefault(EventType.ExitReached));
        Assert.True(stored.GetValueOrDefault(EventType.Position) > 50, $"{stored.GetValueOrDefault(EventType.Position)} positions");
        await using var db = Db();
        var end = await db.Events.SingleAsync(e => e.RunId == runId && e.EventType == EventType.EpisodeEnd, Token);
        using var payload = JsonDocument.Parse(end.Data!);
        Assert.True(payload.RootElement.GetProperty("exit_reached").GetBoolean());
        Assert.InRange(payload.RootElement.GetProperty("coverage_reachable").GetDouble(), 0.3, 1.0);

        // A run that finishes without trapping itself is played once.
        Assert.Equal(1, payload.RootElement.GetProperty("attempts").GetInt32());
        await WaitForAnalysisJobAsync(worker);
    }

    [Fact]
    public async Task AnExplorerRunOnALevelItsWadDoesNotHoldFailsWithTheReason()
    {
        await using var worker = Worker().Start();
        var runId = await StartAsync(worker, await CreateRunAsync(RunType.Testing, "explorer", RlGameTester.TestSupport.Fixtures.Freedoom2, "E9M9", null));

        var run = await WaitForAsync(runId, s => s is RunStatus.Completed or RunStatus.Failed);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("E9M9", run.ErrorMessage);
    }

    [Fact]
    public async Task AnExplorerRunPastItsWallClockLimitIsStoppedAndFailsSayingSo()
    {
        // freedoom2's MAP29 takes the explorer over a second; a millisecond stops it inside.
        await using var worker = new WorkerHost(_database!.ConnectionString, _redis, _keyPrefix, _checkout, TimeSpan.FromSeconds(30), new Dictionary<string, string>(),
            new Dictionary<string, string> { ["Agents:Explorer:WallClockLimit"] = "00:00:00.001" }).Start();
        var runId = await StartAsync(worker, await CreateRunAsync(RunType.Testing, "explorer", RlGameTester.TestSupport.Fixtures.Freedoom2, "MAP29", null));

        var run = await WaitForAsync(runId, s => s is RunStatus.Completed or RunStatus.Failed);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal("The explorer passed its wall-clock limit of 00:00:00.0010000 on MAP29 (Agents:Explorer:WallClockLimit) and was stopped.", run.ErrorMessage);
    }

    private WorkerHost Worker(params (string Key, string Value)[] fakeArnold) => Worker(TimeSpan.FromSeconds(30), fakeArnold);

    private WorkerHost Worker(TimeSpan visibility, (string Key, string Value)[] fakeArnold) =>
        new(_database!.ConnectionString, _redis, _keyPrefix, _checkout, visibility, fakeArnold.ToDictionary(p => p.Key, p => p.Value));

    private RlgtDbContext Db() => new(new DbContextOptionsBuilder<RlgtDbContext>()
        .UseNpgsql(_database!.ConnectionString).UseSnakeCaseNamingConvention().Options);

    private Task<long> CreateRunAsync(RunType type) => CreateRunAsync(type, "arnold", Fixtures.Wad("defend_the_center.wad"), "MAP01", "defend_the_center");

    private async Task<long> CreateRunAsync(RunType type, string agent, string wadPath, string level, string? scenario, string? config = null)
    {
        await using var db = Db();
        var wad = await File.ReadAllBytesAsync(wadPath, Token);
        var blobName = $"test/{Guid.NewGuid():N}.wad";
        var container = new BlobServiceClient(TestServers.Blobs).GetBlobContainerClient("wads");
        await container.CreateIfNotExistsAsync(cancellationToken: Token);
        await container.UploadBlobAsync(blobName, new BinaryData(wad), Token);
        var map = new Map { Name = Path.GetFileNameWithoutExtension(wadPath), LevelName = level, BlobName = blobName, Scenario = scenario, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Maps.Add(map);
        await db.SaveChangesAsync(Token);
        var run = new Run
        {
            MapId = map.Id,
            RunType = type,
            Agent = agent,
            AgentModel = type == RunType.Training || agent != "arnold" ? null : _model,
            Scenario = scenario,
            Config = config,
            CreatedAt = DateTime.UtcNow,
        };
        db.Runs.Add(run);
        await db.SaveChangesAsync(Token);
        return run.Id;
    }

    /// <summary>What POST /api/runs/{id}/start does: pending -> running, then a job on the runs queue.</summary>
    private async Task<long> StartRunAsync(WorkerHost worker, RunType type = RunType.Evaluation) => await StartAsync(worker, await CreateRunAsync(type));

    private async Task<long> StartAsync(WorkerHost worker, long runId)
    {
        await using (var db = Db())
        {
            Assert.True((await RunLifecycle.ApplyAsync(db, runId, RunTransition.Start, DateTime.UtcNow, cancellationToken: Token)).Applied);
        }

        await worker.Services.GetRequiredService<RedisJobQueue>().EnqueueAsync(new PlayRun(runId), Token);
        return runId;
    }

    private async Task<Run> WaitForAsync(long runId, Func<RunStatus, bool> done)
    {
        Run? run = null;
        await WaitUntilAsync(async () =>
        {
            await using var db = Db();
            run = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == runId, Token);
            return done(run.Status);
        });
        return run!;
    }

    /// <summary>The worker completes a run before it queues the run's analysis: wait for the job itself.</summary>
    private static Task WaitForAnalysisJobAsync(WorkerHost worker) =>
        Eventually.UntilAsync(_ => worker.Services.GetRequiredService<RedisJobQueue>().LengthAsync(Queues.Analysis), n => n >= 1, "the finished run's analysis job", Token);

    private async Task<Dictionary<EventType, int>> CountsAsync(long runId)
    {
        await using var db = Db();
        return await db.Events.Where(e => e.RunId == runId).GroupBy(e => e.EventType)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, Token);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < Patience, "timed out waiting");
            await Task.Delay(100, Token);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
