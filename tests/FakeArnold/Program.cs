using System.Diagnostics;
using System.Globalization;
using System.Text;

// Stands in for `python arnold.py ...`: see README.md. Arguments: <checkout>/arnold.py --key value ...
var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
var started = DateTime.Now;
var pid = Environment.ProcessId;

WriteFile("FAKE_ARNOLD_PID_FILE", pid.ToString(CultureInfo.InvariantCulture));

if (args.Length == 0 || !File.Exists(args[0]) || Path.GetFileName(args[0]) != "arnold.py")
{
    stderr.WriteLine($"python: can't open file '{(args.Length > 0 ? args[0] : "")}': [Errno 2] No such file or directory");
    return 2;
}

var checkout = Path.GetDirectoryName(Path.GetFullPath(args[0]))!;
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        return ArgparseError($"unrecognized arguments: {args[i]}");
    }

    options[args[i][2..]] = args[++i];
}

// arnold.py: the dump folder and the logger come first, then parse_game_args checks the rest.
var mainDumpPath = options.GetValueOrDefault("main_dump_path", "./dumped");
var experimentName = options.GetValueOrDefault("exp_name", "default");
if (experimentName.Trim().Length == 0)
{
    return Crash("assert len(args.exp_name.strip()) > 0", "arnold.py", 15);
}

var dumpPath = Path.Combine(mainDumpPath, experimentName, RandomFolderName());
Directory.CreateDirectory(dumpPath);
using var trainLog = new StreamWriter(Path.Combine(dumpPath, "train.log"), append: true, new UTF8Encoding(false)) { AutoFlush = true };

Log("========== Running DOOM ==========");
Log($"Experiment will be saved in: {dumpPath}");

if (CheckArguments() is { } failure)
{
    return Crash(failure.Assertion, failure.File, failure.Line);
}

var pace = TimeSpan.FromMilliseconds(int.Parse(Environment.GetEnvironmentVariable("FAKE_ARNOLD_PACE_MS") ?? "0", CultureInfo.InvariantCulture));
if (Environment.GetEnvironmentVariable("FAKE_ARNOLD_SPAWN_CHILD") == "1")
{
    // Shares our stdout/stderr, like a worker process of Arnold's would.
    using var child = Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })!;
    WriteFile("FAKE_ARNOLD_CHILD_PID_FILE", child.Id.ToString(CultureInfo.InvariantCulture));
}

var lastIteration = 0;
if (Environment.GetEnvironmentVariable("FAKE_ARNOLD_LOG") is { Length: > 0 } replay)
{
    var skipped = 0;
    foreach (var line in File.ReadLines(replay))
    {
        // The two start lines are ours already.
        if (skipped < 2 && (line.EndsWith("========== Running DOOM ==========", StringComparison.Ordinal)
            || line.Contains("Experiment will be saved in: ", StringComparison.Ordinal)))
        {
            skipped++;
            continue;
        }

        var text = line.TrimStart().StartsWith("dump_path: ", StringComparison.Ordinal)
            ? line[..line.IndexOf("dump_path: ", StringComparison.Ordinal)] + "dump_path: " + dumpPath
            : line;
        var marker = text.IndexOf("=== Iteration ", StringComparison.Ordinal);
        if (marker >= 0 && int.TryParse(text.AsSpan(marker + 14), CultureInfo.InvariantCulture, out var iteration))
        {
            lastIteration = iteration;
        }

        Write(text);
        await Pause();
    }
}

if (Environment.GetEnvironmentVariable("FAKE_ARNOLD_LOOP") == "1")
{
    // Training never ends by itself.
    var random = new Random(pid);
    if (pace < TimeSpan.FromMilliseconds(1))
    {
        pace = TimeSpan.FromMilliseconds(1);
    }

    for (var iteration = lastIteration + 400; ; iteration += 400)
    {
        Log($"=== Iteration {iteration}");
        Log($"DQN loss: {0.1 + (random.NextDouble() / 10):F5}");
        await Pause();
    }
}

var exitCode = int.Parse(Environment.GetEnvironmentVariable("FAKE_ARNOLD_EXIT_CODE") ?? "0", CultureInfo.InvariantCulture);
if (exitCode != 0 && Environment.GetEnvironmentVariable("FAKE_ARNOLD_TRACEBACK") != "0")
{
    // What Python prints for the uncaught exception that ends a run with code 1.
    Traceback(
        ("arnold.py", 24, "parse_game_args(remaining + ['--dump_path', dump_path])"),
        ("src/args.py", 109, "module.main(parser, args)"),
        ("src/doom/scenarios/defend_the_center.py", 47, "game = Game("),
        ("src/doom/game.py", 117, "assert os.path.isfile(self.game_path)"));
    stderr.WriteLine("AssertionError");
}

return exitCode;

