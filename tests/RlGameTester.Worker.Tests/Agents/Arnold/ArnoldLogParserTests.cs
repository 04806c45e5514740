using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RlGameTester.Domain.Events;
using RlGameTester.Worker.Agents.Arnold;

namespace RlGameTester.Worker.Tests.Agents.Arnold;

public sealed partial class ArnoldLogParserTests
{
    [Theory]
    [MemberData(nameof(Fixtures.ArnoldLogs), MemberType = typeof(Fixtures))]
    public void EveryFixtureYieldsTheEventCountsItsLinesCallFor(string log)
    {
        var lines = File.ReadAllLines(Fixtures.ArnoldLog(log));
        var expected = ExpectedArnoldEvents.Count(lines);

        var (events, parser) = ParseFixture(log);

        var actual = events.GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
        Assert.Equal(lines.Length, parser.Lines);
        Assert.Equal(events.Count, parser.Events);
        Assert.Equal(events.Count(e => e.Type == EventType.LogLine), parser.UnparsedLines);
    }

    [Theory]
    [InlineData("lujfdgp6gw.train.log", EventType.Kill, 155)]
    [InlineData("lujfdgp6gw.train.log", EventType.Death, 60)]
    [InlineData("lujfdgp6gw.train.log", EventType.HealthChange, 404)]
    [InlineData("lujfdgp6gw.train.log", EventType.AmmoChange, 400)]
    [InlineData("lujfdgp6gw.train.log", EventType.Iteration, 229)]
    [InlineData("lujfdgp6gw.train.log", EventType.Loss, 229)]
    [InlineData("lujfdgp6gw.train.log", EventType.EvaluationStart, 3)]
    [InlineData("lujfdgp6gw.train.log", EventType.EvaluationEnd, 3)]
    [InlineData("lujfdgp6gw.train.log", EventType.EpisodeStart, 60)]
    [InlineData("lujfdgp6gw.train.log", EventType.EpisodeEnd, 60)]
    [InlineData("lujfdgp6gw.train.log", EventType.ModelSave, 6)]
    [InlineData("lujfdgp6gw.train.log", EventType.Summary, 12)]
    [InlineData("lujfdgp6gw.train.log", EventType.Setup, 12)]
    [InlineData("lujfdgp6gw.train.log", EventType.LogLine, 0)]
    [InlineData("nm7j3qruxb.train.log", EventType.Iteration, 42)]
    [InlineData("01dcps6e79.train.log", EventType.Setup, 9)]
    [InlineData("5az3wx4hlb.train.log", EventType.EpisodeStart, 1)]
    [InlineData("b6v612woa0.train.log", EventType.RunStart, 1)]
    [InlineData("reconstructed-samples.log", EventType.Statistics, 1)]
    [InlineData("reconstructed-samples.log", EventType.LogLine, 5)]
    [InlineData("reconstructed-samples.log", EventType.StuckCandidate, 1)]
    [InlineData("reconstructed-samples.log", EventType.WeaponChange, 2)]
    public void KnownCountsOfTheRealLogsHold(string log, EventType type, int count)
    {
        var (events, _) = ParseFixture(log);

        Assert.Equal(count, events.Count(e => e.Type == type));
    }

