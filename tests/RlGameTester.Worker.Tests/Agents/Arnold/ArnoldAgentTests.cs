using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RlGameTester.Data.Runs;
using RlGameTester.Domain.Events;
using RlGameTester.Worker.Agents;
using RlGameTester.Worker.Agents.Arnold;

namespace RlGameTester.Worker.Tests.Agents.Arnold;

/// <summary>
/// The Arnold runner against tests/FakeArnold standing in for Python: a fake Arnold checkout (an empty
/// arnold.py and resources/scenarios/), a run folder, and a replayed real log.
/// </summary>
public sealed class ArnoldAgentTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "rlgt-arnold-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly string _checkout;
    private readonly string _work;
    private readonly string _model;

    public ArnoldAgentTests()
    {
        _checkout = Directory.CreateDirectory(Path.Combine(_root, "Arnold")).FullName;
        File.WriteAllText(Path.Combine(_checkout, "arnold.py"), "# stand-in\n");
        Directory.CreateDirectory(Path.Combine(_checkout, "resources", "scenarios"));
        _work = Directory.CreateDirectory(Path.Combine(_root, "run")).FullName;
        _model = Path.Combine(_root, "model.pth");
        File.WriteAllText(_model, "weights");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may still be letting go of a file: the temp folder is cleaned another day.
        }
    }

    [Fact]
    public async Task TheLogArrivesAsEventsInOrderWithTheCountsOfTheLog()
    {
        var sink = new RecordingSink();
        var agent = Agent(Options(("FAKE_ARNOLD_LOG", Fixtures.ArnoldLog("lujfdgp6gw.train.log"))));

        var result = await agent.RunAsync(Run(RunType.Evaluation, "defend_the_center"), sink, TestContext.Current.CancellationToken)
            .WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(0, result.ExitCode);
        Assert.Null(result.Crash);
        var events = sink.Events;
        Assert.Equal(Enumerable.Range(0, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        var expected = ExpectedArnoldEvents.Count(File.ReadAllLines(Fixtures.ArnoldLog("lujfdgp6gw.train.log")));
        Assert.Equal(expected.OrderBy(p => p.Key), events.GroupBy(e => e.Type).Select(g => KeyValuePair.Create(g.Key, g.Count())).OrderBy(p => p.Key));

        // Same order as parsing the file itself (the stand-in rewrites only its own start lines and dump path).
        var parsed = new ArnoldLogParser().Parse(new StreamReader(Fixtures.ArnoldLog("lujfdgp6gw.train.log"))).ToList();
        Assert.Equal(parsed.Select(e => e.Type), events.Select(e => e.Type));
        Assert.Equal(parsed.Skip(3).Select(e => e.RawText), events.Skip(3).Select(e => e.RawText));

        // The dump folder announced in the log is the real one, in the run's folder, with Arnold's train.log.
        var dumpPath = (string)JsonNode.Parse(events.First(e => e.Type == EventType.Setup).DataJson!)!["path"]!;
        Assert.StartsWith(Path.Combine(_work, "arnold", "run-42") + Path.DirectorySeparatorChar, dumpPath, StringComparison.Ordinal);
        Assert.Equal(10, Path.GetFileName(dumpPath).Length);
        Assert.Equal(File.ReadAllLines(Fixtures.ArnoldLog("lujfdgp6gw.train.log")).Length, File.ReadAllLines(Path.Combine(dumpPath, "train.log")).Length);
    }

    [Fact]
    public async Task ACrashingArnoldFailsWithItsTraceback()
    {
        var sink = new RecordingSink();
        var agent = Agent(Options(("FAKE_ARNOLD_LOG", Fixtures.ArnoldLog("b6v612woa0.train.log")), ("FAKE_ARNOLD_EXIT_CODE", "1")));

        var result = await agent.RunAsync(Run(RunType.Evaluation, "defend_the_center"), sink, TestContext.Current.CancellationToken)
            .WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.ExitCode);
        Assert.NotNull(result.Crash);
        Assert.StartsWith("Traceback (most recent call last):", result.Crash, StringComparison.Ordinal);
        Assert.EndsWith("AssertionError", result.Crash, StringComparison.Ordinal);
        Assert.Contains("AssertionError", result.FailureReason, StringComparison.Ordinal);
        Assert.Contains("Traceback (most recent call last):", result.StderrTail, StringComparison.Ordinal);
        var crash = Assert.Single(sink.Events, e => e.Type == EventType.Crash);
        Assert.Equal(result.Crash, crash.RawText);
        Assert.Equal([EventType.RunStart, EventType.Setup, EventType.Crash], sink.Events.Select(e => e.Type));
    }

    [Fact]
    public async Task CancellationKillsArnoldAndItsChildWithinSeconds()
    {
        var pidFile = Path.Combine(_root, "arnold.pid");
        var childPidFile = Path.Combine(_root, "child.pid");
        var sink = new RecordingSink();
        var agent = Agent(Options(
            ("FAKE_ARNOLD_LOG", Fixtures.ArnoldLog("nm7j3qruxb.train.log")),
            ("FAKE_ARNOLD_PACE_MS", "2"),
            ("FAKE_ARNOLD_LOOP", "1"),
            ("FAKE_ARNOLD_SPAWN_CHILD", "1"),
            ("FAKE_ARNOLD_PID_FILE", pidFile),
            ("FAKE_ARNOLD_CHILD_PID_FILE", childPidFile)));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var running = agent.RunAsync(Run(RunType.Training, "defend_the_center"), sink, cancellation.Token);
        await sink.WaitForAsync(e => e.Type == EventType.Iteration).WaitAsync(Patience, TestContext.Current.CancellationToken);
        var arnold = int.Parse(File.ReadAllText(pidFile), CultureInfo.InvariantCulture);
        var child = int.Parse(File.ReadAllText(childPidFile), CultureInfo.InvariantCulture);
        Assert.True(IsAlive(arnold));
        Assert.True(IsAlive(child));

        var stopwatch = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(Patience, TestContext.Current.CancellationToken));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
        await WaitUntilGoneAsync(arnold);
        await WaitUntilGoneAsync(child);
    }

    [Fact]
    public async Task ASinkThatFailsLeavesNoArnoldRunning()
    {
        var pidFile = Path.Combine(_root, "arnold.pid");
        var agent = Agent(Options(("FAKE_ARNOLD_LOOP", "1"), ("FAKE_ARNOLD_PACE_MS", "2"), ("FAKE_ARNOLD_PID_FILE", pidFile)));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            agent.RunAsync(Run(RunType.Training, "defend_the_center"), new FailingSink(), TestContext.Current.CancellationToken)
                .WaitAsync(Patience, TestContext.Current.CancellationToken));

        Assert.Equal("the database is down", error.Message);
        await WaitUntilGoneAsync(int.Parse(File.ReadAllText(pidFile), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task TrainingStopsAtItsIterationLimitAsASuccess()
    {
        var pidFile = Path.Combine(_root, "arnold.pid");
        var sink = new RecordingSink();
        var agent = Agent(Options(
            ("FAKE_ARNOLD_LOG", Fixtures.ArnoldLog("nm7j3qruxb.train.log")),
            ("FAKE_ARNOLD_LOOP", "1"),
            ("FAKE_ARNOLD_PID_FILE", pidFile)));
        var run = Run(RunType.Training, "defend_the_center", new JsonObject { ["max_iterations"] = 20_000 });

        var result = await agent.RunAsync(run, sink, TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.FailureReason);
        var iterations = sink.Events.Where(e => e.Type == EventType.Iteration).Select(e => e.Iteration!.Value).ToList();
        // The log's own iterations go to 16800; the stand-in trains on until it is stopped at 20000.
        Assert.Contains(20_000, iterations);
        Assert.Equal(iterations.Order(), iterations);
        await WaitUntilGoneAsync(int.Parse(File.ReadAllText(pidFile), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task TrainingStopsAtItsWallTimeLimitAsASuccess()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sink = new RecordingSink();
        var agent = Agent(Options(("FAKE_ARNOLD_LOOP", "1"), ("FAKE_ARNOLD_PACE_MS", "5")), time);
        var run = Run(RunType.Training, "defend_the_center", new JsonObject { ["time_limit_seconds"] = 600, ["max_iterations"] = 0 });

        var running = agent.RunAsync(run, sink, TestContext.Current.CancellationToken);
        await sink.WaitForAsync(e => e.Type == EventType.Iteration).WaitAsync(Patience, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(601));
        var result = await running.WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task AnEvaluationThatOutlivesItsTimeoutIsKilledAndFails()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sink = new RecordingSink();
        var agent = Agent(Options(("FAKE_ARNOLD_LOOP", "1"), ("FAKE_ARNOLD_PACE_MS", "5")), time);
        var run = Run(RunType.Evaluation, "defend_the_center", new JsonObject { ["model"] = _model, ["timeout_seconds"] = 60 });

        var running = agent.RunAsync(run, sink, TestContext.Current.CancellationToken);
        await sink.WaitForAsync(e => e.Type == EventType.Iteration).WaitAsync(Patience, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(61));
        var result = await running.WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Contains("did not finish within 00:01:00", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeathmatchRunPlaysACopyOfTheRunsWadThatIsRemovedAfterwards()
    {
        var wad = Path.Combine(_work, "level.wad");
        File.Copy(Fixtures.Wad("deathmatch_rockets.wad"), wad);
        var sink = new RecordingSink();
        var agent = Agent(Options(("FAKE_ARNOLD_LOG", Fixtures.ArnoldLog("5az3wx4hlb.train.log"))));
        var run = Run(RunType.Evaluation, "deathmatch", new JsonObject { ["model"] = _model }) with { WadPath = wad, MapName = "MAP01" };

        var result = await agent.RunAsync(run, sink, TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);

        // The stand-in, like Arnold, fails unless resources/scenarios/<--wad>.wad exists.
        Assert.True(result.Succeeded, result.FailureReason + result.StderrTail);
        Assert.Empty(Directory.GetFiles(Path.Combine(_checkout, "resources", "scenarios")));
    }

    [Theory]
    [InlineData(null, "python3", "set Agents:Arnold:Path to an Arnold checkout")]
    [InlineData("/nonexistent/Arnold", "python3", "does not exist")]
    [InlineData("EMPTY", "python3", "has no arnold.py")]
    [InlineData("CHECKOUT", "/nonexistent/bin/python3", "Agents:Arnold:Python '/nonexistent/bin/python3' was not found")]
    [InlineData("CHECKOUT", "no-such-python-on-path", "was not found (neither a file nor on PATH)")]
    public async Task AMissingInstallationFailsAtOnceSayingWhatToConfigure(string? path, string python, string message)
    {
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;
        var options = new ArnoldOptions
        {
            Path = path switch { "EMPTY" => empty, "CHECKOUT" => _checkout, _ => path },
            Python = python,
            ModelsFolder = _root,
        };
        var sink = new RecordingSink();
        var stopwatch = Stopwatch.StartNew();

        var result = await Agent(options).RunAsync(Run(RunType.Evaluation, "defend_the_center"), sink, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Contains(message, result.FailureReason, StringComparison.Ordinal);
        Assert.Null(result.ExitCode);
        Assert.Empty(sink.Events);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task InvalidSettingsFailBeforeAnythingStarts()
    {
        var sink = new RecordingSink();
        var run = Run(RunType.Evaluation, "defend_the_center", new JsonObject { ["model"] = "model.pth" });

        var result = await Agent(Options()).RunAsync(run, sink, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Contains("\"model\" must be an absolute path", result.FailureReason, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_work, "arnold")));
    }

    private ArnoldOptions Options(params (string Name, string Value)[] environment) => new()
    {
        Path = _checkout,
        Python = Fixtures.FakeArnold,
        ModelsFolder = _root,
        Environment = environment.ToDictionary(e => e.Name, e => e.Value),
    };

    private static ArnoldAgent Agent(ArnoldOptions options, TimeProvider? time = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options), time ?? TimeProvider.System, NullLogger<ArnoldAgent>.Instance);

    private AgentRun Run(RunType type, string scenario, JsonObject? settings = null) => new(
        RunId: 42,
        RunType: type,
        WorkingDirectory: _work,
        WadPath: Path.Combine(_work, "level.wad"),
        MapName: "MAP01",
        Scenario: scenario,
        Seed: null,
        Settings: settings ?? new JsonObject { ["model"] = _model },
        StartedAt: new DateTime(2026, 1, 30, 3, 0, 0, DateTimeKind.Utc));

    private sealed class FailingSink : IAgentSink
    {
        public ValueTask EmitAsync(TelemetryEvent telemetryEvent, CancellationToken cancellationToken) =>
            telemetryEvent.Type == EventType.Iteration ? throw new InvalidOperationException("the database is down") : ValueTask.CompletedTask;
    }

    private static bool IsAlive(int pid)
    {
        // A killed process whose parent is gone may linger as a zombie until it is reaped: that is dead.
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task WaitUntilGoneAsync(int pid)
    {
        var deadline = Stopwatch.StartNew();
        while (IsAlive(pid) && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.False(IsAlive(pid), $"process {pid} is still running");
    }
}
