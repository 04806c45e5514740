using System.Text.Json.Nodes;
using RlGameTester.Data.Runs;
using RlGameTester.Domain.Bugs;
using RlGameTester.Domain.Events;
using RlGameTester.Domain.Levels;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Wad;
using RlGameTester.Worker.Agents;
using RlGameTester.Worker.Agents.Explorer;
using RlGameTester.Worker.Agents.Explorer.Frames;
using RlGameTester.Worker.Tests.Agents.Arnold;
using Freedoom = RlGameTester.TestSupport.Fixtures;

namespace RlGameTester.Worker.Tests.Agents;

/// <summary>How an exploration is told in the telemetry vocabulary the detectors and metrics read.</summary>
public sealed class ExplorerTelemetryTests
{
    private static readonly DateTime Start = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void AnExplorationBecomesOneEpisodeWithItsEventsAndFindingsInTickOrder()
    {
        var result = new ExplorationResult
        {
            Events =
            [
                new ExplorerEvent(0, ExplorerEventKind.Position, 1056, -3616, 12) { Z = 0, Angle = 90 },
                new ExplorerEvent(32, ExplorerEventKind.HealthChange, 1060, -3600, 12) { OldHealth = 100, NewHealth = 90, Cause = "damaging floor (special 5, 10 hp / 32 tics)" },
                new ExplorerEvent(70, ExplorerEventKind.KeyPickup, 1200, -3400, 14) { Item = "blue keycard", Thing = 41 },
                new ExplorerEvent(90, ExplorerEventKind.HealthChange, 1210, -3390, 14) { OldHealth = 90, NewHealth = 91, Cause = "health bonus" },
                new ExplorerEvent(120, ExplorerEventKind.BarrelShot, 1400, -3390, 15) { Thing = 90, Detail = "shot explosive barrel (thing 90); goes up: things 90, 91" },
                new ExplorerEvent(200, ExplorerEventKind.Jump, 1500, -3400, 16) { Z = 24 },
                new ExplorerEvent(350, ExplorerEventKind.ExitReached, 2944, -4832, 40) { Line = 1337, Detail = "S1 exit" },
            ],
            Findings =
            [
                new ExplorerFinding(ExplorerFindingKind.UnreachableSecret, "Secret sector 7 cannot be reached", "No way in.", 100, 200) { Severity = FindingSeverity.Minor, ElementKind = ElementKind.Sector, ElementIndex = 7 },
                new ExplorerFinding(ExplorerFindingKind.DeathZone, "Death zone", "Cannot be left.", 1056, -3616) { Severity = FindingSeverity.Critical, ElementKind = ElementKind.Sector, ElementIndex = 12, Tick = 32, Area = 4096.4 },
            ],
            ExitReached = true,
            ExitTick = 350,
            EndTick = 350,
            FinalHealth = 90,
            TotalArea = 1000,
            ReachableArea = 800,
            VisitedArea = 600,
        };
        var run = new AgentRun(7, RunType.Testing, "/tmp", "/tmp/level.wad", "E1M1", null, 5, [], Start);

        var events = new ExplorerTelemetry(Start).Translate(run, ReadLevel(Freedoom.Freedoom1, "E1M1"), new ExplorerOptions { Seed = 5 }, result).ToList();

        Assert.Equal(
            [EventType.RunStart, EventType.EpisodeStart, EventType.Position, EventType.HealthChange, EventType.Finding, EventType.KeyPickup,
             EventType.HealthChange, EventType.ThingDestroyed, EventType.Jump, EventType.ExitReached, EventType.Finding, EventType.EpisodeEnd],
            events.Select(e => e.Type));
        Assert.Equal(Enumerable.Range(0, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.All(events.Skip(1), e => Assert.Equal(1, e.Episode));
        Assert.All(events, e => Assert.Equal(Start.AddSeconds(e.Tick!.Value / 35.0), e.Timestamp));

        var damage = Json(events[3]);
        Assert.Equal((100, 90), (damage["old"]!.GetValue<int>(), damage["new"]!.GetValue<int>()));
        Assert.Contains("damaging floor", damage["hazard"]!.GetValue<string>());

        Assert.False(Json(events[6]).ContainsKey("hazard"), "a pickup is not the level hurting the player");
        var deathZone = AgentFinding.FromJson(events[4].DataJson)!;
        Assert.Equal(BugType.Hazard, deathZone.Type);
        Assert.Equal(BugSeverity.Critical, deathZone.Severity);
        Assert.Equal("explorer-death-zone", deathZone.Check);
        Assert.Equal(("sector", 12), (deathZone.ElementKind, deathZone.ElementIndex!.Value));
        Assert.Equal("4096", deathZone.Evidence!["area"]);
        var barrel = Json(events[7]);
        Assert.Equal((90, "explosive barrel"), (barrel["thing"]!.GetValue<int>(), barrel["what"]!.GetValue<string>()));
        var jump = Json(events[8]);
        Assert.Equal((1500.0, 24.0, 16), (jump["x"]!.GetValue<double>(), jump["z"]!.GetValue<double>(), jump["sector"]!.GetValue<int>()));
        var secret = AgentFinding.FromJson(events[10].DataJson)!;
        Assert.Equal((BugType.UnreachableSecret, BugSeverity.Minor, 350), (secret.Type, secret.Severity, events[10].Tick!.Value));

        var end = Json(events[^1]);
        Assert.True(end["exit_reached"]!.GetValue<bool>());
        Assert.Equal(0.8, end["coverage_reachable"]!.GetValue<double>());
        Assert.Equal(0.6, end["coverage_visited"]!.GetValue<double>());
        Assert.Equal(10.0, end["time_to_exit"]!.GetValue<double>());
        var start = Json(events[0]);
        Assert.Equal(("explorer", "E1M1", 5), (start["agent"]!.GetValue<string>(), start["map"]!.GetValue<string>(), start["seed"]!.GetValue<int>()));
    }

    [Fact]
    public void EveryFindingKindHasABugTypeAndAStableCheckName()
    {
        var classified = Enum.GetValues<ExplorerFindingKind>().Select(FindingTypes.OfExplorer).ToList();

        Assert.Equal(classified.Count, classified.Select(c => c.Check).Distinct().Count());
        Assert.All(classified, c => Assert.StartsWith("explorer-", c.Check));
        Assert.Contains((BugType.ExitUnreachable, "explorer-exit-unreachable"), classified);
        Assert.Contains((BugType.Softlock, "explorer-softlock"), classified);
    }

    [Fact]
    public async Task TheAgentExploresARealLevelAndEndsItsEpisodeWithTheExitAndCoverage()
    {
        var folder = Directory.CreateTempSubdirectory("rlgt-explorer-").FullName;
        try
        {
            var wad = Path.Combine(folder, "level.wad");
            File.Copy(Freedoom.Freedoom2, wad);
            var sink = new RecordingSink();
            var agent = NewAgent();

            var outcome = await agent.RunAsync(new AgentRun(1, RunType.Testing, folder, wad, "MAP01", null, 1, new JsonObject { ["skill"] = 4, ["frame_every"] = 8 }, Start), sink, TestContext.Current.CancellationToken);

            Assert.True(outcome.Succeeded, outcome.FailureReason);
            var events = sink.Events;
            Assert.Equal(EventType.EpisodeEnd, events[^1].Type);
            Assert.True(Json(events[^1])["exit_reached"]!.GetValue<bool>());
            Assert.Single(events, e => e.Type == EventType.ExitReached);
            Assert.True(events.Count(e => e.Type == EventType.Position) > 50);
            Assert.Equal(4, Json(events[0])["skill"]!.GetValue<int>());
            Assert.True(events.Zip(events.Skip(1)).All(p => p.First.Tick <= p.Second.Tick), "ticks go backwards");
            // Frames of the path, every 8 tics as asked, named by tick where the Worker stores an agent's frames.
            var frames = Directory.GetFiles(Path.Combine(folder, "frames"), "*.png");
            Assert.Equal(Json(events[^1])["frames"]!.GetValue<int>(), frames.Length);
            Assert.True(frames.Length > 20, $"{frames.Length} frames");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task APwadsFramesAreDrawnWithItsIwadsTexturesAndNoneWhenTheRunAsksForNone()
    {
        var folder = Directory.CreateTempSubdirectory("rlgt-explorer-").FullName;
        try
        {
            // freedoom2's MAP01 alone in a PWAD: its walls and flats are in the IWAD, which the Worker loads beneath it.
            var wad = Path.Combine(folder, "level.wad");
            var map01 = LevelDirectory.Find(WadFile.Read(await File.ReadAllBytesAsync(Freedoom.Freedoom2, TestContext.Current.CancellationToken))).Single(e => e.Name == "MAP01");
            await File.WriteAllBytesAsync(wad, RlGameTester.TestSupport.WadWriter.Write([("MAP01", []), .. map01.Lumps.Select(l => (l.Name, l.Data.ToArray()))]), TestContext.Current.CancellationToken);
            var sink = new RecordingSink();
            var outcome = await NewAgent().RunAsync(
                new AgentRun(1, RunType.Testing, folder, wad, "MAP01", null, 1, new JsonObject { ["frame_every"] = 35, ["time_limit"] = 20 }, Start),
                sink, TestContext.Current.CancellationToken);

            Assert.True(outcome.Succeeded, outcome.FailureReason);
            var positions = sink.Events.Count(e => e.Type == EventType.Position);
            Assert.True(Directory.Exists(Path.Combine(folder, "frames")), $"{positions} positions, episode end {sink.Events[^1].DataJson}");
            var frames = Directory.GetFiles(Path.Combine(folder, "frames"), "*.png").Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(frames);
            using var image = OpenCvSharp.Cv2.ImRead(frames[0]);
            Assert.Equal((320, 200), (image.Width, image.Height));
            // Palette index 168 (pure white) is what the renderer leaves where a texture or flat is missing.
            using var view = new OpenCvSharp.Mat(image, new OpenCvSharp.Rect(0, 0, 320, 168));
            using var white = view.InRange(new OpenCvSharp.Scalar(255, 255, 255), new OpenCvSharp.Scalar(255, 255, 255));
            Assert.True(OpenCvSharp.Cv2.CountNonZero(white) < 320 * 168 / 100, $"{OpenCvSharp.Cv2.CountNonZero(white)} pixels left undrawn");

            Directory.Delete(Path.Combine(folder, "frames"), recursive: true);
            var none = await NewAgent().RunAsync(
                new AgentRun(2, RunType.Testing, folder, wad, "MAP01", null, 1, new JsonObject { ["frame_every"] = 0, ["time_limit"] = 20 }, Start),
                new RecordingSink(), TestContext.Current.CancellationToken);
            Assert.True(none.Succeeded, none.FailureReason);
            Assert.False(Directory.Exists(Path.Combine(folder, "frames")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("{\"skill\":0}", "config.skill")]
    [InlineData("{\"speed\":3}", "config.speed")]
    public async Task SettingsTheExplorerCannotUseFailTheRunNamingTheSetting(string settings, string named)
    {
        var run = new AgentRun(1, RunType.Testing, "/tmp", Freedoom.Freedoom2, "MAP01", null, null, JsonNode.Parse(settings)!.AsObject(), Start);

        var outcome = await NewAgent()
            .RunAsync(run, new RecordingSink(), TestContext.Current.CancellationToken);

        Assert.False(outcome.Succeeded);
        Assert.Contains(named, outcome.FailureReason);
    }

    [Fact]
    public async Task ALevelTheWadDoesNotHoldFailsTheRunListingTheLevelsItHas()
    {
        var run = new AgentRun(1, RunType.Testing, "/tmp", Freedoom.Freedoom2, "E1M1", null, null, [], Start);

        var outcome = await NewAgent()
            .RunAsync(run, new RecordingSink(), TestContext.Current.CancellationToken);

        Assert.False(outcome.Succeeded);
        Assert.Contains("E1M1", outcome.FailureReason);
        Assert.Contains("MAP01", outcome.FailureReason);
    }

    [Fact]
    public async Task AnUploadsOwnDecorateMakesItsReplacedBossTheWayTheLevelEnds()
    {
        // freedoom2's MAP04 ends only by walk-over exit lines; flagged impassable they never fire. A Baron of Hell in the
        // exit room, which the upload's DECORATE replaces with a boss whose death calls A_BrainDie, ends it instead.
        var level = new RlGameTester.TestSupport.EditableLevel(await File.ReadAllBytesAsync(Freedoom.Freedoom2, TestContext.Current.CancellationToken), "MAP04");
        var exits = Enumerable.Range(0, level.LineCount).Where(i => level.LineField(i, 3) == 52).ToList();
        foreach (var line in exits)
        {
            level.SetLineField(line, 2, (ushort)(level.LineField(line, 2) | (ushort)LinedefFlags.Impassable));
        }

        // The boss stands just in front of an exit line, in the sector the line faces (its right side).
        var read = LevelReader.Read(WadFile.Read(level.ToWad()), "MAP04");
        var geometry = new RlGameTester.Doom.Geometry.LevelGeometry(read);
        var (x1, y1, x2, y2) = geometry.Segment(exits[0]);
        var length = Math.Sqrt(((x2 - x1) * (x2 - x1)) + ((y2 - y1) * (y2 - y1)));
        var (x, y) = (((x1 + x2) / 2) + (8 * (y2 - y1) / length), ((y1 + y2) / 2) - (8 * (x2 - x1) / length));
        Assert.Equal(read.Sidedefs[read.Linedefs[exits[0]].FrontSide].Sector, geometry.SectorAt(x, y));
        level["THINGS"] = [.. level["THINGS"], .. new byte[10]];
        level.SetThing(level.ThingCount - 1, (short)x, (short)y, 3003, 7);
        var decorate = "actor Overlord : BaronOfHell replaces BaronOfHell { States { Death: BOSS O -1 A_BrainDie Stop } }"u8.ToArray();

        var folder = Directory.CreateTempSubdirectory("rlgt-explorer-").FullName;
        try
        {
            var plain = Path.Combine(folder, "plain.wad");
            var modded = Path.Combine(folder, "modded.wad");
            await File.WriteAllBytesAsync(plain, level.ToWad(), TestContext.Current.CancellationToken);
            await File.WriteAllBytesAsync(modded, RlGameTester.TestSupport.WadBuilder.WithExtraLump(level.ToWad(), "DECORATE", decorate), TestContext.Current.CancellationToken);
            var withoutMod = new RecordingSink();
            var withMod = new RecordingSink();

            var first = await NewAgent().RunAsync(new AgentRun(1, RunType.Testing, folder, plain, "MAP04", null, 0, [], Start), withoutMod, TestContext.Current.CancellationToken);
            var second = await NewAgent().RunAsync(new AgentRun(2, RunType.Testing, folder, modded, "MAP04", null, 0, [], Start), withMod, TestContext.Current.CancellationToken);

            Assert.True(first.Succeeded && second.Succeeded, first.FailureReason ?? second.FailureReason);
            Assert.False(Json(withoutMod.Events[^1])["exit_reached"]!.GetValue<bool>());
            Assert.True(Json(withMod.Events[^1])["exit_reached"]!.GetValue<bool>());
            var assumptions = Json(withMod.Events[^1])["exit_assumptions"]!.AsArray().Select(a => a!.GetValue<string>());
            Assert.Contains(assumptions, a => a.Contains("Baron of Hell (the mod's Overlord)", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static JsonObject Json(TelemetryEvent e) => JsonNode.Parse(e.DataJson!)!.AsObject();

    private static Level ReadLevel(string wad, string name) => LevelReader.Read(WadFile.Read(File.ReadAllBytes(wad)), name);

    private static ExplorerAgent NewAgent()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new ExplorerAgentOptions());
        var resources = new RenderResources(null, options, Microsoft.Extensions.Options.Options.Create(new IwadFolderOptions()));
        return new(options, resources, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<ExplorerAgent>.Instance);
    }
}
