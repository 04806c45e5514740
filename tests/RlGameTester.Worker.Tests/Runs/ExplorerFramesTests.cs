using System.Globalization;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCvSharp;
using RlGameTester.Data;
using RlGameTester.Data.Blobs;
using RlGameTester.Data.Frames;
using RlGameTester.Data.Maps;
using RlGameTester.Data.Runs;
using RlGameTester.Domain.Bugs;
using RlGameTester.Domain.Events;
using RlGameTester.Domain.Frames;
using RlGameTester.Doom.Rendering;
using RlGameTester.Messaging.Jobs;
using RlGameTester.Messaging.Queue;
using RlGameTester.TestSupport;
using RlGameTester.Worker.Agents.Explorer.Frames;

namespace RlGameTester.Worker.Tests.Runs;

/// <summary>
/// Explorer runs render their path for real: the Worker plays a freedoom level, draws frames along the path, stores
/// them in Azurite as an agent's frames are stored, and the real Analysis service checks them; a level meant for
/// vanilla gets its renderer-limit overflows filed as bugs. PostgreSQL, Redis and Azurite are the test servers; each
/// test has a database and a Redis key prefix of its own.
/// </summary>
public sealed class ExplorerFramesTests : IAsyncLifetime
{
    private static readonly string Namespace = "explorer-frames-" + Guid.NewGuid().ToString("N")[..6];
    private readonly string _redis = TestServers.RedisFor(2, Namespace);
    private readonly string _keyPrefix = $"{Namespace}-{Guid.NewGuid().ToString("N")[..6]}:";
    private readonly string _checkout = Path.Combine(Path.GetTempPath(), "rlgt-explorer-frames-" + Guid.NewGuid().ToString("N")[..10]);
    private TestDatabase? _database;
    private WorkerHost? _worker;
    private AnalysisHost? _analysis;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Token);
        Directory.CreateDirectory(_checkout);
        // The Worker migrates the database as it starts; the Analysis service comes up on the migrated one.
        _worker = new WorkerHost(_database.ConnectionString, _redis, _keyPrefix, _checkout, TimeSpan.FromMinutes(2), new Dictionary<string, string>()).Start();
        _analysis = new AnalysisHost(_database.ConnectionString, _redis, _keyPrefix).Start();

        // Frame blobs are named by run id on a shared Azurite: this database's ids start far from every other test's.
        await using var db = Db();
        var restart = FormattableString.Invariant($"ALTER TABLE runs ALTER COLUMN id RESTART WITH {Random.Shared.NextInt64(1_000_000_000, 9_000_000_000)}");
        await db.Database.ExecuteSqlRawAsync(restart, Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_analysis is not null)
        {
            await _analysis.DisposeAsync();
        }

        if (_worker is not null)
        {
            await _worker.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Directory.Delete(_checkout, recursive: true);
    }

    [Fact]
    public async Task AnExplorerRunStoresAFrameEveryEightTicsOfItsPathByDefaultAndTheFrameChecksRunOnThem()
    {
        var runId = await StartAsync(RlGameTester.TestSupport.Fixtures.Freedoom1, "E1M1", "{}");

        var run = await WaitForAsync(runId, r => r.Status is RunStatus.Completed or RunStatus.Failed, "the run's end");

        Assert.True(run.Status == RunStatus.Completed, run.ErrorMessage);
        var chosen = FrameTicks.Choose(await PositionTicksAsync(runId), 8, 1_000);
        var store = _worker!.Services.GetRequiredService<RunFrameStore>();
        var frames = await store.ListAsync(runId, Token);
        // Every frame is one of the chosen samples; the few where the level as it starts differs under the body (E1M1's
        // opened doors and lowered lift) are left out, as the scene cannot draw them.
        var ticks = frames.Select(f => f.Tick).ToList();
        Assert.Subset(chosen.ToHashSet(), ticks.ToHashSet());
        Assert.Equal(ticks.Order(), ticks);
        Assert.InRange(ticks.Count, Math.Max(50, chosen.Count * 8 / 10), chosen.Count - 1);

        // The frame checks ran on every one of them and said so on the run: E1M1 drawn as it is holds no glitch, and on
        // frames the renderer drew whole none is filed (its note, read back from the stored PNGs, says so).
        var checkedRun = await WaitForAsync(runId, r => r.FramesCheckedAt is not null, "the frames' analysis");
        Assert.Equal(ticks.Count, checkedRun.FramesChecked);
        Assert.Equal(0, checkedRun.FrameFindings);

        foreach (var frame in new[] { frames[0], frames[frames.Count / 2], frames[^1] })
        {
            var bytes = await store.DownloadAsync(frame.BlobName, Token);
            Assert.NotNull(bytes);
            var header = FrameImageHeader.Read(bytes, out var problem);
            Assert.True(header is { Kind: FrameImageKind.Png, Width: 320, Height: 200 }, $"tick {frame.Tick}: {problem ?? header?.ToString()}");
            Assert.Equal(new RendererNote(0, 0, 0, 0), RendererNote.Read(bytes));
            using var image = Cv2.ImDecode(bytes, ImreadModes.Color);
            using var view = new Mat(image, new Rect(0, 0, 320, 168));
            using var bar = new Mat(image, new Rect(0, 168, 320, 32));
            Cv2.MeanStdDev(view, out var viewMean, out var viewSpread);
            Assert.True(viewSpread.Val0 + viewSpread.Val1 + viewSpread.Val2 > 20, $"tick {frame.Tick}: the view is flat (spread {viewSpread})");
            Assert.True(viewMean.Val0 + viewMean.Val1 + viewMean.Val2 > 30, $"tick {frame.Tick}: the view is black (mean {viewMean})");
            Assert.True(Cv2.Mean(bar).Val0 > 20, $"tick {frame.Tick}: no status bar drawn");
        }

        var end = await EventAsync(runId, EventType.EpisodeEnd);
        Assert.Equal(ticks.Count, end.RootElement.GetProperty("frames").GetInt32());
    }

    [Fact]
    public async Task AWallWhoseTextureIsMissingInViewOfThePathIsAnUndrawnViewBugAtTheTickItShows()
    {
        // E1M1 with the middle texture of a wall the player faces at the start removed (a mapping error): the first
        // frame, at the start, shows it undrawn. Chosen by drawing the start view without each wall ahead in turn.
        var data = File.ReadAllBytes(RlGameTester.TestSupport.Fixtures.Freedoom1);
        var iwad = Doom.Wad.WadFile.Read(data);
        var level = Doom.Levels.LevelReader.Read(Doom.Levels.LevelDirectory.Find(iwad).First(e => e.Name == "E1M1"));
        var start = level.Things.First(t => t.Type == 1);
        var view = new ViewPoint(start.X, start.Y, start.Angle);
        (byte[] Wad, int Pixels)? doctored = null;
        for (var line = 0; line < level.Linedefs.Length; line++)
        {
            var near = level.Vertices[level.Linedefs[line].Start];
            if (level.Linedefs[line].BackSide >= 0 || level.Linedefs[line].FrontSide < 0 || Math.Abs(near.X - start.X) + Math.Abs(near.Y - start.Y) > 1024)
            {
                continue;
            }

            var edit = new EditableLevel(data, "E1M1");
            edit.SetSideTexture(level.Linedefs[line].FrontSide, 2, "-");
            var wad = Doom.Wad.WadFile.Read(edit.ToWad());
            var entry = Doom.Levels.LevelDirectory.Find(wad).Single();
            var scene = RenderScene.Create(Doom.Levels.LevelReader.Read(entry), Doom.Resources.ResourceSet.Create(wad, iwad), entry);
            var statistics = new ViewRenderer(scene, new RenderOptions { Width = 320, Height = 168 }).Render(view).Statistics;
            if (statistics.MissingTextureColumnsAtMovers == 0 && statistics.UndrawnPixels > (doctored?.Pixels ?? 0))
            {
                doctored = (edit.ToWad(), statistics.UndrawnPixels);
            }
        }

        // The wall leaves 5% or more of the view undrawn (the check's bar is 2%).
        Assert.True(doctored is { Pixels: >= (int)(0.05 * 320 * 168) }, $"the most a wall ahead leaves undrawn: {doctored?.Pixels} pixels");
        var path = Path.Combine(Path.GetTempPath(), $"e1m1-missing-wall-{Guid.NewGuid():N}.wad");
        await File.WriteAllBytesAsync(path, doctored!.Value.Wad, Token);
        long runId;
        try
        {
            runId = await StartAsync(path, "E1M1", "{}");
        }
        finally
        {
            File.Delete(path);
        }

        var checkedRun = await WaitForAsync(runId, r => r.FramesCheckedAt is not null, "the frames' analysis");

        await using var db = Db();
        var glitches = await db.Bugs.AsNoTracking().Where(b => b.RunId == runId && b.BugType == BugType.VisualGlitch).ToListAsync(Token);
        var undrawn = Assert.Single(glitches, b => b.CheckName == "undrawn-view" && b.Frame <= 8);
        Assert.Equal(BugSeverity.Major, undrawn.Severity);
        Assert.Contains("The renderer drew nothing over", undrawn.Title + undrawn.Description, StringComparison.Ordinal);
        Assert.NotNull(undrawn.ScreenshotPath);
        Assert.Equal(glitches.Count, checkedRun.FrameFindings);
    }

    [Fact]
    public async Task AnExplorerRunThatAsksForNoFramesStoresNone()
    {
        var runId = await StartAsync(RlGameTester.TestSupport.Fixtures.Freedoom1, "E1M1", "{\"frame_every\":0}");

        var run = await WaitForAsync(runId, r => r.Status is RunStatus.Completed or RunStatus.Failed, "the run's end");

        Assert.True(run.Status == RunStatus.Completed, run.ErrorMessage);
        // Frames are stored before a run ends: none now is none at all.
        Assert.Empty(await _worker!.Services.GetRequiredService<RunFrameStore>().ListAsync(runId, Token));
        Assert.Null(run.FramesCheckedAt);
        var end = await EventAsync(runId, EventType.EpisodeEnd);
        Assert.Equal(0, end.RootElement.GetProperty("frames").GetInt32());
    }

    [Fact]
    public async Task AVanillaLevelThatOverflowsVisplanesWhereTheExplorerWalkedGetsTheLimitFindingAndUnderBoomNone()
    {
        // freedoom2's MAP12 passes 128 visplanes in places; uploaded as meant for vanilla. Counting the limits needs no
        // pictures: the runs ask for none.
        var vanilla = await StartAsync(RlGameTester.TestSupport.Fixtures.Freedoom2, "MAP12", "{\"frame_every\":0}", compatibility: "vanilla");
        var boom = await StartAsync(RlGameTester.TestSupport.Fixtures.Freedoom2, "MAP12", "{\"frame_every\":0,\"compatibility\":\"boom\"}", compatibility: "vanilla");

        var bugs = await AnalysedBugsAsync(vanilla);
        var limits = bugs.Where(b => b.BugType == BugType.RenderLimit).ToList();
        var visplanes = limits.Where(b => b.CheckName == "explorer-vanilla-visplanes").ToList();
        Assert.NotEmpty(visplanes);
        foreach (var bug in visplanes)
        {
            Assert.Equal(BugSeverity.Critical, bug.Severity);
            Assert.NotNull(bug.PositionX);
            Assert.NotNull(bug.PositionY);
            using var evidence = JsonDocument.Parse(bug.Data!);
            Assert.True(int.Parse(evidence.RootElement.GetProperty("count").GetString()!, CultureInfo.InvariantCulture) > 128, bug.Data);
            Assert.Equal("128", evidence.RootElement.GetProperty("vanilla_limit").GetString());
            Assert.InRange(double.Parse(evidence.RootElement.GetProperty("angle").GetString()!, CultureInfo.InvariantCulture), 0, 359);
            Assert.Matches(@"^\d+ visplanes at \(-?\d+, -?\d+\) facing \d+°", bug.Title);
        }

        // One finding per limit per place, not one per view, and a bounded number per limit.
        Assert.All(limits.GroupBy(b => b.CheckName), g => Assert.InRange(g.Count(), 1, LimitOverflows.MaxPlacesPerLimit));
        Assert.Equal(limits.Count, limits.Select(b => (b.CheckName, b.PositionX, b.PositionY)).Distinct().Count());

        Assert.DoesNotContain(await AnalysedBugsAsync(boom), b => b.BugType == BugType.RenderLimit);
    }

    private async Task<long> StartAsync(string wadPath, string level, string config, string? compatibility = null)
    {
        await using var db = Db();
        var blobName = $"test/{Guid.NewGuid():N}.wad";
        var container = new BlobServiceClient(TestServers.Blobs).GetBlobContainerClient(BlobStore.Wads);
        await container.CreateIfNotExistsAsync(cancellationToken: Token);
        await using (var file = File.OpenRead(wadPath))
        {
            await container.UploadBlobAsync(blobName, file, Token);
        }

        var map = new Map
        {
            Name = Path.GetFileNameWithoutExtension(wadPath),
            LevelName = level,
            BlobName = blobName,
            Compatibility = compatibility,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.Maps.Add(map);
        await db.SaveChangesAsync(Token);
        var run = new Run { MapId = map.Id, RunType = RunType.Testing, Agent = "explorer", Config = config, CreatedAt = DateTime.UtcNow };
        db.Runs.Add(run);
        await db.SaveChangesAsync(Token);

        // What POST /api/runs/{id}/start does: pending -> running, then a job on the runs queue.
        Assert.True((await RunLifecycle.ApplyAsync(db, run.Id, RunTransition.Start, DateTime.UtcNow, cancellationToken: Token)).Applied);
        await _worker!.Services.GetRequiredService<RedisJobQueue>().EnqueueAsync(new PlayRun(run.Id), Token);
        return run.Id;
    }

    /// <summary>The run's bugs once its analysis stored them (with its metrics, in one transaction).</summary>
    private async Task<List<Data.Bugs.Bug>> AnalysedBugsAsync(long runId)
    {
        var run = await WaitForAsync(runId, r => r.Status is RunStatus.Completed or RunStatus.Failed, "the run's end");
        Assert.True(run.Status == RunStatus.Completed, run.ErrorMessage);
        await Eventually.UntilAsync(
            async token =>
            {
                await using var db = Db();
                return await db.Metrics.AnyAsync(m => m.RunId == runId, token);
            },
            found => found, $"run {runId}'s analysis", Token, TimeSpan.FromMinutes(5));
        await using var db = Db();
        return await db.Bugs.AsNoTracking().Where(b => b.RunId == runId).ToListAsync(Token);
    }

    private async Task<Run> WaitForAsync(long runId, Func<Run, bool> done, string what) =>
        await Eventually.UntilAsync(
            async token =>
            {
                await using var db = Db();
                return await db.Runs.AsNoTracking().SingleAsync(r => r.Id == runId, token);
            },
            done, $"run {runId}: {what}", Token, TimeSpan.FromMinutes(5));

    private async Task<List<int>> PositionTicksAsync(long runId)
    {
        await using var db = Db();
        return await db.Events.Where(e => e.RunId == runId && e.EventType == EventType.Position).OrderBy(e => e.Seq).Select(e => e.Frame!.Value).ToListAsync(Token);
    }

    private async Task<JsonDocument> EventAsync(long runId, EventType type)
    {
        await using var db = Db();
        var e = await db.Events.SingleAsync(e => e.RunId == runId && e.EventType == type, Token);
        return JsonDocument.Parse(e.Data!);
    }

    private RlgtDbContext Db() => new(new DbContextOptionsBuilder<RlgtDbContext>()
        .UseNpgsql(_database!.ConnectionString).UseSnakeCaseNamingConvention().Options);
}
