using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RlGameTester.Data.Runs;

namespace RlGameTester.Worker.Agents.Arnold;

/// <summary>
/// Builds Arnold's command line from a run (<c>python arnold.py --main_dump_path DIR --exp_name NAME --scenario S ...</c>)
/// and validates the run's settings the way Arnold would, with messages a user can act on.
/// </summary>
/// <remarks>
/// Settings (the run's <c>config</c> JSON, snake_case): <c>scenario</c> (else the run's), <c>supreme</c>,
/// <c>map_ids</c> (or <c>map_ids_train</c>/<c>map_ids_test</c>; else the run's <c>MAPxx</c>), <c>model</c> (alias <c>reload</c>:
/// absolute path of a <c>.pth</c>, required to evaluate), <c>frame_skip</c>, <c>action_combinations</c>, <c>network_type</c>,
/// <c>recurrence</c>, <c>hist_size</c>, <c>n_bots</c>, <c>execute</c> and <c>num_players</c> (self_play), <c>manual_control</c>,
/// <c>dump_freq</c>, <c>gpu_id</c>, <c>exp_name</c>, <c>extra_args</c> (array of strings), and the limits
/// <c>max_iterations</c>, <c>time_limit_seconds</c> (training) and <c>timeout_seconds</c> (evaluation).
/// </remarks>
internal static class ArnoldCommandBuilder
{
    public static readonly IReadOnlySet<string> Scenarios = new HashSet<string>(StringComparer.Ordinal)
    {
        "defend_the_center", "health_gathering", "deathmatch", "self_play",
    };

    // Arnold asserts these for defend_the_center (src/doom/scenarios/defend_the_center.py).
    private static readonly string[] DefendTheCenterActions = ["turn_lr+attack", "attack+turn_lr", "turn_lr;attack", "attack;turn_lr"];

    // Arguments the runner owns: an extra argument may not override them.
    private static readonly string[] ManagedArguments =
    [
        "--main_dump_path", "--exp_name", "--scenario", "--wad", "--evaluate", "--reload", "--visualize", "--dump_path",
        "--map_ids_train", "--map_ids_test", "--gpu_id", "--human_player",
    ];

