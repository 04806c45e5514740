using Azure.Storage.Blobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenCvSharp;
using RlGameTester.Analysis.Frames;
using RlGameTester.Analysis.Reports;
using RlGameTester.Analysis.Tests.Frames.Support;
using RlGameTester.Analysis.Tests.Reports.Support;
using RlGameTester.Data;
using RlGameTester.Data.Blobs;
using RlGameTester.Data.Bugs;
using RlGameTester.Data.Events;
using RlGameTester.Data.Frames;
using RlGameTester.Data.Maps;
using RlGameTester.Data.Runs;
using RlGameTester.Domain.Bugs;
using RlGameTester.Domain.Events;
using RlGameTester.Domain.Frames;
using RlGameTester.TestSupport;

namespace RlGameTester.Analysis.Tests.Frames;

/// <summary>
/// The Analysis service's frame job against real PostgreSQL and Azurite: frames composed from freedoom's graphics are
/// stored as the Api stores them, checked, and filed as visual_glitch bugs with thumbnails, replaced on every rerun.
/// </summary>
public sealed class RunFrameAnalysisTests : IAsyncLifetime
{
    private static readonly ClipFactory Factory = new(DoomGraphics.Shared, 320, 240);
    private readonly BlobStore _blobs;
    private readonly RunFrameStore _store;
    private TestDatabase? _database;

