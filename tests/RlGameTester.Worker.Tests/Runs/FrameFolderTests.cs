using System.Diagnostics;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenCvSharp;
using RlGameTester.Data;
using RlGameTester.Data.Blobs;
using RlGameTester.Data.Events;
using RlGameTester.Data.Frames;
using RlGameTester.Data.Maps;
using RlGameTester.Data.Runs;
using RlGameTester.Domain.Events;
using RlGameTester.Domain.Frames;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Wad;
using RlGameTester.Messaging;
using RlGameTester.Messaging.Jobs;
using RlGameTester.Messaging.Queue;
using RlGameTester.Messaging.Runs;
using RlGameTester.TestSupport;
using RlGameTester.Worker.Agents;
using RlGameTester.Worker.Runs;

namespace RlGameTester.Worker.Tests.Runs;

/// <summary>
/// A real Worker playing a run with a small agent that writes frames of freedoom graphics (and some junk) into its
/// folder's <c>frames/</c>, as an agent with a screen would: the frames are stored in blob storage by tick and the
/// run's frames are queued for the Analysis service.
/// </summary>
public sealed class FrameFolderTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private static readonly string Namespace = "worker-frames-" + Guid.NewGuid().ToString("N")[..6];
    private readonly string _keyPrefix = $"{Namespace}-{Guid.NewGuid().ToString("N")[..6]}:";
    private TestDatabase? _database;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync(Token);

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FramesTheAgentWroteAreStoredByTickAndQueuedForAnalysisEvenWhenItFails(bool succeeds)
    {
        await using var worker = new FrameWorkerHost(_database!.ConnectionString, _keyPrefix, succeeds);
        _ = worker.Services;
        await RestartRunIdsAsync();
        var runId = await StartRunAsync(worker);

        var run = await WaitForAsync(runId, s => s is RunStatus.Completed or RunStatus.Failed);

        Assert.Equal(succeeds ? RunStatus.Completed : RunStatus.Failed, run.Status);
        await WaitForWorkerToFinishAsync(worker, runId);
        var stored = await worker.Services.GetRequiredService<RunFrameStore>().ListAsync(runId, Token);
        Assert.Equal(FrameWritingAgent.GoodTicks, stored.Select(f => f.Tick));
        Assert.Equal([$"runs/{runId}/00000000.a1.png", $"runs/{runId}/00000004.a1.jpg", $"runs/{runId}/00000008.a1.png", $"runs/{runId}/00000012.a1.png"],
            stored.Select(f => f.BlobName));
        Assert.Equal(["image/png", "image/jpeg", "image/png", "image/png"], stored.Select(f => f.ContentType));
        var jobs = await AnalysisJobsAsync(worker);
        Assert.Contains(new AnalyseFrames(runId), jobs.Select(l => l.TryRead<AnalyseFrames>()));
    }

    [Fact]
    public async Task AnAgentThatWritesNoFramesQueuesNoFrameAnalysis()
    {
        await using var worker = new FrameWorkerHost(_database!.ConnectionString, _keyPrefix, succeeds: true, writeFrames: false);
        _ = worker.Services;
        await RestartRunIdsAsync();
        var runId = await StartRunAsync(worker);

        Assert.Equal(RunStatus.Completed, (await WaitForAsync(runId, s => s is RunStatus.Completed or RunStatus.Failed)).Status);
        // The run is completed before its analysis is queued: what is (and is not) queued is known once the worker is done.
        await WaitForWorkerToFinishAsync(worker, runId);

        Assert.Empty(await worker.Services.GetRequiredService<RunFrameStore>().ListAsync(runId, Token));
        var jobs = await AnalysisJobsAsync(worker);
        Assert.Contains(new AnalyseRun(runId), jobs.Select(l => l.TryRead<AnalyseRun>()));
        Assert.DoesNotContain(jobs, l => l.Type == AnalyseFrames.Type);
    }

    [Fact]
    public async Task FramesAnEarlierAttemptStoredAreDroppedAndTheApisUploadsKept()
    {
        var store = new RunFrameStore(new BlobStore(new BlobServiceClient(TestServers.Blobs)));
        var upload = new FrameFolderUpload(store, NullLogger<FrameFolderUpload>.Instance);
        var runId = Random.Shared.NextInt64(9_100_000_000, 9_200_000_000); // no database here: an id no other test uses
        var png = FrameWritingAgent.Frame(0, ".png");
        var image = FrameImageHeader.Read(png, out var problem) ?? throw new InvalidOperationException(problem);
        // A worker that died mid-run stored ticks 10 and 30; someone uploaded tick 40 through the Api.
        await store.UploadAsync(runId, 10, image, png, episode: null, Token, attempt: 1);
        await store.UploadAsync(runId, 30, image, png, episode: null, Token, attempt: 1);
        await store.UploadAsync(runId, 40, image, png, episode: 2, Token);
        var work = Directory.CreateTempSubdirectory("rlgt-frames-");
        try
        {
            var frames = Directory.CreateDirectory(Path.Combine(work.FullName, "attempt-2", FrameFolderUpload.FolderName));
            await File.WriteAllBytesAsync(Path.Combine(frames.FullName, "000010.png"), png, Token);
            await File.WriteAllBytesAsync(Path.Combine(frames.FullName, "000020.png"), png, Token);

            // Both of attempt 1's frames go, tick 10 too: each attempt writes blobs of its own, never over another's.
            Assert.Equal(new FrameFolderResult(Stored: 2, Dropped: 2), await upload.UploadAsync(runId, 2, Path.Combine(work.FullName, "attempt-2"), StillOwner, Token));
            var stored = await store.ListAsync(runId, Token);
            Assert.Equal([10, 20, 40], stored.Select(f => f.Tick));
            Assert.Equal([2, 2, null], stored.Select(f => f.Attempt));
            Assert.Equal([null, null, 2], stored.Select(f => f.Episode));

            // A third attempt whose agent writes no frames still drops the second's: its analysis is due all the same.
            var third = await upload.UploadAsync(runId, 3, Path.Combine(work.FullName, "attempt-3"), StillOwner, Token);
            Assert.Equal(new FrameFolderResult(Stored: 0, Dropped: 2), third);
            Assert.True(third.Changed);
            Assert.Equal([40], (await store.ListAsync(runId, Token)).Select(f => f.Tick));
        }
        finally
        {
            work.Delete(recursive: true);
            foreach (var frame in await store.ListAsync(runId, Token))
            {
                await store.DeleteAsync(frame.BlobName, Token);
            }
        }
    }

    [Fact]
    public async Task AnAttemptThatLostTheRunWhileStoringFramesDeletesItsOwnAndLeavesItsSuccessorsFrames()
    {
        await using var worker = new FrameWorkerHost(_database!.ConnectionString, _keyPrefix, succeeds: true, writeFrames: false);
        _ = worker.Services;
        await RestartRunIdsAsync();
        var runId = await CreateRunAsync();
        var store = worker.Services.GetRequiredService<RunFrameStore>();
        var png = FrameWritingAgent.Frame(0, ".png");
        var image = FrameImageHeader.Read(png, out var problem) ?? throw new InvalidOperationException(problem);
        // Attempt 1's worker was thought dead and attempt 2 took the run and stored tick 10; someone uploaded tick 40
        // through the Api. Attempt 1 was only slow: it now stores what its agent wrote, tick 10 among them.
        await using (var db = Db())
        {
            await db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Attempt, 2), Token);
        }

        await store.UploadAsync(runId, 10, image, png, episode: null, Token, attempt: 2);
        await store.UploadAsync(runId, 40, image, png, episode: 2, Token);
        using var scope = worker.Services.CreateScope();
        var work = Directory.CreateTempSubdirectory("rlgt-frames-");
        try
        {
            var frames = Directory.CreateDirectory(Path.Combine(work.FullName, FrameFolderUpload.FolderName));
            await File.WriteAllBytesAsync(Path.Combine(frames.FullName, "000010.png"), png, Token);
            await File.WriteAllBytesAsync(Path.Combine(frames.FullName, "000020.png"), png, Token);
            var upload = new FrameFolderUpload(store, NullLogger<FrameFolderUpload>.Instance);

            var lost = await Assert.ThrowsAsync<JobAbandonedException>(
                () => upload.UploadAsync(runId, 1, work.FullName, Sink(scope, runId, attempt: 1).EnsureOwnerAsync, Token));

            Assert.Contains("now attempt 2, not 1", lost.Message, StringComparison.Ordinal);
            var left = await store.ListAsync(runId, Token);
            Assert.Equal([(10, (int?)2), (40, null)], left.Select(f => (f.Tick, f.Attempt)));
            Assert.Equal([$"runs/{runId}/00000010.a2.png", $"runs/{runId}/00000040.png"], left.Select(f => f.BlobName));
            Assert.Equal($"runs/{runId}/00000010.a2.png", (await store.FindAsync(runId, 10, Token))?.BlobName);

            // The owner passes the same check, stores its frames and keeps them.
            Assert.Equal(new FrameFolderResult(Stored: 2, Dropped: 0), await upload.UploadAsync(runId, 2, work.FullName, Sink(scope, runId, attempt: 2).EnsureOwnerAsync, Token));
            Assert.Equal([(10, (int?)2), (20, 2), (40, null)], (await store.ListAsync(runId, Token)).Select(f => (f.Tick, f.Attempt)));
        }
        finally
        {
            work.Delete(recursive: true);
            foreach (var frame in await store.ListAsync(runId, Token))
            {
                await store.DeleteAsync(frame.BlobName, Token);
            }
        }
    }

    private static Task StillOwner(CancellationToken cancellationToken) => Task.CompletedTask;

    private static RunEventSink Sink(IServiceScope scope, long runId, int attempt) => new(
        scope.ServiceProvider.GetRequiredService<RlgtDbContext>(),
        scope.ServiceProvider.GetRequiredService<EventBulkWriter>(),
        scope.ServiceProvider.GetRequiredService<RunChannels>(),
        runId,
        attempt,
        scope.ServiceProvider.GetRequiredService<IOptions<WorkerOptions>>().Value,
        TimeProvider.System);

    /// <summary>Frame blobs are named by run id on a shared Azurite: this database's ids start far from every other test's.</summary>
    private async Task RestartRunIdsAsync()
    {
        await using var db = Db();
        var restart = FormattableString.Invariant($"ALTER TABLE runs ALTER COLUMN id RESTART WITH {Random.Shared.NextInt64(1_000_000_000, 9_000_000_000)}");
        await db.Database.ExecuteSqlRawAsync(restart, Token);
    }

    private async Task<long> StartRunAsync(FrameWorkerHost worker)
    {
        var runId = await CreateRunAsync();
        await using var db = Db();
        Assert.True((await RunLifecycle.ApplyAsync(db, runId, RunTransition.Start, DateTime.UtcNow, cancellationToken: Token)).Applied);
        await worker.Services.GetRequiredService<RedisJobQueue>().EnqueueAsync(new PlayRun(runId), Token);
        return runId;
    }

    private async Task<long> CreateRunAsync()
    {
        await using var db = Db();
        var blobName = $"test/{Guid.NewGuid():N}.wad";
        var container = new BlobServiceClient(TestServers.Blobs).GetBlobContainerClient("wads");
        await container.CreateIfNotExistsAsync(cancellationToken: Token);
        await container.UploadBlobAsync(blobName, new BinaryData(await File.ReadAllBytesAsync(Path.Combine(TestSupport.Fixtures.Wads, "defend_the_center.wad"), Token)), Token);
        var map = new Map { Name = "defend_the_center", LevelName = "MAP01", BlobName = blobName, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Maps.Add(map);
        await db.SaveChangesAsync(Token);
        var run = new Run { MapId = map.Id, Agent = FrameWritingAgent.AgentName, CreatedAt = DateTime.UtcNow };
        db.Runs.Add(run);
        await db.SaveChangesAsync(Token);
        return run.Id;
    }

    /// <summary>The worker's last step with a run is its final progress message, after it queued the run's analyses.</summary>
    private static Task WaitForWorkerToFinishAsync(FrameWorkerHost worker, long runId) =>
        Eventually.UntilAsync(
            _ => worker.Services.GetRequiredService<RunChannels>().GetProgressAsync(runId),
            p => p?.Status is "completed" or "failed",
            $"the worker to publish run {runId}'s final progress",
            Token);

    private static async Task<List<JobLease>> AnalysisJobsAsync(FrameWorkerHost worker)
    {
        var queue = worker.Services.GetRequiredService<RedisJobQueue>();
        var jobs = new List<JobLease>();
        for (var lease = await queue.TakeAsync(Queues.Analysis, "frames-test", Token); lease is not null; lease = await queue.TakeAsync(Queues.Analysis, "frames-test", Token))
        {
            await queue.AcknowledgeAsync(lease);
            jobs.Add(lease);
        }

        return jobs;
    }

    private async Task<Run> WaitForAsync(long runId, Func<RunStatus, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var db = Db();
            var run = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == runId, Token);
            if (done(run.Status))
            {
                return run;
            }

            Assert.True(clock.Elapsed < Patience, $"timed out waiting for run {runId}: {run.Status}");
            await Task.Delay(100, Token);
        }
    }

    private RlgtDbContext Db() => new(new DbContextOptionsBuilder<RlgtDbContext>()
        .UseNpgsql(_database!.ConnectionString).UseSnakeCaseNamingConvention().Options);

    /// <summary>
    /// Plays nothing, but behaves like an agent with a screen: a few events, and frames written into
    /// <c>frames/</c> of its working folder (PNG and JPEG of freedoom textures) beside a note, a file
    /// without a tick and a frame cut short.
    /// </summary>
    private sealed class FrameWritingAgent(bool succeeds, bool writeFrames) : IAgent
    {
        public const string AgentName = "frame-writer";

        public static readonly int[] GoodTicks = [0, 4, 8, 12];

        private static readonly Lazy<ResourceSet> Graphics = new(() => ResourceSet.Create(WadFile.Read(File.ReadAllBytes(TestSupport.Fixtures.Freedoom2)), null));

        public string Name => AgentName;

        public async Task<AgentResult> RunAsync(AgentRun run, IAgentSink sink, CancellationToken cancellationToken)
        {
            await sink.EmitAsync(new TelemetryEvent(0, EventType.EpisodeStart, run.StartedAt, Episode: 1, Tick: 0), cancellationToken);
            await sink.EmitAsync(new TelemetryEvent(1, EventType.Position, run.StartedAt, Episode: 1, Tick: 4, DataJson: "{\"x\":10,\"y\":20}"), cancellationToken);
            if (writeFrames)
            {
                var folder = Directory.CreateDirectory(Path.Combine(run.WorkingDirectory, "frames")).FullName;
                await File.WriteAllBytesAsync(Path.Combine(folder, "000000.png"), Frame(0, ".png"), cancellationToken);
                await File.WriteAllBytesAsync(Path.Combine(folder, "frame_4.jpg"), Frame(1, ".jpg"), cancellationToken);
                await File.WriteAllBytesAsync(Path.Combine(folder, "tick-8.png"), Frame(2, ".png"), cancellationToken);
                await File.WriteAllBytesAsync(Path.Combine(folder, "000012.png"), Frame(3, ".png"), cancellationToken);
                await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "not a frame", cancellationToken);
                await File.WriteAllBytesAsync(Path.Combine(folder, "screenshot.png"), Frame(4, ".png"), cancellationToken);
                var cut = Frame(5, ".png");
                await File.WriteAllBytesAsync(Path.Combine(folder, "000016.png"), cut[..(cut.Length / 2)], cancellationToken);
            }

            return succeeds ? new AgentResult(true) : new AgentResult(false, "The frame writer gave up.", ExitCode: 3);
        }

        public static byte[] Frame(int index, string extension)
        {
            var doom = Graphics.Value;
            var texture = doom.RenderTexture(doom.TextureNames.Order(StringComparer.Ordinal).ElementAt(20 + index))!;
            using var frame = new Mat(200, 320, MatType.CV_8UC3);
            var pixels = frame.AsSpan<byte>();
            for (var y = 0; y < 200; y++)
            {
                for (var x = 0; x < 320; x++)
                {
                    var s = (((y % texture.Height) * texture.Width) + (x % texture.Width)) * 3;
                    var d = ((y * 320) + x) * 3;
                    (pixels[d], pixels[d + 1], pixels[d + 2]) = (texture.Rgb[s + 2], texture.Rgb[s + 1], texture.Rgb[s]);
                }
            }

            return frame.ImEncode(extension);
        }
    }

    private sealed class FrameWorkerHost(string database, string keyPrefix, bool succeeds, bool writeFrames = true) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:rlgt", database);
            builder.UseSetting("ConnectionStrings:redis", TestServers.RedisFor(2, Namespace));
            builder.UseSetting("ConnectionStrings:blobs", TestServers.Blobs);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:StackExchange.Redis", "None");
            builder.UseSetting("Queue:PollInterval", "00:00:00.050");
            builder.UseSetting("Queue:KeyPrefix", keyPrefix);
            builder.ConfigureTestServices(services => services.AddSingleton<IAgent>(new FrameWritingAgent(succeeds, writeFrames)));
        }
    }
}
