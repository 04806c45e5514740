using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RlGameTester.Analysis.Levels;
using RlGameTester.Analysis.Rendering;
using RlGameTester.Analysis.Runs;
using RlGameTester.Data.Blobs;
using RlGameTester.Data.Events;
using RlGameTester.Data.Maps;
using RlGameTester.Data.Runs;
using RlGameTester.Domain.Bugs;
using RlGameTester.Domain.Events;
using RlGameTester.TestSupport;

namespace RlGameTester.Analysis.Tests.Levels;

/// <summary>The Analysis service's jobs against real PostgreSQL and Azurite: level checks of an uploaded file, and a finished run.</summary>
public sealed class AnalysisServiceTests : DatabaseTest
{
    [Fact]
    public async Task CheckingAnUploadedFileStoresEachLevelsFindingsOnceAndMarksItChecked()
    {
        // freedoom2's MAP26 has two yellow-key door specials on one-sided walls: real findings, minor because the
        // level's Boom specials need a Boom-compatible port, which ignores such a press.
        var bytes = await File.ReadAllBytesAsync(Fixtures.Freedoom2, Token);
        var hash = "f2" + Guid.NewGuid().ToString("N");
        var blobs = new BlobStore(new Azure.Storage.Blobs.BlobServiceClient(TestServers.Blobs));
        await blobs.UploadAsync(BlobStore.Wads, $"{hash}.wad", new MemoryStream(bytes), "application/octet-stream", Token);
        await using (var db = Db())
        {
            db.Maps.AddRange(new[] { "MAP01", "MAP26" }.Select(level => new Map
            {
                Name = level, LevelName = level, FileHash = hash, BlobName = $"{hash}.wad", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync(Token);
        }

        await CheckAsync(hash, blobs);
        await CheckAsync(hash, blobs);

        await using var read = Db();
        var map26 = await read.Maps.SingleAsync(m => m.FileHash == hash && m.LevelName == "MAP26", Token);
        Assert.NotNull(map26.CheckedAt);
        var findings = await read.Bugs.Where(b => b.MapId == map26.Id).ToListAsync(Token);
        Assert.All(findings, b => Assert.Equal(DetectionSource.Static, b.DetectionSource));
        var doors = findings.Where(b => b.CheckName == "door-on-one-sided-line").ToList();
        Assert.Equal(2, doors.Count);
        Assert.All(doors, b => Assert.Equal(BugSeverity.Minor, b.Severity));
        Assert.Equal([949, 951], doors.Select(b => b.ElementIndex!.Value).Order());
        Assert.All(doors, b => Assert.Equal("line", b.ElementKind));
        // Checking twice replaced the findings: no duplicates.
        Assert.Equal(findings.Count, findings.Select(b => (b.CheckName, b.ElementKind, b.ElementIndex, b.Description)).Distinct().Count());
        Assert.DoesNotContain(findings, b => b.CheckName == "missing-player1-start");
    }

    [Fact]
    public async Task AnalysingAFinishedRunStoresMetricsAndFindingsAndAnalysingAgainReplacesThem()
    {
        long runId;
        await using (var db = Db())
        {
            var map = new Map { Name = "m", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Maps.Add(map);
            await db.SaveChangesAsync(Token);
            var run = new Run { MapId = map.Id, Status = RunStatus.Completed, CreatedAt = DateTime.UtcNow };
            db.Runs.Add(run);
            await db.SaveChangesAsync(Token);
            runId = run.Id;
            var t0 = DateTime.UtcNow;
            db.Events.AddRange(
                new RunEvent { RunId = runId, EventType = EventType.EpisodeStart, Timestamp = t0, Episode = 1, Frame = 0 },
                new RunEvent { RunId = runId, EventType = EventType.HealthChange, Timestamp = t0.AddSeconds(1), Episode = 1, Frame = 5, Data = "{\"old\":100,\"new\":-5}" },
                new RunEvent { RunId = runId, EventType = EventType.Death, Timestamp = t0.AddSeconds(1), Episode = 1, Frame = 5 },
                new RunEvent { RunId = runId, EventType = EventType.EpisodeEnd, Timestamp = t0.AddSeconds(2), Episode = 1, Frame = 6 });
            await db.SaveChangesAsync(Token);
        }

        await AnalyseAsync(runId);
        await AnalyseAsync(runId);

        await using var read = Db();
        var metric = await read.Metrics.SingleAsync(m => m.RunId == runId, Token);
        // 1 death in 1 episode: 35; no kills: 25; health 0 (clamped): 20; no stuck: 0.
        Assert.Equal(80, metric.HardnessScore);
        Assert.Equal("hard", metric.HardnessBand);
        var bugs = await read.Bugs.Where(b => b.RunId == runId).OrderBy(b => b.BugType).ToListAsync(Token);
        Assert.Equal([BugType.InstantDeath, BugType.SpawnDeath], bugs.Select(b => b.BugType));
    }

    private async Task CheckAsync(string hash, BlobStore blobs)
    {
        await using var db = Db();
        var iwads = new Iwads(Options.Create(new IwadOptions()), Options.Create(new RlGameTester.Domain.Levels.IwadFolderOptions()));
        await new LevelCheckAnalysis(db, blobs, iwads, new LevelImages(blobs, Options.Create(new RenderOptions()), NullLogger<LevelImages>.Instance), TimeProvider.System, NullLogger<LevelCheckAnalysis>.Instance).CheckAsync(hash, "", Token);
    }

    private async Task AnalyseAsync(long runId)
    {
        await using var db = Db();
        var blobs = new BlobStore(new Azure.Storage.Blobs.BlobServiceClient(TestServers.Blobs));
        var images = new RunImages(db, blobs, Options.Create(new RenderOptions()), NullLogger<RunImages>.Instance);
        await new RunAnalysis(db, images, TimeProvider.System, NullLogger<RunAnalysis>.Instance).AnalyseAsync(runId, Token);
    }
}
