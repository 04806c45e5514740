using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using RlGameTester.Cli.Checking;
using RlGameTester.Cli.Output;
using RlGameTester.Domain;
using RlGameTester.Domain.Bugs;

namespace RlGameTester.Cli.Submitting;

/// <summary>
/// <c>rlgt submit</c>: the same check through a running RlGameTester. Uploads the WAD, waits for the server's level
/// checks, with --explore starts an explorer run per level and waits for each to be played and analysed, then prints the
/// server's findings in the same formats and answers the same exit codes (2 also when the server refuses or the wait
/// passes --timeout).
/// </summary>
internal sealed class SubmitCommand(SubmitSettings settings, CliConsole console, HttpMessageHandler? handler = null)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: handler is null) { BaseAddress = settings.Server, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Api-Key", settings.Key);
        var api = new ApiClient(http, DateTimeOffset.UtcNow + settings.Timeout, TimeProvider.System);
        try
        {
            var maps = await UploadAsync(api, cancellationToken);
            var outcomes = new List<LevelOutcome>();
            var done = 0;
            foreach (var map in maps)
            {
                outcomes.Add(await LevelAsync(api, map, cancellationToken));
                console.ShowProgress(++done, maps.Count, map.Level);
            }

            console.ClearProgress();
            var report = new CheckReport(settings.Wad, settings.Files, outcomes, settings.Report.FailOn, settings.Explore, settings.FailOnNewOnly);
            ReportOutput.Write(report, settings.Report, console);
            return report.Failed ? ExitCodes.Failed : ExitCodes.Passed;
        }
        catch (Exception e) when (e is CliInputException or ServerProblemException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            console.ClearProgress();
            var reason = e is HttpRequestException or TaskCanceledException ? $"cannot reach {settings.Server}: {e.Message}" : e.Message;
            await console.Error.WriteLineAsync($"rlgt: {reason}");
            return ExitCodes.Unusable;
        }
    }

    /// <summary>The uploaded levels (a WAD the server already has answers with its maps), those --level names.</summary>
    private async Task<List<SubmittedLevel>> UploadAsync(ApiClient api, CancellationToken cancellationToken)
    {
        var map = (Path.GetFileName(settings.Wad), CliInput.ReadFile(settings.Wad));
        var resources = settings.Files.Select(file => (Path.GetFileName(file), CliInput.ReadFile(file))).ToList();

        var fields = new Dictionary<string, string>();
        if (settings.Iwad is { } iwad)
        {
            fields["iwad"] = Path.GetFileName(iwad);
        }

        if (settings.Compatibility is { } compatibility)
        {
            fields["compatibility"] = compatibility.ToString().ToLowerInvariant();
        }

        long? project = settings.Project is { } projectName ? await ProjectAsync(api, projectName, cancellationToken) : null;
        if (project is { } projectId)
        {
            fields["project"] = projectId.ToString(CultureInfo.InvariantCulture);
        }

        var maps = (await api.UploadAsync(map, resources, fields, cancellationToken))
            .Select(m => new SubmittedLevel(
                m!["id"]!.GetValue<long>(), m["level_name"]?.GetValue<string>() ?? m["name"]!.GetValue<string>(), m["iwad"]?.GetValue<string>(), project, m["revision"]?.GetValue<int>()))
            .ToList();
        return CliInput.ChooseLevels(maps, m => m.Level, settings.Levels, settings.Wad);
    }

    /// <summary>The project's id by name, made when there is none (a project another job made meanwhile is found again).</summary>
    private static async Task<long> ProjectAsync(ApiClient api, string name, CancellationToken cancellationToken)
    {
        async Task<long?> FindAsync() => (await api.GetAsync("/api/projects?limit=1000", cancellationToken)).AsArray()
            .FirstOrDefault(p => p!["name"]!.GetValue<string>() == name)?["id"]!.GetValue<long>();

        if (await FindAsync() is { } existing)
        {
            return existing;
        }

        try
        {
            return (await api.PostAsync("/api/projects", new { name }, cancellationToken))["id"]!.GetValue<long>();
        }
        catch (ServerProblemException e) when (e.Status == System.Net.HttpStatusCode.Conflict)
        {
            if (await FindAsync() is { } madeMeanwhile)
            {
                return madeMeanwhile;
            }

            throw;
        }
    }

    private async Task<LevelOutcome> LevelAsync(ApiClient api, SubmittedLevel map, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var checks = await api.PollAsync($"/api/maps/{map.Id}/checks", c => c["checked_at"] is not null, $"the checks of {map.Level}", cancellationToken);
        var findings = checks["findings"]!.AsArray().Select(b => FromBug(map.Level, b!)).ToList();
        if (map is { Project: { } project, Revision: > 1 and var revision })
        {
            // The level checks' findings against the previous revision's: what it lacked is new.
            var comparison = await api.GetWhenReadyAsync(
                string.Create(CultureInfo.InvariantCulture, $"/api/projects/{project}/levels/{Uri.EscapeDataString(map.Level)}/compare?from={revision - 1}&to={revision}"),
                $"the previous revision of {map.Level} to be checked", cancellationToken);
            var added = comparison["new"]!.AsArray().Select(b => FromBug(map.Level, b!).Fingerprint).ToHashSet(StringComparer.Ordinal);
            findings = findings.ConvertAll(f => f with { IsNew = added.Contains(f.Fingerprint) });
        }

        ExplorationSummary? exploration = null;
        if (settings.Explore)
        {
            var created = await api.PostAsync("/api/runs", new { map_id = map.Id, agent = "explorer", seed = settings.Seed, config = new { skill = settings.Skill } }, cancellationToken);
            var runId = created["id"]!.GetValue<long>();
            await api.PostAsync($"/api/runs/{runId}/start", null, cancellationToken);
            var run = await api.PollAsync($"/api/runs/{runId}", r => r["status"]!.GetValue<string>() is "failed" or "cancelled" || r["metrics"] is not null,
                $"explorer run {runId} of {map.Level}", cancellationToken);
            var runBugs = (await api.GetAsync($"/api/bugs?run_id={runId}&limit=1000", cancellationToken)).AsArray().Select(b => FromBug(map.Level, b!)).ToList();
            findings.AddRange(runBugs);
            exploration = Summary(run, runBugs);
        }

        findings.Sort((a, b) => a.Severity.CompareTo(b.Severity));
        return new LevelOutcome(map.Level, map.Iwad, findings, exploration, clock.Elapsed.TotalMilliseconds);
    }

    private static ExplorationSummary Summary(JsonNode run, List<CliFinding> bugs)
    {
        if (run["status"]!.GetValue<string>() != "completed")
        {
            return new ExplorationSummary(false, $"run {run["status"]}: {run["error_message"]}", false, 0);
        }

        var metrics = run["metrics"]!;
        var reached = metrics["solvability"]?.GetValue<bool>() ?? false;
        var exitFinding = bugs.FirstOrDefault(b => b.BugType is BugType.ExitUnreachable or BugType.ExitNotReached);
        return new ExplorationSummary(reached, reached ? null : exitFinding?.Title, false, metrics["coverage_visited"]?.GetValue<double>() ?? 0);
    }

    /// <summary>A bug as <c>GET /api/bugs</c> gives it.</summary>
    private static CliFinding FromBug(string level, JsonNode bug) => new()
    {
        Level = level,
        BugType = SnakeCase.Parse<BugType>(bug["bug_type"]!.GetValue<string>()),
        Severity = SnakeCase.Parse<BugSeverity>(bug["severity"]!.GetValue<string>()),
        DetectionSource = SnakeCase.Parse<DetectionSource>(bug["detection_source"]!.GetValue<string>()),
        CheckName = bug["check_name"]?.GetValue<string>() ?? bug["bug_type"]!.GetValue<string>(),
        Title = bug["title"]!.GetValue<string>(),
        Description = bug["description"]?.GetValue<string>(),
        Confidence = bug["confidence"]?.GetValue<double>() ?? 1,
        PositionX = bug["position_x"]?.GetValue<double>(),
        PositionY = bug["position_y"]?.GetValue<double>(),
        ElementKind = bug["element_kind"]?.GetValue<string>(),
        ElementIndex = bug["element_index"]?.GetValue<int>(),
    };

    /// <summary>A level the upload made (or found), with its revision when it went into a project.</summary>
    private sealed record SubmittedLevel(long Id, string Level, string? Iwad, long? Project, int? Revision);
}