    public RunFrameAnalysisTests()
    {
        _blobs = new BlobStore(new BlobServiceClient(TestServers.Blobs));
        _store = new RunFrameStore(_blobs);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Token);
        await using var db = Db();
        await db.Database.MigrateAsync(Token);
        // Frame blobs are named by run id on a shared Azurite: start far from every other test's ids.
        var restart = FormattableString.Invariant($"ALTER TABLE runs ALTER COLUMN id RESTART WITH {Random.Shared.NextInt64(1_000_000_000, 9_000_000_000)}");
        await db.Database.ExecuteSqlRawAsync(restart, Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task GlitchedFramesBecomeVisualGlitchBugsWithThumbnailsAndAnalysingAgainReplacesThem()
    {
        var runId = await RunAsync();
        var clip = BlackAndNoisyClip();

        await StoreAsync(runId, clip, ".png");
        await using (var db = Db())
        {
            // Found by others: a frame rerun must leave them alone.
            db.Bugs.Add(new Bug { RunId = runId, MapId = await MapOfAsync(runId), BugType = BugType.StuckState, DetectionSource = DetectionSource.Telemetry, Title = "stuck", DetectedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(Token);
        }

        await AnalyseAsync(runId);
        var first = await FrameBugsAsync(runId);
        await AnalyseAsync(runId);
        var second = await FrameBugsAsync(runId);

        var black = Assert.Single(second, b => b.CheckName == FrameCheckNames.BlackFrame);
        Assert.Equal(BugType.VisualGlitch, black.BugType);
        Assert.Equal(BugSeverity.Major, black.Severity);
        Assert.InRange(black.Frame!.Value, clip.Frames[8].Tick, clip.Frames[9].Tick);
        Assert.Contains($"\"first_tick\": {clip.Frames[8].Tick}", black.Data, StringComparison.Ordinal);
        Assert.Contains($"\"last_tick\": {clip.Frames[9].Tick}", black.Data, StringComparison.Ordinal);
        Assert.InRange(black.Confidence!.Value, 0.5, 1);
        Assert.Equal(FrameNames.Thumbnail(runId, black.Frame.Value, FrameCheckNames.BlackFrame), black.ScreenshotPath);
        var noise = Assert.Single(second, b => b.CheckName == FrameCheckNames.Noise);
        Assert.Equal(clip.Frames[20].Tick, noise.Frame);
        foreach (var bug in second)
        {
            using var thumbnail = await ThumbnailAsync(bug.ScreenshotPath!);
            Assert.Equal((160, 120), (thumbnail.Width, thumbnail.Height));
        }

        // The rerun replaced the bugs (new rows, the same findings) and kept exactly their thumbnails.
        Assert.Equal(first.Select(Key).Order(), second.Select(Key).Order());
        Assert.Empty(first.Select(b => b.Id).Intersect(second.Select(b => b.Id)));
        Assert.Equal(second.Select(b => b.ScreenshotPath!).Order(), (await _store.ListThumbnailsAsync(runId, Token)).Order());
        await using var read = Db();
        Assert.Equal(1, await read.Bugs.CountAsync(b => b.RunId == runId && b.DetectionSource == DetectionSource.Telemetry, Token));
    }

    [Fact]
    public async Task OnFramesTheRendererDrewWholeFindingsAreSetAsideAndWhereItLeftAHoleTheyStand()
    {
        // The glitches above in frames that carry the project's renderer's note (as an explorer run's frames do).
        var clip = BlackAndNoisyClip();
        var whole = await RunAsync();
        await StoreAsync(whole, clip, ".png", _ => new RendererNote(0, 0, 0, 0));
        var holes = await RunAsync();
        // Frames 8 and 9 with nothing drawn in the view (a port clears to black); the noise frame drawn whole.
        var view = 320 * (240 - (int)Math.Round(240 * new FrameCheckOptions().StatusBarFraction));
        await StoreAsync(holes, clip, ".png", i => i is 8 or 9 ? new RendererNote(view, 320, 0, 0) : new RendererNote(0, 0, 0, 0));
        var anyones = await RunAsync();
        await StoreAsync(anyones, clip, ".png");

        await AnalyseAsync(whole);
        await AnalyseAsync(holes);
        await AnalyseAsync(anyones);

        // Drawn whole, a black view is a dark room and noise a busy wall: nothing is filed, every frame was checked.
        Assert.Empty(await FrameBugsAsync(whole));
        await using (var db = Db())
        {
            var run = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == whole, Token);
            Assert.Equal((clip.Frames.Count, 0), (run.FramesChecked, run.FrameFindings));
        }

        // The black frames stand, the renderer's note their cause, and the renderer witnesses the hole itself.
        var holeBugs = await FrameBugsAsync(holes);
        Assert.Equal([FrameCheckNames.BlackFrame, FrameCheckNames.UndrawnView], holeBugs.Select(b => b.CheckName!).Order());
        Assert.All(holeBugs, b => Assert.InRange(b.Frame!.Value, clip.Frames[8].Tick, clip.Frames[9].Tick));
        Assert.Contains("over 100 % of the view", holeBugs.Single(b => b.CheckName == FrameCheckNames.UndrawnView).Description, StringComparison.Ordinal);
        // Frames without a note are anyone's: the checks alone decide, as before.
        Assert.Equal([FrameCheckNames.BlackFrame, FrameCheckNames.Noise], (await FrameBugsAsync(anyones)).Select(b => b.CheckName!).Order());
    }

    [Fact]
    public async Task FramesMadeCleanAgainTakeTheirBugsAndThumbnailsAwayOnTheNextAnalysis()
    {
        var runId = await RunAsync();
        var clean = Factory.Room(new Random(23), "lit", 176, false, Motion.Turn, frames: 12, step: 2);
        var glitched = Factory.Room(new Random(23), "lit", 176, false, Motion.Turn, frames: 12, step: 2);
        glitched.Frames[5].Frame.Fill(0, 0, 0);
        await StoreAsync(runId, glitched, ".jpg");
        await AnalyseAsync(runId);
        Assert.NotEmpty(await FrameBugsAsync(runId));

        await StoreAsync(runId, clean, ".jpg");
        await AnalyseAsync(runId);

        Assert.Empty(await FrameBugsAsync(runId));
        Assert.Empty(await _store.ListThumbnailsAsync(runId, Token));
    }

    [Theory]
    [InlineData("none", true)]
    [InlineData("standing", false)]
    [InlineData("moving", true)]
    public async Task FrozenVideoCountsOnlyTimeThePositionEventsShowTheAgentMoving(string positions, bool frozen)
    {
        var runId = await RunAsync();
        var clip = Factory.FrozenVideo(new Random(24));
        await StoreAsync(runId, clip, ".png");
        if (positions != "none")
        {
            await using var db = Db();
            var t0 = DateTime.UtcNow;
            for (var tick = clip.Frames[0].Tick - 4; tick <= clip.LastTick + 4; tick += 4)
            {
                var x = positions == "moving" ? tick * 2 : 100;
                db.Events.Add(new RunEvent
                {
                    RunId = runId, EventType = EventType.Position, Timestamp = t0.AddSeconds(tick / 35.0), Episode = 1, Frame = tick,
                    Data = $"{{\"x\":{x},\"y\":-200,\"angle\":90}}",
                });
            }

            await db.SaveChangesAsync(Token);
        }

        await AnalyseAsync(runId);

        var bugs = await FrameBugsAsync(runId);
        Assert.Equal(frozen, bugs.Any(b => b.CheckName == FrameCheckNames.FrozenVideo));
        if (frozen)
        {
            var bug = bugs.Single(b => b.CheckName == FrameCheckNames.FrozenVideo);
            Assert.InRange(bug.Frame!.Value, clip.GlitchFirstTick, clip.GlitchLastTick);
        }
    }

    [Fact]
    public async Task AFrameThatCannotBeReadIsSkippedAndTheRestAreChecked()
    {
        var runId = await RunAsync();
        var clip = Factory.BlackFrames(new Random(25));
        await StoreAsync(runId, clip, ".png");
        // A blob that lost its end (written by hand, say): skipped, not fatal.
        var broken = clip.Frames[^1].Tick + 2;
        var png = Encode(clip.Frames[0].Frame, ".png");
        await _store.UploadAsync(runId, broken, new FrameImageInfo(FrameImageKind.Png, 320, 240), png.AsMemory(0, png.Length / 2), null, Token);
        var tiny = broken + 2;
        using (var small = new Mat(20, 20, MatType.CV_8UC3, OpenCvSharp.Scalar.All(90)))
        {
            await _store.UploadAsync(runId, tiny, new FrameImageInfo(FrameImageKind.Png, 20, 20), small.ImEncode(".png"), null, Token);
        }

        // Whole header and ending, garbage in between (an agent's file overwritten mid-way): the header check passes it,
        // the decoder refuses it, and it is passed over too.
        var garbled = tiny + 2;
        var damaged = Encode(clip.Frames[0].Frame, ".png");
        Array.Fill(damaged, (byte)0x5A, 64, damaged.Length - 128);
        Assert.NotNull(FrameImageHeader.Read(damaged, out _));
        await _store.UploadAsync(runId, garbled, new FrameImageInfo(FrameImageKind.Png, 320, 240), damaged, null, Token);

        await AnalyseAsync(runId);

        Assert.Contains(await FrameBugsAsync(runId), b => b.CheckName == FrameCheckNames.BlackFrame);
    }

    [Fact]
    public async Task ARunWithoutFramesOrThatIsGoneHasNothingToFile()
    {
        var runId = await RunAsync();

        await AnalyseAsync(runId);
        await AnalyseAsync(runId + 1_000_000);

        Assert.Empty(await FrameBugsAsync(runId));
    }

    [Fact]
    public async Task FramesCheckedAfterTheRunsReportWasWrittenRewriteItWithTheirFindings()
    {
        var runId = await RunAsync();
        var untouched = await RunAsync();
        await using (var db = Db())
        {
            await Reports(db).WriteRunReportAsync(runId, ReportTrigger.RunAnalysed, Token);
        }

        var clip = Factory.Room(new Random(31), "lit", 192, false, Motion.Walk, frames: 20, step: 2);
        clip.Frames[5].Frame.Fill(0, 0, 0);
        await StoreAsync(runId, clip, ".png");
        await StoreAsync(untouched, clip, ".png");

        await AnalyseAsync(runId, withReports: true);
        await AnalyseAsync(untouched, withReports: true);

        var black = Assert.Single(await FrameBugsAsync(runId), b => b.CheckName == FrameCheckNames.BlackFrame);
        await using var read = Db();
        var report = await read.Reports.SingleAsync(r => r.RunId == runId, Token);
        Assert.Contains(black.Id, report.CitedFindingIds);
        Assert.Contains($"### [#{black.Id}] {black.Title}", report.Markdown, StringComparison.Ordinal);
        // A run not analysed yet has no report to rewrite: its own analysis writes the first one.
        Assert.NotEmpty(await FrameBugsAsync(untouched));
        Assert.False(await read.Reports.AnyAsync(r => r.RunId == untouched, Token));
    }

    private static ReportWriter Reports(RlgtDbContext db) => TestReportWriter.Create(db);

    private static (string?, int?, string?) Key(Bug b) => (b.CheckName, b.Frame, b.ScreenshotPath);

    private async Task<long> RunAsync()
    {
        await using var db = Db();
        var map = new Map { Name = "frames", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Maps.Add(map);
        await db.SaveChangesAsync(Token);
        var run = new Run { MapId = map.Id, Status = RunStatus.Completed, CreatedAt = DateTime.UtcNow };
        db.Runs.Add(run);
        await db.SaveChangesAsync(Token);
        return run.Id;
    }

    private async Task<long> MapOfAsync(long runId)
    {
        await using var db = Db();
        return await db.Runs.Where(r => r.Id == runId).Select(r => r.MapId).SingleAsync(Token);
    }

    /// <summary>A walk through a lit room with two black frames (8, 9) and one of random pixels (20).</summary>
    private static Clip BlackAndNoisyClip()
    {
        var clip = Factory.Room(new Random(21), "lit", 192, false, Motion.Walk, frames: 30, step: 2);
        clip.Frames[8].Frame.Fill(0, 0, 0);
        clip.Frames[9].Frame.Fill(0, 0, 0);
        var noisy = clip.Frames[20].Frame;
        var rng = new Random(22);
        for (var y = 0; y < noisy.ViewRows; y++)
        {
            for (var x = 0; x < noisy.Width; x++)
            {
                noisy.Set(x, y, rng.Next(256), rng.Next(256), rng.Next(256));
            }
        }

        return clip;
    }

    /// <summary>What the Api stores for an upload: one blob per tick; <paramref name="note"/> (by frame index) puts the renderer's note in a PNG.</summary>
    private async Task StoreAsync(long runId, Clip clip, string extension, Func<int, RendererNote?>? note = null)
    {
        foreach (var (frame, index) in clip.Frames.Select((f, i) => (f, i)))
        {
            var bytes = Encode(frame.Frame, extension);
            if (note?.Invoke(index) is { } known)
            {
                // After the 33 bytes of signature and IHDR, where the Worker's writer puts it.
                using var noted = new MemoryStream();
                noted.Write(bytes.AsSpan(0, 33));
                known.WriteTo(noted);
                noted.Write(bytes.AsSpan(33));
                bytes = noted.ToArray();
            }

            var image = FrameImageHeader.Read(bytes, out var problem) ?? throw new InvalidOperationException(problem);
            await _store.UploadAsync(runId, frame.Tick, image, bytes, 1, Token);
        }
    }

    private static byte[] Encode(FrameBuffer frame, string extension)
    {
        using var mat = frame.ToMat();
        return mat.ImEncode(extension);
    }

    private async Task AnalyseAsync(long runId, bool withReports = false)
    {
        await using var db = Db();
        await new RunFrameAnalysis(db, _store, Options.Create(new FrameCheckOptions()), TimeProvider.System, NullLogger<RunFrameAnalysis>.Instance,
                withReports ? Reports(db) : null)
            .AnalyseAsync(runId, Token);
    }

    private async Task<List<Bug>> FrameBugsAsync(long runId)
    {
        await using var db = Db();
        return await db.Bugs.AsNoTracking().Where(b => b.RunId == runId && b.DetectionSource == DetectionSource.Frames).OrderBy(b => b.Id).ToListAsync(Token);
    }

    private async Task<Mat> ThumbnailAsync(string name)
    {
        await using var stream = await _blobs.OpenReadAsync(BlobStore.Images, name, Token) ?? throw new InvalidOperationException($"{name} is not stored.");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Token);
        return Cv2.ImDecode(copy.ToArray(), ImreadModes.Color);
    }

    private RlgtDbContext Db() => new(new DbContextOptionsBuilder<RlgtDbContext>()
        .UseNpgsql(_database!.ConnectionString).UseSnakeCaseNamingConvention().Options);
}
