using System.CommandLine;
using System.CommandLine.Help;
using RlGameTester.Cli.Checking;
using RlGameTester.Cli.Submitting;
using RlGameTester.Domain;
using RlGameTester.Domain.Bugs;
using RlGameTester.Doom.Checks;

namespace RlGameTester.Cli;

/// <summary>The command line: <c>rlgt check</c> and <c>rlgt submit</c>. A usage error answers exit code 2 with its reason.</summary>
internal static class CliApp
{
    private static readonly string[] Severities = ["critical", "major", "minor"];
    private static readonly string[] Formats = ["text", "json", "sarif", "junit", "markdown"];
    private static readonly string[] Compatibilities = ["vanilla", "boom", "mbf21", "udmf"];

    /// <param name="handler">What <c>submit</c> sends its requests through (tests give the test server's); sockets when null.</param>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken, HttpMessageHandler? handler = null)
    {
        // Named rlgt in its help whatever the assembly is called (the tool's shim, dotnet run and tests all run RlGameTester.Cli.dll).
        var root = new Command("rlgt", "Checks Doom levels the way RlGameTester does, in-process or through a running instance.")
        {
            Check(console),
            Submit(console, handler),
            new HelpOption(),
            new VersionOption(),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync($"rlgt: {error.Message}");
            }

            await console.Error.WriteLineAsync("Run 'rlgt --help' or 'rlgt check --help' for the options.");
            return ExitCodes.Unusable;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken);
    }

    private static Command Check(CliConsole console)
    {
        var wad = new Argument<string>("wad") { Description = "The WAD whose levels are checked." };
        var iwad = new Option<string?>("--iwad") { Description = "The IWAD the levels are played with (default: found like ports do, Doom's for ExMy levels and Doom II's for MAPxx, e.g. freedoom1.wad / freedoom2.wad)." };
        var files = new Option<string[]>("--file") { Description = "Resource WADs loaded with the map, in load order (textures, flats, patches, DECORATE things); repeatable.", AllowMultipleArgumentsPerToken = true };
        var mods = new Option<string[]>("--mod") { Description = "A mod the levels are made for, as a folder (an unpacked PK3) or a PK3: its DECORATE, ZSCRIPT, MAPINFO and DEHACKED actors decide which bosses end a level and which things stand in the way; repeatable, loaded before the WADs.", AllowMultipleArgumentsPerToken = true };
        var compat = Compatibility();
        var levels = Levels();
        var (explore, skill, seed) = Play();
        var timeout = Bounded("--explore-timeout", "Seconds the explorer may play one level.", 120, 1, 3600);
        var jobs = Bounded("--jobs", "Levels checked at once (default: every core).", Environment.ProcessorCount, 1, 1024);
        jobs.Aliases.Add("-j");
        var report = new ReportOptions();

        var command = new Command("check", "Check a WAD's levels in-process: static checks, and the explorer with --explore. Exit 0: nothing at or above --fail-on; 1: something is; 2: usage error or unreadable input.")
        {
            wad, iwad, files, mods, compat, levels, explore, skill, seed, timeout, jobs,
        };
        report.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = new CheckSettings
            {
                Wad = parse.GetRequiredValue(wad),
                Iwad = parse.GetValue(iwad),
                Files = parse.GetValue(files) ?? [],
                Mods = parse.GetValue(mods) ?? [],
                Compatibility = ReadCompatibility(parse, compat),
                Levels = parse.GetValue(levels) ?? [],
                Skill = parse.GetValue(skill),
                Seed = parse.GetValue(seed),
                Explore = parse.GetValue(explore),
                ExploreTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                Jobs = parse.GetValue(jobs),
                Report = report.Read(parse),
            };
            return Task.Run(() => new CheckCommand(settings, console).Run(cancellationToken), cancellationToken);
        });
        return command;
    }

    private static Command Submit(CliConsole console, HttpMessageHandler? handler)
    {
        var wad = new Argument<string>("wad") { Description = "The WAD to upload." };
        var server = new Option<Uri>("--server")
        {
            Description = "The RlGameTester Api's address, e.g. https://rlgt.example.com.",
            Required = true,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    return uri;
                }

                result.AddError($"--server must be an absolute http or https address; got '{text}'.");
                return null;
            },
        };
        var key = new Option<string?>("--key") { Description = "An API key with the tester role (default: the RLGT_API_KEY environment variable, which keeps it out of CI logs)." };
        var iwad = new Option<string?>("--iwad") { Description = "The IWAD by file name, among the server's (default: the server chooses by the level names)." };
        var files = new Option<string[]>("--file") { Description = "Resource WADs sent with the map, in load order; repeatable.", AllowMultipleArgumentsPerToken = true };
        var compat = Compatibility();
        var project = new Option<string?>("--project") { Description = "Upload as the next revision of its levels in this project (made when missing); findings the previous revision lacked are marked new." };
        var failOnNew = new Option<bool>("--fail-on-new") { Description = "Gate only on findings the previous revision in --project lacked (a level's first revision: on all)." };
        var levels = Levels();
        var (explore, skill, seed) = Play();
        var timeout = Bounded("--timeout", "Seconds to wait in all for the server's checks and runs.", 1800, 10, 86_400);
        var report = new ReportOptions();

        var command = new Command("submit", "Check a WAD through a running RlGameTester: upload it, wait for the level checks (and with --explore, an explorer run per level), print the server's findings. Same formats and exit codes as check.")
        {
            wad, server, key, iwad, files, compat, project, failOnNew, levels, explore, skill, seed, timeout,
        };
        report.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var apiKey = parse.GetValue(key) ?? Environment.GetEnvironmentVariable("RLGT_API_KEY");
            if (string.IsNullOrWhiteSpace(apiKey))
            {
                await console.Error.WriteLineAsync("rlgt: give an API key with --key or the RLGT_API_KEY environment variable.");
                return ExitCodes.Unusable;
            }

            var settings = new SubmitSettings
            {
                Wad = parse.GetRequiredValue(wad),
                Server = parse.GetRequiredValue(server),
                Key = apiKey.Trim(),
                Iwad = parse.GetValue(iwad),
                Files = parse.GetValue(files) ?? [],
                Compatibility = ReadCompatibility(parse, compat),
                Project = parse.GetValue(project),
                FailOnNewOnly = parse.GetValue(failOnNew),
                Levels = parse.GetValue(levels) ?? [],
                Explore = parse.GetValue(explore),
                Skill = parse.GetValue(skill),
                Seed = parse.GetValue(seed),
                Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                Report = report.Read(parse),
            };
            return await new SubmitCommand(settings, console, handler).RunAsync(cancellationToken);
        });
        return command;
    }

    private static Option<string?> Compatibility()
    {
        var option = new Option<string?>("--compat") { Description = "The engine the levels are made for: its crashes are critical (default: inferred per level, vanilla for a Doom-format level using no port feature)." };
        option.AcceptOnlyFromAmong(Compatibilities);
        return option;
    }

    private static CompatibilityLevel? ReadCompatibility(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { } value ? Enum.Parse<CompatibilityLevel>(value, ignoreCase: true) : null;

    private static Option<string[]> Levels() =>
        new("--level") { Description = "Only these levels (e.g. MAP01); repeatable.", AllowMultipleArgumentsPerToken = true };

    private static (Option<bool> Explore, Option<int> Skill, Option<int> Seed) Play() =>
    (
        new Option<bool>("--explore") { Description = "Also play every level with the built-in explorer (exits, softlocks, death zones, unreachable keys)." },
        Bounded("--skill", "The skill 1-5 the explorer plays at.", 3, 1, 5),
        new Option<int>("--seed") { Description = "The explorer's seed (same seed, same play).", DefaultValueFactory = _ => 0 }
    );

    private static Option<int> Bounded(string name, string description, int defaultValue, int min, int max)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < min || result.GetValueOrDefault<int>() > max)
            {
                result.AddError($"{name} must be {min} to {max}.");
            }
        });
        return option;
    }

    /// <summary>The options both commands share: the gate, the format, the output file and colour.</summary>
    private sealed class ReportOptions
    {
        private readonly Option<string> _failOn = new("--fail-on") { Description = "Exit 1 when a finding is at or above this severity.", DefaultValueFactory = _ => "critical" };
        private readonly Option<string> _format = new("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        private readonly Option<string?> _output = new("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        private readonly Option<bool> _color = new("--color") { Description = "Colour the text output even when it is not a terminal." };
        private readonly Option<bool> _noColor = new("--no-color") { Description = "Never colour the text output (NO_COLOR is honoured too)." };

        public ReportOptions()
        {
            _failOn.AcceptOnlyFromAmong(Severities);
            _format.AcceptOnlyFromAmong(Formats);
        }

        public void AddTo(Command command)
        {
            command.Options.Add(_failOn);
            command.Options.Add(_format);
            command.Options.Add(_output);
            command.Options.Add(_color);
            command.Options.Add(_noColor);
        }

        public ReportSettings Read(ParseResult parse) => new()
        {
            FailOn = SnakeCase.Parse<BugSeverity>(parse.GetRequiredValue(_failOn)),
            Format = Enum.Parse<ReportFormat>(parse.GetRequiredValue(_format), ignoreCase: true),
            Output = parse.GetValue(_output),
            Color = parse.GetValue(_noColor) ? false : parse.GetValue(_color) ? true : null,
        };
    }
}