(string Assertion, string File, int Line)? CheckArguments()
{
    static bool IsFlag(string value) => value.ToLowerInvariant() is "0" or "1" or "true" or "false" or "on" or "off";
    static bool IsOn(string? value) => value?.ToLowerInvariant() is "1" or "true" or "on";

    foreach (var flag in new[] { "visualize", "freedoom", "manual_control", "supreme", "use_screen_buffer", "human_player" })
    {
        if (options.TryGetValue(flag, out var value) && !IsFlag(value))
        {
            return ($"argparse: argument --{flag}: invalid value for a boolean flag. use 0 or 1", "src/utils.py", 24);
        }
    }

    foreach (var maps in new[] { "map_ids_train", "map_ids_test" })
    {
        if (options.TryGetValue(maps, out var ids)
            && !ids.Split(',').All(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1))
        {
            return ("assert len(ids) >= 1 and all(x.isdigit() for x in ids)", "src/utils.py", 33);
        }
    }

    // The stand-in is stricter than Arnold about what the runner promises (RlGameTester.Worker/Agents/Arnold/README.md): absolute paths without spaces.
    if (!Path.IsPathFullyQualified(mainDumpPath) || mainDumpPath.Contains(' ', StringComparison.Ordinal))
    {
        return ("assert os.path.isabs(main_dump_path) and ' ' not in main_dump_path", "arnold.py", 17);
    }

    var evaluate = options.GetValueOrDefault("evaluate", "0") != "0";
    var reload = options.GetValueOrDefault("reload", "");
    if (IsOn(options.GetValueOrDefault("visualize")) && !evaluate)
    {
        return ("assert not params.visualize or params.evaluate", "src/args.py", 101);
    }

    if (evaluate && reload.Length == 0)
    {
        return ("assert not params.evaluate or params.reload", "src/args.py", 103);
    }

    if (reload.Length > 0 && (!File.Exists(reload) || !Path.IsPathFullyQualified(reload) || reload.Contains(' ', StringComparison.Ordinal)))
    {
        return ("assert not params.reload or os.path.isfile(params.reload)", "src/args.py", 104);
    }

    var scenario = options.GetValueOrDefault("scenario", "deathmatch");
    if (scenario is not ("defend_the_center" or "health_gathering" or "deathmatch" or "self_play"))
    {
        return ($"ModuleNotFoundError: No module named 'src.doom.scenarios.{scenario}'", "src/args.py", 107);
    }

    var wadScenario = scenario == "deathmatch" || (scenario == "self_play" && options.GetValueOrDefault("execute", "deathmatch_rockets") == "deathmatch");
    if (wadScenario && !File.Exists(Path.Combine(checkout, "resources", "scenarios", options.GetValueOrDefault("wad", "") + ".wad")))
    {
        return ("assert os.path.isfile(self.scenario_path)", "src/doom/game.py", 116);
    }

    return null;
}

int Crash(string assertion, string file, int line)
{
    Traceback(("arnold.py", 24, "parse_game_args(remaining + ['--dump_path', dump_path])"), (file, line, assertion));
    stderr.WriteLine(assertion.StartsWith("ModuleNotFoundError", StringComparison.Ordinal) ? assertion : "AssertionError");
    return 1;
}

int ArgparseError(string message)
{
    stderr.WriteLine("usage: arnold.py [-h] [--main_dump_path MAIN_DUMP_PATH] [--exp_name EXP_NAME]");
    stderr.WriteLine($"arnold.py: error: {message}");
    return 2;
}

void Traceback(params (string File, int Line, string Code)[] frames)
{
    stderr.WriteLine("Traceback (most recent call last):");
    foreach (var (file, line, code) in frames)
    {
        stderr.WriteLine($"  File \"{Path.Combine(checkout, file)}\", line {line}, in <module>");
        stderr.WriteLine($"    {code}");
    }
}

void Log(string message)
{
    var elapsed = DateTime.Now - started;
    var clock = elapsed.Days > 0
        ? $"{elapsed.Days} day{(elapsed.Days > 1 ? "s" : "")}, {elapsed.Hours}:{elapsed.Minutes:00}:{elapsed.Seconds:00}"
        : $"{elapsed.Hours}:{elapsed.Minutes:00}:{elapsed.Seconds:00}";
    Write($"INFO [{pid}] - {DateTime.Now.ToString("MM/dd/yy HH:mm:ss", CultureInfo.InvariantCulture)} - {clock} - {message}");
}

void Write(string line)
{
    // Arnold's logger writes every record to stderr and to train.log.
    stderr.WriteLine(line);
    trainLog.WriteLine(line);
}

async Task Pause()
{
    if (pace > TimeSpan.Zero)
    {
        await Task.Delay(pace);
    }
}

static string RandomFolderName()
{
    const string Chars = "abcdefghijklmnopqrstuvwxyz0123456789";
    return string.Create(10, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Chars[Random.Shared.Next(Chars.Length)];
        }
    });
}

static void WriteFile(string variable, string text)
{
    if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } path)
    {
        File.WriteAllText(path, text);
    }
}