    [Theory]
    [MemberData(nameof(Fixtures.ArnoldLogs), MemberType = typeof(Fixtures))]
    public void EventsAreNumberedInOrderWithSnakeCasePayloadsAndTheirRawLines(string log)
    {
        var lines = File.ReadAllLines(Fixtures.ArnoldLog(log));
        var (events, _) = ParseFixture(log);

        Assert.Equal(Enumerable.Range(0, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        foreach (var telemetryEvent in events)
        {
            var payload = JsonNode.Parse(telemetryEvent.DataJson!)!.AsObject();
            AssertSnakeCaseKeys(payload);
            Assert.Equal(DateTimeKind.Utc, telemetryEvent.Timestamp.Kind);
            Assert.NotNull(telemetryEvent.RawText);
            Assert.All(telemetryEvent.RawText.Split('\n'), raw => Assert.Contains(raw, lines));
        }

        // Nothing is dropped: every line of the file is in some event's raw text.
        var covered = events.SelectMany(e => e.RawText!.Split('\n')).ToHashSet();
        Assert.All(lines.Where(l => l.Trim().Length > 0), line => Assert.Contains(line, covered));
    }

    [Fact]
    public void TimestampsAreTheRecordsWallClockReadAsUtc()
    {
        var (events, _) = ParseFixture("lujfdgp6gw.train.log");

        foreach (var telemetryEvent in events)
        {
            var raw = telemetryEvent.RawText!;
            var clock = raw.Split(" - ", 3)[1];
            var expected = DateTime.ParseExact(clock, "MM/dd/yy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            Assert.Equal(expected, telemetryEvent.Timestamp);
        }

        Assert.Equal(new DateTime(2026, 1, 30, 3, 34, 56, DateTimeKind.Utc), events[0].Timestamp);
    }

    [Fact]
    public void TheConfigurationDumpIsOneEventWithEveryKey()
    {
        var (events, _) = ParseFixture("01dcps6e79.train.log");

        var config = Assert.Single(events, e => e.Type == EventType.Config);
        var payload = JsonNode.Parse(config.DataJson!)!.AsObject();
        // 56 key: value lines (scenario + 55 continuation lines), plus the writer's pid.
        Assert.Equal(56 + 1, payload.Count);
        Assert.Equal(340283, (int)payload["pid"]!);
        Assert.Equal("defend_the_center", (string?)payload["scenario"]);
        Assert.Equal(4, (int)payload["frame_skip"]!);
        Assert.Equal("[1]", payload["map_ids_test"]!.ToJsonString());
        Assert.True((bool)payload["freedoom"]!);
        Assert.Equal("", (string?)payload["reload"]);
        Assert.Equal("turn_lr+attack", (string?)payload["action_combinations"]);
        Assert.Equal("rmsprop,lr=0.0002", (string?)payload["optimizer"]);
        Assert.Equal("[('health', 101), ('sel_ammo', 301)]", (string?)payload["game_variables"]);
        Assert.Equal(0.99, (double)payload["gamma"]!);
        Assert.Equal(56, config.RawText!.Split('\n').Length);
    }

    [Fact]
    public void TheSelfPlayConfigurationKeepsItsDeathmatchKeys()
    {
        var (events, _) = ParseFixture("5az3wx4hlb.train.log");

        var payload = JsonNode.Parse(Assert.Single(events, e => e.Type == EventType.Config).DataJson!)!.AsObject();
        Assert.Equal(64 + 1, payload.Count);
        Assert.Equal("self_play", (string?)payload["scenario"]);
        Assert.Equal(-1, (int)payload["gpu_id"]!);
        Assert.Equal("deathmatch_rockets", (string?)payload["wad"]);
        Assert.Null(payload["episode_time"]);
        Assert.True(payload.ContainsKey("episode_time"));
        Assert.Equal("/home/mohamedteama/mydoom/Arnold/pretrained/vizdoom_2017_track1.pth", (string?)payload["reload"]);
    }

    [Fact]
    public void TheActionListAndRewardDictBecomeSetupEvents()
    {
        var (events, _) = ParseFixture("5az3wx4hlb.train.log");

        var setups = events.Where(e => e.Type == EventType.Setup).Select(e => JsonNode.Parse(e.DataJson!)!.AsObject()).ToList();
        var actions = Assert.Single(setups, s => (string?)s["kind"] == "actions");
        Assert.Equal(35, (int)actions["count"]!);
        Assert.Equal(35, actions["actions"]!.AsArray().Count);
        Assert.Equal("""["ATTACK","TURN_LEFT","MOVE_FORWARD"]""", actions["actions"]![12]!.ToJsonString());
        var rewards = Assert.Single(setups, s => (string?)s["kind"] == "reward_values");
        Assert.Equal(5.0, (double)rewards["values"]!["kill"]!);
        Assert.Equal(-0.2, (double)rewards["values"]!["use_ammo"]!);
        var buttons = Assert.Single(setups, s => (string?)s["kind"] == "buttons");
        Assert.Equal(9, buttons["buttons"]!.AsArray().Count);
        Assert.Equal("[3,60,108]", Assert.Single(setups, s => (string?)s["kind"] == "input_shape")["shape"]!.ToJsonString());
        Assert.Equal("/home/mohamedteama/mydoom/Arnold/pretrained/vizdoom_2017_track1.pth",
            (string?)Assert.Single(setups, s => (string?)s["kind"] == "reload")["path"]);
    }

    [Fact]
    public void EpisodesAreNumberedFromOneInEveryEvaluationAndMatchArnoldsKillsByEpisode()
    {
        var (events, _) = ParseFixture("lujfdgp6gw.train.log");

        var evaluations = SplitByEvaluation(events);
        Assert.Equal(3, evaluations.Count);
        foreach (var evaluation in evaluations)
        {
            Assert.Equal(Enumerable.Range(1, 20).Cast<int?>(), evaluation.Where(e => e.Type == EventType.EpisodeStart).Select(e => e.Episode));
            Assert.Equal(Enumerable.Range(1, 20).Cast<int?>(), evaluation.Where(e => e.Type == EventType.EpisodeEnd).Select(e => e.Episode));

            // Arnold's own summary, against what the events say happened in each episode.
            var killsByEpisode = JsonNode.Parse(evaluation.Single(e => e.DataJson!.Contains("kills_by_episode", StringComparison.Ordinal)).DataJson!)!["kills_by_episode"]!
                .AsArray().Select(k => (int)k!).ToList();
            var killEvents = Enumerable.Range(1, 20).Select(ep => evaluation.Count(e => e.Type == EventType.Kill && e.Episode == ep)).ToList();
            var killsAtEnd = evaluation.Where(e => e.Type == EventType.EpisodeEnd).Select(e => (int)JsonNode.Parse(e.DataJson!)!["kills"]!).ToList();
            Assert.Equal(killsByEpisode, killEvents);
            Assert.Equal(killsByEpisode, killsAtEnd);

            // Every game event happens inside an episode; the summary after the last one does not.
            Assert.All(evaluation.Where(e => e.Type is EventType.Kill or EventType.Death or EventType.HealthChange or EventType.AmmoChange),
                e => Assert.InRange(e.Episode!.Value, 1, 20));
            Assert.Null(evaluation.Last().Episode);
        }

        // Training events carry no episode, and the iteration they were logged at.
        Assert.All(events.Where(e => e.Type is EventType.Iteration or EventType.Loss), e => Assert.Null(e.Episode));
        Assert.Equal(29600, evaluations[0].First().Iteration);
        var end = Assert.Single(evaluations[0], e => e.Type == EventType.EvaluationEnd);
        var endPayload = JsonNode.Parse(end.DataJson!)!;
        Assert.Equal(30000, end.Iteration);
        Assert.Equal(20, (int)endPayload["episodes"]!);
        Assert.Equal(1586, (int)endPayload["iterations"]!);
        Assert.Equal(30000, (int)endPayload["log"]!["n_iter"]!);
        Assert.Equal(0.4, (double)endPayload["log"]!["mean_n_kills"]!);
    }

    [Fact]
    public void NegativeHealthIsKeptWithItsDelta()
    {
        var (events, _) = ParseFixture("lujfdgp6gw.train.log");

        var negative = events.Where(e => e.Type == EventType.HealthChange)
            .Select(e => JsonNode.Parse(e.DataJson!)!)
            .Where(p => (int)p["new"]! < 0)
            .ToList();
        Assert.Equal(49, negative.Count);
        var first = events.First(e => e.Type == EventType.HealthChange && e.RawText!.EndsWith("(12 -> -28)", StringComparison.Ordinal));
        Assert.Equal("""{"pid":365664,"old":12,"new":-28,"delta":-40}""", first.DataJson);
        Assert.Equal(2, first.Episode);
    }

    [Fact]
    public void TheDeathmatchStatisticsBlockBecomesValuesPerMap()
    {
        var (events, _) = ParseFixture("reconstructed-samples.log");

        var statistics = Assert.Single(events, e => e.Type == EventType.Statistics);
        var payload = JsonNode.Parse(statistics.DataJson!)!;
        Assert.Equal("game", (string?)payload["kind"]);
        var map = payload["maps"]!["map07"]!.AsObject();
        var expected = new Dictionary<string, double>
        {
            ["kills"] = 38, ["deaths"] = 9, ["suicides"] = 0, ["frags"] = 38, ["k_d"] = 4.222, ["medikits"] = 21,
            ["armors"] = 6, ["super_shotgun"] = 10, ["chaingun"] = 0, ["rocket_launcher"] = 0, ["plasma_rifle"] = 0,
            ["bfg9000"] = 0, ["bullets"] = 0, ["shells"] = 44, ["rockets"] = 0, ["cells"] = 0,
        };
        Assert.Equal(expected.Keys, map.Select(p => p.Key));
        Assert.All(expected, p => Assert.Equal(p.Value, (double)map[p.Key]!));

        // The block is one event: its header, 16 rows, the blank line and the map line.
        Assert.Equal(19, statistics.RawText!.Split('\n').Length);
        Assert.Equal(new DateTime(2026, 2, 14, 10, 21, 40, DateTimeKind.Utc), statistics.Timestamp);
    }

    [Fact]
    public void AStatisticsBlockOverSeveralMapsKeepsEveryColumn()
    {
        var events = ParseLines(
            Record("*************** Game statistics summary ***************"),
            Record("                  Map01   Map02     All"),
            Record("          Kills:      10      12      22"),
            Record("            K/D:   2.000   1.500   1.692"),
            Record(""),
            Record("    Frags/m (r):   0.500   0.250   0.375"),
            Record("__log__:{\"kills\": 22}"));

        var payload = JsonNode.Parse(Assert.Single(events, e => e.Type == EventType.Statistics).DataJson!)!["maps"]!;
        Assert.Equal(12, (int)payload["map02"]!["kills"]!);
        Assert.Equal(1.692, (double)payload["all"]!["k_d"]!);
        Assert.Equal(0.25, (double)payload["map02"]!["frags_pm_r"]!);
    }

    [Fact]
    public void AnnotationLinesOfTheReconstructedSamplesAreKeptAsUnparsedLogLines()
    {
        var annotations = File.ReadAllLines(Fixtures.ArnoldLog("reconstructed-samples.log"))
            .Where(l => l.StartsWith("###", StringComparison.Ordinal) || l.StartsWith("[...", StringComparison.Ordinal))
            .ToList();
        var (events, parser) = ParseFixture("reconstructed-samples.log");

        // They are not Arnold's: the parser keeps them raw, counts them, and carries on.
        var logLines = events.Where(e => e.Type == EventType.LogLine).ToList();
        Assert.Equal(annotations, logLines.Select(e => e.RawText));
        Assert.Equal(5, parser.UnparsedLines);
        Assert.All(logLines, e => Assert.Equal("{}", e.DataJson));
        // The first line comes before any record: it takes the fallback timestamp.
        Assert.Equal(DateTime.UnixEpoch, logLines[0].Timestamp);
        // An annotation in the middle of an evaluation inherits its record's time and episode.
        var middle = logLines.Single(e => e.RawText == "[... episodes 2-20 ...]");
        Assert.Equal(2, middle.Episode);
        Assert.Equal(new DateTime(2026, 2, 14, 10, 1, 35, DateTimeKind.Utc), middle.Timestamp);

        // Part B still parses as its own run: one evaluation, one episode, closed by the evaluation's end.
        var partB = events.SkipWhile(e => e.RawText != annotations[3]).ToList();
        Assert.Equal(1, partB.Count(e => e.Type == EventType.EvaluationStart));
        Assert.Equal([1], partB.Where(e => e.Type == EventType.EpisodeEnd).Select(e => e.Episode!.Value));
        Assert.Equal("/srv/arnold/dumped/qa_run_17/x8c2m1p0ab", parser.DumpPath);
    }

    [Fact]
    public void TheRunThatDiedKeepsItsStartAndDumpFolder()
    {
        var (events, parser) = ParseFixture("b6v612woa0.train.log");

        Assert.Equal([EventType.RunStart, EventType.Setup], events.Select(e => e.Type));
        Assert.Equal("./dumped/default/b6v612woa0", parser.DumpPath);
        Assert.Null(parser.Crash);
    }

    [Fact]
    public void APythonTracebackOnStderrBecomesOneCrashEvent()
    {
        // b6v612woa0 died right after start; its traceback went to stderr, which train.log does not keep.
        var lines = File.ReadAllLines(Fixtures.ArnoldLog("b6v612woa0.train.log")).Concat(
        [
            "Traceback (most recent call last):",
            "  File \"/opt/arnold/arnold.py\", line 24, in <module>",
            "    parse_game_args(remaining + ['--dump_path', dump_path])",
            "  File \"/opt/arnold/src/args.py\", line 104, in parse_game_args",
            "    assert not params.evaluate or params.reload",
            "           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
            "AssertionError",
        ]).ToArray();

        var parser = new ArnoldLogParser();
        var events = parser.Parse(new StringReader(string.Join('\n', lines))).ToList();

        var crash = Assert.Single(events, e => e.Type == EventType.Crash);
        var traceback = string.Join('\n', lines[2..]);
        Assert.Equal(traceback, crash.RawText);
        Assert.Equal(traceback, parser.Crash);
        var payload = JsonNode.Parse(crash.DataJson!)!;
        Assert.Equal("AssertionError", (string?)payload["exception"]);
        Assert.Equal(traceback, (string?)payload["traceback"]);
        Assert.Equal(new DateTime(2026, 1, 30, 3, 5, 0, DateTimeKind.Utc), crash.Timestamp);
        Assert.Equal(0, parser.UnparsedLines);
    }

    [Fact]
    public void TheSelfPlayPidChangeIsFollowedAndKeptInEveryPayload()
    {
        var (events, parser) = ParseFixture("5az3wx4hlb.train.log");

        Assert.Equal([3591, 3609], parser.ProcessIds);
        var pids = events.Select(e => (int)JsonNode.Parse(e.DataJson!)!["pid"]!).ToList();
        Assert.Equal([3591, 3591], pids.Take(2));
        Assert.All(pids.Skip(2), pid => Assert.Equal(3609, pid));
        Assert.Equal([EventType.EvaluationStart, EventType.EpisodeStart, EventType.Setup], events.TakeLast(3).Select(e => e.Type));
        Assert.Equal("/home/mohamedteama/mydoom/Arnold/dumped/test/5az3wx4hlb", parser.DumpPath);
    }

    [Fact]
    public void InterleavedProcessesKeepTheirOwnEpisodes()
    {
        var events = ParseLines(
            Record("Evaluating the model...", pid: 11),
            Record("Evaluating the model...", pid: 12),
            Record("Kill", pid: 11),
            Record("1 kills.", pid: 11),
            Record("Dead", pid: 12),
            Record("===============", pid: 11),
            Record("New episode", pid: 11),
            Record("Kill", pid: 12),
            Record("Kill", pid: 11));

        var kills = events.Where(e => e.Type == EventType.Kill).Select(e => (Pid: Pid(e), e.Episode)).ToList();
        Assert.Equal([(11, 1), (12, 1), (11, 2)], kills.Select(k => (k.Pid, k.Episode!.Value)));
        var end = Assert.Single(events, e => e.Type == EventType.EpisodeEnd);
        Assert.Equal((11, 1), (Pid(end), end.Episode!.Value));
        Assert.Contains("\n", end.RawText, StringComparison.Ordinal);
    }

    [Fact]
    public void ElapsedTimesPastADayAreStillRecords()
    {
        var parser = new ArnoldLogParser();
        var events = parser.Parse(new StringReader(string.Join('\n',
            "INFO [7] - 02/15/26 10:00:01 - 23:59:59 - Kill",
            "INFO [7] - 02/15/26 10:00:02 - 1 day, 0:00:00 - Dead",
            "INFO [7] - 03/01/26 23:04:05 - 15 days, 13:04:05 - Respawn player"))).ToList();

        Assert.Equal([EventType.Kill, EventType.Death, EventType.Respawn], events.Select(e => e.Type));
        Assert.Equal(new DateTime(2026, 3, 1, 23, 4, 5, DateTimeKind.Utc), events[2].Timestamp);
        Assert.Equal(new TimeSpan(15, 13, 4, 5), parser.Elapsed);
        Assert.Equal(0, parser.UnparsedLines);
    }

    [Fact]
    public void EveryGameEventKindOfArnoldIsRead()
    {
        // Arnold's own format strings (src/doom/game.py) for what the real logs here do not show.
        var events = ParseLines(
            Record("Evaluating the model..."),
            Record("Evaluating on map 2 ..."),
            Record("Found armor (0 -> 100)"),
            Record("Lost armor (100 -> 64)"),
            Record("Found ammo: rockets (0 -> 5)"),
            Record("Lost ammo: cells (40 -> 39)"),
            Record("Found weapon: RocketLauncher"),
            Record("Switched weapon: Pistol -> RocketLauncher"),
            Record("Suicide"),
            Record("SELECTED WEAPON is -1!", level: "WARNING"),
            Record("SELECTED AMMO is -1!", level: "WARNING"),
            Record("Player 0 is still dead after respawn.", level: "WARNING"),
            Record("Evaluating on map 3 ..."),
            Record("Periodic dump: /tmp/dumped/x/periodic-5000.pth"),
            Record("Survived for 2100 steps."),
            Record("==============="),
            Record("Survival time by episode: [2100, 524]"),
            Record("1312.000000 survival time / episode average."),
            Record("Game features loss: nan"),
            Record("__log__:{\"mean_survival_time\": NaN}"));

        string Payload(EventType type, int index = 0) => events.Where(e => e.Type == type).ElementAt(index).DataJson!;
        Assert.Equal("""{"pid":1,"old":0,"new":100,"delta":100}""", Payload(EventType.ArmorChange));
        Assert.Equal("""{"pid":1,"old":100,"new":64,"delta":-36}""", Payload(EventType.ArmorChange, 1));
        Assert.Equal("""{"pid":1,"ammo":"rockets","old":0,"new":5,"delta":5}""", Payload(EventType.AmmoChange));
        Assert.Equal("""{"pid":1,"ammo":"cells","old":40,"new":39,"delta":-1}""", Payload(EventType.AmmoChange, 1));
        Assert.Equal("""{"pid":1,"weapon":"RocketLauncher"}""", Payload(EventType.WeaponPickup));
        Assert.Equal("""{"pid":1,"from":"Pistol","to":"RocketLauncher","manual":false}""", Payload(EventType.WeaponChange));
        Assert.Single(events, e => e.Type == EventType.Suicide);
        Assert.Equal("""{"pid":1,"level":"WARNING","message":"SELECTED WEAPON is -1!"}""", Payload(EventType.Warning));
        Assert.Equal("""{"pid":1,"level":"WARNING","message":"Player 0 is still dead after respawn.","player":0}""", Payload(EventType.Warning, 2));
        Assert.Equal("""{"pid":1,"kind":"periodic","path":"/tmp/dumped/x/periodic-5000.pth"}""", Payload(EventType.ModelSave));
        Assert.Equal("""{"pid":1,"survived_steps":2100}""", events.Last(e => e.Type == EventType.EpisodeEnd).DataJson);
        Assert.Equal("""{"pid":1,"kind":"game_features","value":"nan"}""", Payload(EventType.Loss));
        Assert.Equal("""{"pid":1,"evaluation":1,"survival_time_by_episode":[2100, 524]}""", Payload(EventType.Summary));
        Assert.Contains("\"log_text\":\"{\\\"mean_survival_time\\\": NaN}\"", Payload(EventType.EvaluationEnd), StringComparison.Ordinal);

        // A second map in the same evaluation is a new game: a new episode.
        Assert.Equal([1, 2], events.Where(e => e.Type == EventType.EpisodeStart).Select(e => e.Episode!.Value));
        Assert.Contains("\"map_id\":3", Payload(EventType.EpisodeStart, 1), StringComparison.Ordinal);
        Assert.Equal(0, events.Count(e => e.Type == EventType.LogLine));
    }

    [Fact]
    public void AnUnknownMessageIsKeptRawWithItsContinuationLines()
    {
        var parser = new ArnoldLogParser();
        var lines = new[]
        {
            Record("Kill"),
            Record("Something Arnold never said before"),
            "                                         and its second line",
            "stray output of a library",
            Record("Dead"),
        };

        var events = parser.Parse(new StringReader(string.Join('\n', lines))).ToList();

        Assert.Equal([EventType.Kill, EventType.LogLine, EventType.LogLine, EventType.Death], events.Select(e => e.Type));
        Assert.Equal(lines[1] + "\n" + lines[2], events[1].RawText);
        Assert.Equal("""{"pid":1,"level":"INFO","message":"Something Arnold never said before"}""", events[1].DataJson);
        Assert.Equal(lines[3], events[2].RawText);
        Assert.Equal(3, parser.UnparsedLines);
    }

    [Fact]
    public void AnUnknownWarningIsStillAWarningAndAnUnknownDebugLineIsALogLine()
    {
        var events = ParseLines(
            Record("Something odd happened", level: "WARNING"),
            Record("Out of memory", level: "ERROR"),
            Record("Tracing detail", level: "DEBUG"));

        Assert.Equal([EventType.Warning, EventType.Warning, EventType.LogLine], events.Select(e => e.Type));
        Assert.Equal("""{"pid":1,"level":"ERROR","message":"Out of memory"}""", events[1].DataJson);
    }

    [Fact]
    public void FeedingLinesOneByOneGivesWhatParsingTheFileGives()
    {
        var path = Fixtures.ArnoldLog("reconstructed-samples.log");
        var (expected, _) = ParseFixture("reconstructed-samples.log");

        var parser = new ArnoldLogParser();
        var events = new List<TelemetryEvent>();
        foreach (var line in File.ReadLines(path))
        {
            parser.Feed(line, events);
        }

        parser.Complete(events);

        Assert.Equal(expected, events);
    }

    [Fact]
    public async Task ParsingAStreamAsynchronouslyIntoASinkGivesWhatParsingTheFileGives()
    {
        var (expected, _) = ParseFixture("lujfdgp6gw.train.log");

        await using var stream = File.OpenRead(Fixtures.ArnoldLog("lujfdgp6gw.train.log"));
        var parser = new ArnoldLogParser();
        var sink = new RecordingSink();
        await parser.ParseAsync(stream, sink, TestContext.Current.CancellationToken);

        Assert.Equal(expected, sink.Events);
    }

    [Fact]
    public void AnEndlessMultiLineRecordIsEmittedInPartsToBoundMemory()
    {
        var parser = new ArnoldLogParser();
        var lines = new[] { "Traceback (most recent call last):" }
            .Concat(Enumerable.Repeat("  File \"x.py\", line 1, in <module>", ArnoldLogParser.MaxPendingLines + 10));

        var events = parser.Parse(new StringReader(string.Join('\n', lines))).ToList();

        var crash = Assert.Single(events, e => e.Type == EventType.Crash);
        Assert.Equal(ArnoldLogParser.MaxPendingLines, crash.RawText!.Split('\n').Length);
        Assert.Equal(11, events.Count(e => e.Type == EventType.LogLine));
    }

    private static (List<TelemetryEvent> Events, ArnoldLogParser Parser) ParseFixture(string log)
    {
        var parser = new ArnoldLogParser();
        using var reader = new StreamReader(Fixtures.ArnoldLog(log), Encoding.UTF8);
        return (parser.Parse(reader).ToList(), parser);
    }

    private static List<TelemetryEvent> ParseLines(params string[] lines) =>
        new ArnoldLogParser().Parse(new StringReader(string.Join('\n', lines))).ToList();

    private static string Record(string message, int pid = 1, string level = "INFO") =>
        $"{level} [{pid}] - 02/14/26 10:00:00 - 0:00:00 - {message}";

    private static int Pid(TelemetryEvent telemetryEvent) => (int)JsonNode.Parse(telemetryEvent.DataJson!)!["pid"]!;

    private static List<List<TelemetryEvent>> SplitByEvaluation(List<TelemetryEvent> events)
    {
        var evaluations = new List<List<TelemetryEvent>>();
        List<TelemetryEvent>? current = null;
        foreach (var telemetryEvent in events)
        {
            if (telemetryEvent.Type == EventType.EvaluationStart)
            {
                current = [];
                evaluations.Add(current);
            }

            current?.Add(telemetryEvent);
            if (telemetryEvent.Type == EventType.EvaluationEnd)
            {
                current = null;
            }
        }

        return evaluations;
    }

    private static void AssertSnakeCaseKeys(JsonObject payload)
    {
        foreach (var (key, value) in payload)
        {
            Assert.Matches(SnakeCase(), key);
            // "log" is Arnold's own JSON, kept as it wrote it ("k/d").
            if (key != "log")
            {
                foreach (var nested in Descendants(value).OfType<JsonObject>())
                {
                    Assert.All(nested.Select(p => p.Key), k => Assert.Matches(SnakeCase(), k));
                }
            }
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var child in obj.SelectMany(p => Descendants(p.Value)))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(Descendants))
                {
                    yield return child;
                }

                break;
        }
    }

    [GeneratedRegex("^[a-z0-9]+(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