    /// <summary>Builds the command, or says everything that is wrong with the run's settings.</summary>
    /// <param name="run">The run.</param>
    /// <param name="options">Where Arnold is and the default limits.</param>
    /// <param name="wadSuffix">Makes the name of the WAD copy unique to this attempt (the runner passes random characters).</param>
    /// <param name="command">The command, when the settings are valid.</param>
    /// <param name="errors">What to fix, when they are not.</param>
    public static bool TryBuild(
        AgentRun run,
        ArnoldOptions options,
        string wadSuffix,
        [NotNullWhen(true)] out ArnoldCommand? command,
        out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var settings = new Settings(run.Settings, problems);
        command = null;

        var arnoldPath = options.Path is { Length: > 0 } configured ? System.IO.Path.GetFullPath(configured) : null;
        if (arnoldPath is null)
        {
            problems.Add($"Arnold is not configured: set {ArnoldOptions.SectionName}:Path to the Arnold checkout (the folder with arnold.py).");
        }
        else
        {
            RejectSpaces(arnoldPath, $"{ArnoldOptions.SectionName}:Path", problems);
        }

        if (!System.IO.Path.IsPathFullyQualified(run.WorkingDirectory))
        {
            problems.Add($"The run's working folder must be an absolute path (Arnold's --main_dump_path); got '{run.WorkingDirectory}'.");
        }

        RejectSpaces(run.WorkingDirectory, "The run's working folder", problems);

        var scenario = settings.String("scenario") ?? run.Scenario;
        if (scenario is null)
        {
            problems.Add($"No scenario: set \"scenario\" in the run's settings to one of {string.Join(", ", Scenarios)}.");
        }
        else if (!Scenarios.Contains(scenario))
        {
            problems.Add($"Unknown Arnold scenario '{scenario}': use one of {string.Join(", ", Scenarios)}.");
        }

        var isTraining = run.RunType == RunType.Training;
        var model = settings.String("model") ?? settings.String("reload");
        if (!isTraining && model is null)
        {
            problems.Add($"A {run.RunType.ToString().ToLowerInvariant()} run evaluates a trained model: set \"model\" to the absolute path of a .pth file (Arnold's --evaluate needs --reload).");
        }

        if (model is not null)
        {
            if (!System.IO.Path.IsPathFullyQualified(model))
            {
                problems.Add($"\"model\" must be an absolute path (Arnold resolves a relative one against its own dump folder); got '{model}'.");
            }
            // A path outside the folder is refused (saying why) without being looked at.
            else if (InModelsFolder(model, options.ModelsFolder, problems) && !File.Exists(model))
            {
                problems.Add($"\"model\" does not exist: '{model}'.");
            }

            RejectSpaces(model, "\"model\"", problems);
        }

        var experimentName = settings.String("exp_name") ?? $"run-{run.RunId.ToString(CultureInfo.InvariantCulture)}";
        if (experimentName.Length == 0 || !experimentName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            problems.Add($"\"exp_name\" may hold only letters, digits, '-', '_' and '.'; got '{experimentName}'.");
        }

        var mapIds = MapIds(settings, run, scenario, problems);
        var frameSkip = settings.Int("frame_skip", minimum: 1);
        var actions = settings.String("action_combinations") ?? DefaultActions(scenario);
        ValidateActions(scenario, actions, problems);
        var gpuId = settings.Int("gpu_id", minimum: -1) ?? options.GpuId;
        var extraArguments = settings.Strings("extra_args");
        foreach (var argument in extraArguments)
        {
            var flag = argument.Split('=', 2)[0];
            if (ManagedArguments.Contains(flag, StringComparer.Ordinal))
            {
                problems.Add($"\"extra_args\" may not set {argument}: the runner sets it from the run.");
            }
            else if (argument.StartsWith('-') && !IsNumber(argument) && !options.AllowedExtraArguments.Contains(flag, StringComparer.Ordinal))
            {
                problems.Add($"\"extra_args\" may not pass {flag}: the flags allowed are {ArnoldOptions.SectionName}:AllowedExtraArguments, matched exactly.");
            }
        }

        // The operator's limits are maximums: a run may ask for fewer iterations or less time, never more (0, no limit,
        // is more than any limit).
        var askedIterations = settings.Int("max_iterations", minimum: 0) ?? options.TrainingIterationLimit;
        var iterationLimit = options.TrainingIterationLimit == 0 ? askedIterations
            : askedIterations == 0 ? options.TrainingIterationLimit
            : Math.Min(askedIterations, options.TrainingIterationLimit);
        var timeLimit = isTraining
            ? Min(Seconds(settings.Int("time_limit_seconds", minimum: 1)), options.TrainingTimeLimit)
            : Min(Seconds(settings.Int("timeout_seconds", minimum: 1)), options.EvaluationTimeout);

        // Deathmatch (and self_play, which runs deathmatch) plays the run's WAD through --wad.
        ArnoldWadCopy? wadCopy = null;
        var usesWad = scenario is "deathmatch" || (scenario is "self_play" && (settings.String("execute") ?? "deathmatch") == "deathmatch");
        if (usesWad && arnoldPath is not null)
        {
            if (!File.Exists(run.WadPath))
            {
                problems.Add($"The run's WAD was not found at '{run.WadPath}'.");
            }

            var name = $"rlgt-run{run.RunId.ToString(CultureInfo.InvariantCulture)}-{wadSuffix}";
            wadCopy = new ArnoldWadCopy(run.WadPath, System.IO.Path.Combine(arnoldPath, "resources", "scenarios", name + ".wad"), name);
        }

        if (problems.Count > 0 || arnoldPath is null || scenario is null)
        {
            errors = problems;
            return false;
        }

        var mainDumpPath = System.IO.Path.Combine(run.WorkingDirectory, "arnold");
        var arguments = new List<string>
        {
            System.IO.Path.Combine(arnoldPath, "arnold.py"),
            "--main_dump_path", mainDumpPath,
            "--exp_name", experimentName,
            "--scenario", scenario,
        };

        switch (scenario)
        {
            case "health_gathering" when settings.Bool("supreme") is { } supreme:
                arguments.AddRange(["--supreme", Flag(supreme)]);
                break;
            case "deathmatch":
                arguments.AddRange(["--wad", wadCopy!.Name]);
                AddInt(arguments, "--n_bots", settings.Int("n_bots", minimum: 0));
                break;
            case "self_play":
                arguments.AddRange(["--execute", settings.String("execute") ?? "deathmatch"]);
                AddInt(arguments, "--num_players", settings.Int("num_players", minimum: 1));
                if (wadCopy is not null)
                {
                    arguments.AddRange(["--wad", wadCopy.Name]);
                }

                AddInt(arguments, "--n_bots", settings.Int("n_bots", minimum: 0));
                break;
        }

        if (mapIds is not null)
        {
            arguments.AddRange([isTraining ? "--map_ids_train" : "--map_ids_test", mapIds]);
            if (isTraining)
            {
                // Training evaluates periodically: on the same maps.
                arguments.AddRange(["--map_ids_test", mapIds]);
            }
        }

        AddInt(arguments, "--frame_skip", frameSkip);
        if (actions is not null)
        {
            arguments.AddRange(["--action_combinations", actions]);
        }

        AddString(arguments, "--network_type", settings.String("network_type"));
        AddString(arguments, "--recurrence", settings.String("recurrence"));
        AddInt(arguments, "--hist_size", settings.Int("hist_size", minimum: 1));
        if (settings.Bool("manual_control") is { } manualControl)
        {
            arguments.AddRange(["--manual_control", Flag(manualControl)]);
        }

        AddInt(arguments, "--dump_freq", settings.Int("dump_freq", minimum: 0));
        arguments.AddRange(["--gpu_id", gpuId.ToString(CultureInfo.InvariantCulture)]);
        arguments.AddRange(["--visualize", "0"]);
        if (!isTraining)
        {
            arguments.AddRange(["--evaluate", "1", "--reload", model!]);
        }

        arguments.AddRange(extraArguments);

        // Settings problems found while reading the optional values above.
        if (problems.Count > 0)
        {
            errors = problems;
            return false;
        }

        command = new ArnoldCommand(
            options.Python,
            arguments,
            run.WorkingDirectory,
            mainDumpPath,
            experimentName,
            scenario,
            isTraining,
            wadCopy,
            isTraining && iterationLimit > 0 ? iterationLimit : null,
            timeLimit);
        errors = [];
        return true;
    }

