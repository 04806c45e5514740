using System.Text.Json.Nodes;
using RlGameTester.Data.Runs;
using RlGameTester.Worker.Agents;
using RlGameTester.Worker.Agents.Arnold;

namespace RlGameTester.Worker.Tests.Agents.Arnold;

/// <summary>The command line built for a real Arnold, against its documented arguments (src/args.py in github.com/glample/Arnold).</summary>
public sealed class ArnoldCommandBuilderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rlgt-arnold-cli-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly string _checkout;
    private readonly string _work;
    private readonly string _model;
    private readonly ArnoldOptions _options;

    public ArnoldCommandBuilderTests()
    {
        _checkout = Directory.CreateDirectory(Path.Combine(_root, "Arnold")).FullName;
        _work = Directory.CreateDirectory(Path.Combine(_root, "runs", "42")).FullName;
        _model = Path.Combine(_root, "pretrained", "defend_the_center.pth");
        Directory.CreateDirectory(Path.GetDirectoryName(_model)!);
        File.WriteAllText(_model, "weights");
        File.WriteAllText(Path.Combine(_work, "level.wad"), "PWAD");
        _options = new ArnoldOptions { Path = _checkout, Python = "/usr/bin/python3", ModelsFolder = Path.GetDirectoryName(_model) };
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void AnEvaluationReloadsTheModelHeadlessOnTheCpu()
    {
        var command = Build(Run(RunType.Evaluation, "defend_the_center", new JsonObject { ["model"] = _model }));

        Assert.Equal("/usr/bin/python3", command.FileName);
        Assert.Equal(
        [
            Path.Combine(_checkout, "arnold.py"),
            "--main_dump_path", Path.Combine(_work, "arnold"),
            "--exp_name", "run-42",
            "--scenario", "defend_the_center",
            "--action_combinations", "turn_lr+attack",
            "--gpu_id", "-1",
            "--visualize", "0",
            "--evaluate", "1", "--reload", _model,
        ], command.Arguments);
        Assert.Equal(_work, command.WorkingDirectory);
        Assert.False(command.IsTraining);
        Assert.Null(command.IterationLimit);
        Assert.Equal(_options.EvaluationTimeout, command.TimeLimit);
        Assert.Null(command.WadCopy);
    }

    [Fact]
    public void TrainingNeverEvaluatesAndCarriesItsLimits()
    {
        var settings = new JsonObject
        {
            ["supreme"] = true,
            ["frame_skip"] = 4,
            ["action_combinations"] = "move_fb;turn_lr",
            ["network_type"] = "dqn_rnn",
            ["recurrence"] = "lstm",
            ["dump_freq"] = 5000,
            ["max_iterations"] = 50_000,
            ["time_limit_seconds"] = 900,
            ["exp_name"] = "hg_supreme",
        };

        var command = Build(Run(RunType.Training, "health_gathering", settings));

        Assert.Equal(
        [
            Path.Combine(_checkout, "arnold.py"),
            "--main_dump_path", Path.Combine(_work, "arnold"),
            "--exp_name", "hg_supreme",
            "--scenario", "health_gathering",
            "--supreme", "1",
            "--frame_skip", "4",
            "--action_combinations", "move_fb;turn_lr",
            "--network_type", "dqn_rnn",
            "--recurrence", "lstm",
            "--dump_freq", "5000",
            "--gpu_id", "-1",
            "--visualize", "0",
        ], command.Arguments);
        Assert.True(command.IsTraining);
        Assert.DoesNotContain("--evaluate", command.Arguments);
        Assert.Equal(50_000, command.IterationLimit);
        Assert.Equal(TimeSpan.FromSeconds(900), command.TimeLimit);
    }

    [Fact]
    public void DeathmatchPlaysTheRunsWadOnTheChosenMaps()
    {
        var settings = new JsonObject { ["model"] = _model, ["map_ids"] = new JsonArray(3, 1), ["n_bots"] = 4, ["manual_control"] = true, ["gpu_id"] = 0 };

        var command = Build(Run(RunType.Testing, "deathmatch", settings), wadSuffix: "a1b2c3d4");

        Assert.Equal(
        [
            Path.Combine(_checkout, "arnold.py"),
            "--main_dump_path", Path.Combine(_work, "arnold"),
            "--exp_name", "run-42",
            "--scenario", "deathmatch",
            "--wad", "rlgt-run42-a1b2c3d4",
            "--n_bots", "4",
            "--map_ids_test", "1,3",
            "--manual_control", "1",
            "--gpu_id", "0",
            "--visualize", "0",
            "--evaluate", "1", "--reload", _model,
        ], command.Arguments);
        Assert.Equal(new ArnoldWadCopy(
            Path.Combine(_work, "level.wad"),
            Path.Combine(_checkout, "resources", "scenarios", "rlgt-run42-a1b2c3d4.wad"),
            "rlgt-run42-a1b2c3d4"), command.WadCopy);
    }

    [Theory]
    [InlineData("MAP07", "7")]
    [InlineData("map12", "12")]
    public void DeathmatchTakesTheMapFromTheRunsLevel(string mapName, string mapIds)
    {
        var command = Build(Run(RunType.Evaluation, "deathmatch", new JsonObject { ["model"] = _model }) with { MapName = mapName });

        Assert.Equal(mapIds, command.Arguments[command.Arguments.ToList().IndexOf("--map_ids_test") + 1]);
    }

    [Fact]
    public void SelfPlayRunsDeathmatchWithItsPlayers()
    {
        var command = Build(Run(RunType.Evaluation, "self_play", new JsonObject { ["model"] = _model, ["num_players"] = 2 }), wadSuffix: "x");

        var arguments = string.Join(' ', command.Arguments);
        Assert.Contains("--scenario self_play --execute deathmatch --num_players 2 --wad rlgt-run42-x --map_ids_test 1", arguments, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtraArgumentsAreAppendedAsSeparateArguments()
    {
        var settings = new JsonObject { ["model"] = _model, ["extra_args"] = new JsonArray("--hist_size", "4", "--action_combinations", "turn_lr;attack") };

        var command = Build(Run(RunType.Evaluation, "defend_the_center", settings));

        Assert.Equal(["--hist_size", "4", "--action_combinations", "turn_lr;attack"], command.Arguments.TakeLast(4));
    }

    [Theory]
    [InlineData("""{"model":"model.pth"}""", "\"model\" must be an absolute path")]
    [InlineData("""{}""", "Arnold's --evaluate needs --reload")]
    [InlineData("""{"model":"/nonexistent/model.pth"}""", "\"model\" must be a file in the models folder")]
    [InlineData("""{"model":"MODEL.missing"}""", "\"model\" does not exist")]
    [InlineData("""{"model":"MODELS/../../escape.pth"}""", "\"model\" must be a file in the models folder")]
    [InlineData("""{"model":"MODEL","extra_args":["--main","/tmp/x"]}""", "\"extra_args\" may not pass --main: the flags allowed are Agents:Arnold:AllowedExtraArguments, matched exactly")]
    [InlineData("""{"model":"MODEL","extra_args":["--dump_freq=1"]}""", "\"extra_args\" may not pass --dump_freq")]
    [InlineData("""{"model":"MODEL","scenario":"basic"}""", "Unknown Arnold scenario 'basic'")]
    [InlineData("""{"model":"MODEL","action_combinations":"move_fb+turn_lr"}""", "defend_the_center accepts \"action_combinations\"")]
    [InlineData("""{"model":"MODEL","frame_skip":0}""", "\"frame_skip\" must be at least 1")]
    [InlineData("""{"model":"MODEL","frame_skip":"four"}""", "\"frame_skip\" must be a whole number")]
    [InlineData("""{"model":"MODEL","extra_args":["--reload","/x.pth"]}""", "\"extra_args\" may not set --reload")]
    [InlineData("""{"model":"MODEL","exp_name":"my run"}""", "\"exp_name\" may hold only")]
    public void InvalidSettingsAreRejectedWithAMessageSayingWhatToFix(string settings, string message)
    {
        var json = JsonNode.Parse(settings.Replace("MODELS", Path.GetDirectoryName(_model), StringComparison.Ordinal).Replace("MODEL", _model, StringComparison.Ordinal))!.AsObject();

        var built = ArnoldCommandBuilder.TryBuild(Run(RunType.Evaluation, "defend_the_center", json), _options, "x", out _, out var errors);

        Assert.False(built);
        Assert.Contains(errors, error => error.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void AModelReachedThroughALinkOutOfTheModelsFolderIsRefused()
    {
        var outside = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;
        File.WriteAllText(Path.Combine(outside, "secret.pth"), "weights");
        var link = Path.Combine(Path.GetDirectoryName(_model)!, "linked");
        Directory.CreateSymbolicLink(link, outside);

        var built = ArnoldCommandBuilder.TryBuild(
            Run(RunType.Evaluation, "defend_the_center", new JsonObject { ["model"] = Path.Combine(link, "secret.pth") }), _options, "x", out _, out var errors);

        Assert.False(built);
        Assert.Contains(errors, error => error.Contains("\"model\" must be a file in the models folder", StringComparison.Ordinal));
    }

    [Fact]
    public void ARunAsksForLessThanTheOperatorsLimitsNeverMore()
    {
        var options = new ArnoldOptions { Path = _checkout, Python = "/usr/bin/python3", TrainingIterationLimit = 1000, TrainingTimeLimit = TimeSpan.FromMinutes(10) };
        ArnoldCommand Training(JsonObject settings)
        {
            Assert.True(ArnoldCommandBuilder.TryBuild(Run(RunType.Training, "defend_the_center", settings), options, "x", out var command, out var errors), string.Join("; ", errors));
            return command;
        }

        var more = Training(new JsonObject { ["max_iterations"] = 50_000, ["time_limit_seconds"] = 3600 });
        var unlimited = Training(new JsonObject { ["max_iterations"] = 0 });
        var less = Training(new JsonObject { ["max_iterations"] = 10, ["time_limit_seconds"] = 60 });

        Assert.Equal((1000, TimeSpan.FromMinutes(10)), (more.IterationLimit!.Value, more.TimeLimit));
        Assert.Equal(1000, unlimited.IterationLimit);
        Assert.Equal((10, TimeSpan.FromMinutes(1)), (less.IterationLimit!.Value, less.TimeLimit));
    }

    [Fact]
    public void PathsWithSpacesAreRejectedBecauseArnoldRejectsThem()
    {
        var spaced = Directory.CreateDirectory(Path.Combine(_root, "my runs")).FullName;
        var run = Run(RunType.Evaluation, "defend_the_center", new JsonObject { ["model"] = _model }) with { WorkingDirectory = spaced };

        Assert.False(ArnoldCommandBuilder.TryBuild(run, _options, "x", out _, out var errors));
        Assert.Contains(errors, error => error.Contains("contains a space", StringComparison.Ordinal) && error.Contains("Arnold and ViZDoom reject paths with spaces", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEpisodicLevelNeedsMapIdsForDeathmatch()
    {
        var run = Run(RunType.Evaluation, "deathmatch", new JsonObject { ["model"] = _model }) with { MapName = "E1M1" };

        Assert.False(ArnoldCommandBuilder.TryBuild(run, _options, "x", out _, out var errors));
        Assert.Contains(errors, error => error.Contains("Arnold plays MAPxx levels only", StringComparison.Ordinal));
    }

    private ArnoldCommand Build(AgentRun run, string wadSuffix = "x")
    {
        var built = ArnoldCommandBuilder.TryBuild(run, _options, wadSuffix, out var command, out var errors);
        Assert.True(built, string.Join(" ", errors));
        return command!;
    }

    private AgentRun Run(RunType type, string scenario, JsonObject settings) => new(
        42, type, _work, Path.Combine(_work, "level.wad"), "MAP01", scenario, null, settings, DateTime.UtcNow);
}
