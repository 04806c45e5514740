using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RlGameTester.Analysis.Rendering;
using RlGameTester.Analysis.Runs;
using RlGameTester.Data;
using RlGameTester.Data.Blobs;
using RlGameTester.Data.Events;
using RlGameTester.Data.Maps;
using RlGameTester.Data.Runs;
using RlGameTester.Domain.Agents;
using RlGameTester.Domain.Events;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Metadata;
using RlGameTester.Doom.Wad;
using RlGameTester.TestSupport;

namespace RlGameTester.Analysis.Tests.Reports.Support;

/// <summary>
/// A finished run of freedoom1's E1M1 with known bugs, analysed for real: in episode 1 the player stands still at
/// (1056, -3264) for 120 position samples (a stuck period), in episode 2 it loses 105 health in one hit 5 ticks after
/// spawning (an instant death and a spawn death).
/// </summary>
internal static class PlayedRun
{
    public const double StuckX = 1056;
    public const double StuckY = -3264;

    private static readonly JsonSerializerOptions MetadataJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private static readonly Lazy<string> E1M1Metadata = new(() =>
    {
        var wad = WadFile.Read(File.ReadAllBytes(Fixtures.Freedoom1));
        var level = LevelReader.ReadAll(wad).Single(l => l.Name == "E1M1");
        return JsonSerializer.Serialize(LevelMetadata.Create(level), MetadataJson);
    });

    /// <summary>A map of E1M1 with its real metadata.</summary>
    public static async Task<long> AddMapAsync(RlgtDbContext db)
    {
        var map = new Map
        {
            Name = "Hangar test", LevelName = "E1M1", FileHash = "e1" + Guid.NewGuid().ToString("N"), Metadata = E1M1Metadata.Value,
            CheckedAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        db.Maps.Add(map);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return map.Id;
    }

    /// <summary>
    /// A completed run of the map with the events above (by default Arnold's: it fights and dies), analysed (metrics and
    /// findings stored, no report yet).
    /// </summary>
    public static async Task<long> AddAnalysedRunAsync(RlgtDbContext db, long mapId, string agent = AgentNames.Arnold)
    {
        var t0 = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
        var run = new Run { MapId = mapId, Status = RunStatus.Completed, Agent = agent, CreatedAt = t0, StartedAt = t0, CompletedAt = t0.AddMinutes(2), TotalEpisodes = 2 };
        db.Runs.Add(run);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var events = new List<RunEvent> { Event(run.Id, EventType.EpisodeStart, t0, 1, 0) };
        for (var i = 1; i <= 120; i++)
        {
            events.Add(Event(run.Id, EventType.Position, t0.AddSeconds(i * 4 / 35.0), 1, i * 4, Place(StuckX, StuckY)));
        }

        events.Add(Event(run.Id, EventType.Position, t0.AddSeconds(500 / 35.0), 1, 500, Place(StuckX + 64, StuckY)));
        events.Add(Event(run.Id, EventType.EpisodeEnd, t0.AddSeconds(600 / 35.0), 1, 600));
        events.Add(Event(run.Id, EventType.EpisodeStart, t0.AddSeconds(1000 / 35.0), 2, 1000));
        events.Add(Event(run.Id, EventType.Position, t0.AddSeconds(1002 / 35.0), 2, 1002, Place(1100, -3100)));
        events.Add(Event(run.Id, EventType.HealthChange, t0.AddSeconds(1005 / 35.0), 2, 1005, "{\"old\":100,\"new\":-5}"));
        events.Add(Event(run.Id, EventType.Death, t0.AddSeconds(1005 / 35.0), 2, 1005));
        events.Add(Event(run.Id, EventType.EpisodeEnd, t0.AddSeconds(1010 / 35.0), 2, 1010));
        db.Events.AddRange(events);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        await new RunAnalysis(db, Images(db), TimeProvider.System, NullLogger<RunAnalysis>.Instance).AnalyseAsync(run.Id, TestContext.Current.CancellationToken);
        return run.Id;
    }

    /// <summary>The run image drawer, on the test Azurite, as the Analysis service has it.</summary>
    public static RunImages Images(RlgtDbContext db) =>
        new(db, Blobs, Options.Create(new RenderOptions()), NullLogger<RunImages>.Instance);

    public static BlobStore Blobs { get; } = new(new Azure.Storage.Blobs.BlobServiceClient(TestServers.Blobs));

    private static RunEvent Event(long runId, EventType type, DateTime at, int episode, int frame, string? data = null) =>
        new() { RunId = runId, EventType = type, Timestamp = at, Episode = episode, Frame = frame, Data = data };

    private static string Place(double x, double y) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"x\":{x},\"y\":{y}}}");
}