    private static string? DefaultActions(string? scenario) => scenario switch
    {
        // Arnold's default (move_fb+turn_lr+move_lr+attack) fails its own assertions for these two.
        "defend_the_center" => "turn_lr+attack",
        "health_gathering" => "move_fb;turn_lr",
        _ => null,
    };

    private static void ValidateActions(string? scenario, string? actions, List<string> problems)
    {
        if (actions is null)
        {
            return;
        }

        if (scenario == "defend_the_center" && !DefendTheCenterActions.Contains(actions))
        {
            problems.Add($"defend_the_center accepts \"action_combinations\" {string.Join(", ", DefendTheCenterActions)} only; got '{actions}'.");
        }

        if (scenario == "health_gathering" && actions.Contains("attack", StringComparison.Ordinal))
        {
            problems.Add($"health_gathering does not allow 'attack' in \"action_combinations\"; got '{actions}'.");
        }

        var known = new[] { "turn_lr", "look_ud", "move_fb", "move_lr", "attack" };
        if (actions.Split(';', '+').Any(part => !known.Contains(part)))
        {
            problems.Add($"\"action_combinations\" combines {string.Join(", ", known)} with '+' and ';'; got '{actions}'.");
        }
    }

    /// <summary>Arnold's <c>1,2</c> map ids: from the settings, else the run's <c>MAPxx</c> level for deathmatch.</summary>
    private static string? MapIds(Settings settings, AgentRun run, string? scenario, List<string> problems)
    {
        var ids = settings.IntList("map_ids");
        if (ids is null && scenario is "deathmatch" or "self_play")
        {
            // Arnold plays "map%02i": a run of MAP07 is map 7.
            if (run.MapName.Length == 5 && run.MapName.StartsWith("MAP", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(run.MapName.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id >= 1)
            {
                ids = [id];
            }
            else
            {
                problems.Add($"Arnold plays MAPxx levels only; level '{run.MapName}' needs \"map_ids\" in the run's settings.");
            }
        }

        if (ids is null)
        {
            return null;
        }

        if (ids.Count == 0 || ids.Any(i => i < 1) || ids.Distinct().Count() != ids.Count)
        {
            problems.Add($"\"map_ids\" must be distinct map numbers from 1 (Arnold's --map_ids_test 1,2); got {string.Join(",", ids)}.");
            return null;
        }

        return string.Join(',', ids.Order().Select(i => i.ToString(CultureInfo.InvariantCulture)));
    }

    private static void RejectSpaces(string path, string what, List<string> problems)
    {
        if (path.Any(char.IsWhiteSpace))
        {
            problems.Add($"{what} contains a space ('{path}'): Arnold and ViZDoom reject paths with spaces; move it to a path without any.");
        }
    }

    private static TimeSpan? Seconds(int? seconds) => seconds is { } s ? TimeSpan.FromSeconds(s) : null;

    private static string Flag(bool value) => value ? "1" : "0";

    private static void AddInt(List<string> arguments, string name, int? value)
    {
        if (value is { } v)
        {
            arguments.AddRange([name, v.ToString(CultureInfo.InvariantCulture)]);
        }
    }

    private static void AddString(List<string> arguments, string name, string? value)
    {
        if (value is not null)
        {
            arguments.AddRange([name, value]);
        }
    }

    /// <summary>Typed reads of the run's settings that report a wrong type instead of throwing.</summary>
    private static TimeSpan Min(TimeSpan? asked, TimeSpan limit) => asked is { } a && a < limit ? a : limit;

    // The path with every link along it resolved (each folder on the way, then the file), as realpath(3) gives it.
    private static string RealPath(string path)
    {
        var current = System.IO.Path.GetPathRoot(System.IO.Path.GetFullPath(path))!;
        foreach (var part in System.IO.Path.GetFullPath(path)[current.Length..].Split(System.IO.Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = System.IO.Path.Combine(current, part);
            var entry = new FileInfo(current);
            if (entry.LinkTarget is not null && entry.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                current = System.IO.Path.GetFullPath(target.FullName);
            }
        }

        return current;
    }

    private static bool IsNumber(string argument) => double.TryParse(argument, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    // Whether the model lies in the configured models folder, links resolved (a link inside pointing out is outside).
    private static bool InModelsFolder(string model, string? folder, List<string> problems)
    {
        if (folder is not { Length: > 0 })
        {
            problems.Add($"\"model\" cannot be used: no models folder is configured ({ArnoldOptions.SectionName}:ModelsFolder), and no other path is opened.");
            return false;
        }

        var root = System.IO.Path.TrimEndingDirectorySeparator(RealPath(folder)) + System.IO.Path.DirectorySeparatorChar;
        if (!RealPath(model).StartsWith(root, StringComparison.Ordinal))
        {
            problems.Add($"\"model\" must be a file in the models folder {root} ({ArnoldOptions.SectionName}:ModelsFolder); got '{model}'.");
            return false;
        }

        return true;
    }

    private sealed class Settings(JsonObject? settings, List<string> problems)
    {
        public string? String(string key) => Read(key, node =>
            node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : Wrong<string>(key, "a string"));

        public bool? Bool(string key) => Read(key, node => node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => Wrong<bool?>(key, "true or false"),
        });

        public int? Int(string key, int minimum) => Read(key, node =>
        {
            if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<int>(out var value))
            {
                return Wrong<int?>(key, "a whole number");
            }

            if (value < minimum)
            {
                problems.Add($"\"{key}\" must be at least {minimum}; got {value}.");
                return null;
            }

            return value;
        });

        public List<int>? IntList(string key) => Read(key, node =>
        {
            switch (node)
            {
                case JsonArray array when array.All(item => item?.GetValueKind() == JsonValueKind.Number && item.AsValue().TryGetValue<int>(out _)):
                    return array.Select(item => item!.GetValue<int>()).ToList();
                case JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var single):
                    return [single];
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    var parts = value.GetValue<string>().Split(',', StringSplitOptions.TrimEntries);
                    var ids = new List<int>();
                    foreach (var part in parts)
                    {
                        if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                        {
                            return Wrong<List<int>>(key, "map numbers (an array, or \"1,2\")");
                        }

                        ids.Add(id);
                    }

                    return ids;
                default:
                    return Wrong<List<int>>(key, "map numbers (an array, or \"1,2\")");
            }
        });

        public List<string> Strings(string key) => Read(key, node =>
            node is JsonArray array && array.All(item => item?.GetValueKind() == JsonValueKind.String)
                ? array.Select(item => item!.GetValue<string>()).ToList()
                : Wrong<List<string>>(key, "an array of strings")) ?? [];

        private T? Read<T>(string key, Func<JsonNode, T?> read) =>
            settings is not null && settings.TryGetPropertyValue(key, out var node) && node is not null ? read(node) : default;

        private T? Wrong<T>(string key, string expected)
        {
            problems.Add($"\"{key}\" must be {expected}.");
            return default;
        }
    }
}
