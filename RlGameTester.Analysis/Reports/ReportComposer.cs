using System.Globalization;
using System.Text;
using System.Text.Json;
using RlGameTester.Data.Reports;
using RlGameTester.Domain.Metrics;

namespace RlGameTester.Analysis.Reports;

/// <summary>
/// Puts a report together from its evidence and its prose (the templates' or the LLM's): the structured document
/// and the Markdown a person reads. Facts always come from the evidence, so an LLM cannot move a finding or change
/// a figure; it can only explain them.
/// </summary>
internal static class ReportComposer
{
    public static ComposedReport Compose(ReportEvidence evidence, ReportProse prose, ReportProvenance provenance)
    {
        var findings = evidence.Findings.Select(f => ToReportFinding(f, prose.Findings.GetValueOrDefault(f.Id))).ToList();
        var hardnessSource = HardnessSource(evidence);
        var hardness = hardnessSource is { } h ? ToReportHardness(h.RunId, h.Metrics) : null;
        var document = new ReportDocument
        {
            Subject = evidence.Subject,
            RunId = evidence.Run?.Id,
            MapId = evidence.Map.Id,
            Title = prose.Title,
            Summary = prose.Summary,
            ImageUrl = evidence.ImageUrl,
            Hardness = hardness,
            Sections = prose.Sections,
            Findings = findings,
            OmittedFindings = evidence.OmittedFindings,
            Runs = evidence.Runs.Select(r => new ReportRun
            {
                RunId = r.Id,
                Agent = r.Agent,
                Status = r.Status,
                Episodes = r.Episodes,
                HardnessScore = r.Metrics?.HardnessScore,
                HardnessBand = r.Metrics?.HardnessBand,
                MainDriver = r.Metrics is { } m ? MainDriver(m) : null,
                Findings = r.Findings,
                ExitReached = r.Metrics?.ExitReached,
                ReportUrl = $"/api/runs/{r.Id}/report",
            }).ToList(),
        };
        return new ComposedReport(document, Markdown(evidence, prose, provenance, document, hardnessSource), provenance);
    }

    /// <summary>The four hardness factors, largest first, with the figures behind each.</summary>
    public static IReadOnlyList<HardnessFactor> Factors(EvidenceMetrics m) =>
    [
        .. new[]
        {
            new HardnessFactor("deaths", m.DeathPoints, Hardness.DeathPoints, $"{m.TotalDeaths} death{Plural(m.TotalDeaths)} in {m.Episodes} episode{Plural(m.Episodes)}", $"{Hardness.DeathPoints} at one death per episode or more"),
            new HardnessFactor("kills", m.KillPoints, Hardness.KillPoints,
                m.AgentFights ? $"{FindingText.Number(m.AvgKillsPerEpisode ?? 0)} kills per episode" : "no kills: this agent plays without monsters",
                $"{Hardness.KillPoints} with no kills, 0 at {Hardness.KillsForNone} or more per episode"),
            new HardnessFactor("health", m.HealthPoints, Hardness.HealthPoints, m.AvgHealth is { } health ? $"average health {FindingText.Number(health)}" : "no health changes (counts as full health)", $"{Hardness.HealthPoints} at average health 0, 0 at 100"),
            new HardnessFactor("stuck", m.StuckPoints, Hardness.StuckPoints, $"{m.StuckPeriods} stuck period{Plural(m.StuckPeriods)}", $"{Hardness.StuckPoints / Hardness.StuckForFull} per period, {Hardness.StuckPoints} at {Hardness.StuckForFull} or more"),
        }.OrderByDescending(f => f.Points),
    ];

    /// <summary>
    /// The factors that say something about the level, largest first, leaving out those that add nothing and, for an
    /// agent that plays without monsters, the kills term (its 25 points come from the agent, not the level).
    /// </summary>
    public static IReadOnlyList<HardnessFactor> Drivers(EvidenceMetrics m) =>
        [.. Factors(m).Where(f => f.Points > 0 && (m.AgentFights || f.Name != "kills"))];

    /// <summary>"kills: 25 of 25 points: 0 kills per episode", the largest driver, or what stands for none.</summary>
    public static string MainDriver(EvidenceMetrics m) =>
        Drivers(m) is [var main, ..] ? main.Describe(withName: true) : m.AgentFights ? "nothing" : "only the kills term (plays without monsters)";

    /// <summary>"deaths (35 of 35 points: 3 deaths in 3 episodes), then kills (25 of 25 ...)": what drives the score.</summary>
    public static string DriversText(EvidenceMetrics m)
    {
        var factors = Drivers(m);
        if (factors.Count == 0)
        {
            return m.AgentFights
                ? "Nothing adds to the score: no deaths, 10 or more kills per episode, full health and no stuck periods."
                : "Only the kills term adds to the score, and this agent plays without monsters: no deaths, no damage and no stuck "
                    + "periods. How hard the level's fights are takes an agent that fights (Arnold).";
        }

        var main = factors[0];
        var text = new StringBuilder($"Driven mostly by {main.Name} ({main.Describe()})");
        if (factors.Count > 1)
        {
            text.Append(", then ").Append(string.Join(", ", factors.Skip(1).Select(f => $"{f.Name} ({f.Describe()})")));
        }

        text.Append('.');
        if (!m.AgentFights)
        {
            text.Append(" The kills term is left out: this agent plays without monsters.");
        }

        return text.ToString();
    }

    public static string Plural(int count) => count == 1 ? string.Empty : "s";

    /// <summary>"1 critical, 2 major, 1 minor".</summary>
    public static string Counts(IReadOnlyDictionary<string, int> bySeverity) =>
        string.Join(", ", new[] { "critical", "major", "minor", "info" }
            .Where(s => bySeverity.GetValueOrDefault(s) > 0)
            .Select(s => $"{bySeverity[s]} {s}"));

    private static (long RunId, EvidenceMetrics Metrics)? HardnessSource(ReportEvidence evidence)
    {
        if (evidence.Subject == ReportSubject.Run)
        {
            return evidence.Metrics is { } metrics ? (evidence.Run!.Id, metrics) : null;
        }

        return HardestRun(evidence.Runs) is { } hardest ? (hardest.Id, hardest.Metrics!) : null;
    }

    /// <summary>
    /// A level plays as hard as its hardest analysed run, among the runs of agents that fight where there are any: an
    /// explorer run's score is mostly the kills term it cannot earn.
    /// </summary>
    public static EvidenceRunSummary? HardestRun(IEnumerable<EvidenceRunSummary> runs)
    {
        var analysed = runs.Where(r => r.Metrics is not null).ToList();
        var fought = analysed.Where(r => r.Metrics!.AgentFights).ToList();
        return (fought.Count > 0 ? fought : analysed).MaxBy(r => r.Metrics!.HardnessScore);
    }

    private static ReportHardness ToReportHardness(long runId, EvidenceMetrics m) => new()
    {
        RunId = runId,
        Score = m.HardnessScore,
        Band = m.HardnessBand,
        DeathPoints = m.DeathPoints,
        KillPoints = m.KillPoints,
        HealthPoints = m.HealthPoints,
        StuckPoints = m.StuckPoints,
        Drivers = DriversText(m),
    };

    private static ReportFinding ToReportFinding(EvidenceFinding f, ProseFinding? prose)
    {
        var evidence = FindingText.Evidence(f);
        // A static check's message is its evidence; repeating it as the explanation says nothing new.
        var explanation = prose?.Explanation ?? (f.Description is { } d && d != evidence ? d : null);
        return new ReportFinding
        {
            Id = f.Id,
            RunId = f.RunId,
            Type = f.Type,
            Severity = f.Severity,
            Source = f.Source,
            Check = f.Check,
            Title = f.Title,
            Place = FindingText.Place(f),
            X = f.X,
            Y = f.Y,
            Element = f.Element,
            ElementIndex = f.ElementIndex,
            Episode = f.Episode,
            Tick = f.Tick,
            Confidence = f.Confidence,
            Certainty = FindingText.Certainty(f),
            ScreenshotUrl = f.ScreenshotUrl,
            Evidence = evidence,
            Explanation = explanation,
            Fix = prose?.Fix ?? FindingFixes.For(f),
        };
    }

    private static string Markdown(ReportEvidence evidence, ReportProse prose, ReportProvenance provenance, ReportDocument document, (long RunId, EvidenceMetrics Metrics)? hardness)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(OneLine(prose.Title)).AppendLine();
        md.AppendLine(provenance.Generator == ReportGenerator.Llm
            ? $"> Written by the LLM `{provenance.Model}` from the stored evidence only; it cites {Cited(provenance.CitedFindingIds)}. "
                + "Places, evidence and confidence in the findings come from the detectors and checks."
            : $"> Written from templates, not by an LLM: {provenance.FallbackReason}.");
        md.AppendLine();
        md.AppendLine(prose.Summary.Trim()).AppendLine();
        var level = evidence.Map.LevelName ?? evidence.Map.Name;
        md.AppendLine($"![{level} with bug markers labelled by bug id]({evidence.ImageUrl})").AppendLine();
        md.AppendLine("Markers on the image carry the bug ids this report cites as [#id]; `GET /api/bugs/{id}` has each one in full.").AppendLine();

        if (evidence.Run is { } run)
        {
            RunFacts(md, evidence, run);
        }
        else
        {
            LevelFacts(md, evidence.Map);
            RunsTable(md, evidence.Runs);
        }

        if (hardness is { } h)
        {
            HardnessTable(md, evidence.Subject == ReportSubject.Map ? $" (hardest analysed run, #{h.RunId})" : string.Empty, h.Metrics, prose.Hardness);
        }
        else
        {
            md.AppendLine("## Hardness").AppendLine();
            md.AppendLine(evidence.Run switch
            {
                { Status: "failed" or "cancelled" } => "Not calculated: the run was not analysed (it was cancelled, or ended before recording any event).",
                not null => "Not calculated yet: the Analysis service computes it when it analyses the finished run.",
                null => "No analysed run yet: hardness comes from playing the level (POST /api/runs with this map_id, then start it).",
            }).AppendLine();
        }

        foreach (var section in prose.Sections)
        {
            md.Append("## ").AppendLine(OneLine(section.Heading)).AppendLine();
            md.AppendLine(section.Body.Trim()).AppendLine();
        }

        FindingsPart(md, evidence, document.Findings);
        return md.ToString();
    }

    private static void RunFacts(StringBuilder md, ReportEvidence evidence, EvidenceRun run)
    {
        md.AppendLine("## The run").AppendLine();
        md.AppendLine("| | |").AppendLine("|---|---|");
        Row(md, "level", LevelName(evidence.Map));
        Row(md, "agent", run.AgentModel is { } model ? $"{run.Agent} (model {model})" : run.Agent);
        var duration = run is { StartedAt: { } start, CompletedAt: { } end } ? $", {FindingText.Clock((end - start).TotalSeconds)} long" : string.Empty;
        Row(md, "status", $"{run.Status} ({run.RunType}){duration}");
        if (run.ErrorMessage is { Length: > 0 } error)
        {
            Row(md, "error", error);
        }

        if (evidence.Metrics is { } m)
        {
            Row(md, "episodes", $"{m.Episodes}" + (m.AvgEpisodeSeconds is { } avg ? $", {FindingText.Clock(avg)} on average" : string.Empty));
            Row(md, "exit reached", m.ExitReached switch
            {
                true => "yes" + (m.SecondsToExit is { } t ? $", after {FindingText.Clock(t)}" : string.Empty)
                    + (m.ExitAssumptions is [_, ..] ? $"; resting on what the agent assumed: {string.Join("; ", m.ExitAssumptions)}" : string.Empty),
                false => "no: the agent found no way to the exit",
                null => "unknown (the agent does not say)",
            });
            if (m.CoverageVisited is not null || m.CoverageReachable is not null)
            {
                Row(md, "coverage", string.Join(", ", new[]
                {
                    m.CoverageReachable is { } reachable ? $"{Percent(reachable)} of the floor reachable from the start" : null,
                    m.CoverageVisited is { } visited ? $"{Percent(visited)} visited" : null,
                }.Where(p => p is not null)));
            }

            Row(md, "kills / deaths", $"{m.TotalKills} / {m.TotalDeaths}");
            Row(md, "health", string.Join(", ", new[]
            {
                m.AvgHealth is { } health ? $"average {FindingText.Number(health)}" : "no health changes",
                m.MinHealth is { } min ? $"lowest {min}" : null,
                m.TotalDamageTaken is { } damage ? $"{damage} damage taken" : null,
            }.Where(p => p is not null)));
            Row(md, "stuck periods", m.StuckPeriods.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            Row(md, "metrics", "not calculated yet");
        }

        md.AppendLine();
    }

    private static void LevelFacts(StringBuilder md, EvidenceMap map)
    {
        md.AppendLine("## The level").AppendLine();
        md.AppendLine("| | |").AppendLine("|---|---|");
        Row(md, "level", LevelName(map));
        if (map.FileHash is { } hash)
        {
            Row(md, "file", $"SHA-256 {hash[..Math.Min(12, hash.Length)]}…" + (map.Scenario is { } scenario ? $", scenario {scenario}" : string.Empty));
        }

        Row(md, "load order", LoadOrder(map));
        Row(md, "static checks", map.CheckedAt is { } at ? $"run {at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}" : "queued (not run yet)");
        if (map.Level is { ValueKind: JsonValueKind.Object } level)
        {
            Row(md, "size", $"{Text(level, "format")} format: {Text(level, "line_count")} lines, {Text(level, "sector_count")} sectors, {Text(level, "thing_count")} things");
            Row(md, "starts", Starts(level));
            Row(md, "keys", List(level, "keys", key => $"{Text(key, "key").Replace('_', ' ')} (thing {Text(key, "thing_index")}) at {Point(key)}", "none"));
            Row(md, "exits", List(level, "exits", Exit, "none found"));
            Row(md, "secrets", $"{Text(level, "secret_sectors")} secret sector(s)");
            if (level.TryGetProperty("medium", out var medium) && medium.ValueKind == JsonValueKind.Object)
            {
                Row(md, "on medium skill", $"{Text(medium, "monsters")} monsters, {Text(medium, "items")} items ({Text(medium, "health")} health, {Text(medium, "ammo")} ammo, {Text(medium, "weapons")} weapons)");
            }
        }

        md.AppendLine();
    }

    private static void RunsTable(StringBuilder md, IReadOnlyList<EvidenceRunSummary> runs)
    {
        md.AppendLine("## Runs").AppendLine();
        if (runs.Count == 0)
        {
            md.AppendLine("No agent has played the level yet.").AppendLine();
            return;
        }

        md.AppendLine("| run | agent | status | episodes | hardness | driven by | exit reached | findings | report |");
        md.AppendLine("|---|---|---|---:|---|---|---|---:|---|");
        foreach (var run in runs)
        {
            var hardness = run.Metrics is { } m ? $"{m.HardnessScore:0.00} ({m.HardnessBand.Replace('_', ' ')})" : "not analysed";
            var driver = run.Metrics is { } metrics ? MainDriver(metrics) : "";
            var exit = run.Metrics?.ExitReached switch { true => "yes", false => "no", null => "unknown" };
            md.AppendLine(CultureInfo.InvariantCulture, $"| #{run.Id} | {Cell(run.Agent)} | {run.Status} | {run.Episodes?.ToString(CultureInfo.InvariantCulture) ?? ""} | {hardness} | {Cell(driver)} | {exit} | {run.Findings} | `/api/runs/{run.Id}/report` |");
        }

        md.AppendLine();
    }

    private static void HardnessTable(StringBuilder md, string whose, EvidenceMetrics m, string? prose)
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"## Hardness: {m.HardnessScore:0.00} / 100 ({m.HardnessBand.Replace('_', ' ')}){whose}").AppendLine();
        md.AppendLine("| factor | points | from | scale |").AppendLine("|---|---:|---|---|");
        foreach (var factor in Factors(m))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {factor.Name} | {factor.Points:0.00} of {factor.Of} | {Cell(factor.Figure)} | {factor.Scale} |");
        }

        md.AppendLine().AppendLine(DriversText(m));
        if (!string.IsNullOrWhiteSpace(prose))
        {
            md.AppendLine().AppendLine(prose.Trim());
        }

        md.AppendLine();
    }

    private static void FindingsPart(StringBuilder md, ReportEvidence evidence, IReadOnlyList<ReportFinding> findings)
    {
        var total = evidence.FindingsBySeverity.Values.Sum();
        md.AppendLine(total == 0 ? "## Findings" : $"## Findings ({total}: {Counts(evidence.FindingsBySeverity)})").AppendLine();
        if (findings.Count == 0)
        {
            md.AppendLine(evidence.Subject == ReportSubject.Run
                ? "None: the detectors found nothing wrong in this run."
                : "None: the static checks and the runs found nothing wrong in this level.").AppendLine();
            return;
        }

        md.AppendLine("| id | severity | what | where | how sure |").AppendLine("|---|---|---|---|---|");
        foreach (var f in findings)
        {
            var sure = f.Source == "static" ? "certain" : f.Confidence is { } c ? FormattableString.Invariant($"{c * 100:0} %") : "-";
            md.AppendLine(CultureInfo.InvariantCulture, $"| [#{f.Id}] | {f.Severity} | {Cell(FindingText.ShortTitle(f.Title))} | {Cell(f.Place)} | {sure} |");
        }

        md.AppendLine();
        foreach (var f in findings)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### [#{f.Id}] {OneLine(FindingText.ShortTitle(f.Title))}").AppendLine();
            var run = f.RunId is { } runId && evidence.Subject == ReportSubject.Map ? $", run #{runId}" : string.Empty;
            md.AppendLine(CultureInfo.InvariantCulture, $"- **Severity:** {f.Severity} ({f.Type.Replace('_', ' ')}{run})");
            md.AppendLine(CultureInfo.InvariantCulture, $"- **Where:** {f.Place}");
            md.AppendLine(CultureInfo.InvariantCulture, $"- **How sure:** {f.Certainty}");
            md.AppendLine(CultureInfo.InvariantCulture, $"- **Evidence:** {OneLine(f.Evidence)}");
            if (f.Explanation is { Length: > 0 } explanation)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- **What it means:** {OneLine(explanation)}");
            }

            md.AppendLine(CultureInfo.InvariantCulture, $"- **Suggested fix:** {OneLine(f.Fix)}");
            if (f.ScreenshotUrl is { } screenshot)
            {
                // Relative to the Api, as the level image above: the view from where a player would stand, facing it.
                md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"![Screenshot of #{f.Id}]({screenshot})");
            }

            md.AppendLine();
        }

        if (evidence.OmittedFindings > 0)
        {
            var query = evidence.Subject == ReportSubject.Run ? $"run_id={evidence.Run!.Id}" : $"map_id={evidence.Map.Id}";
            md.AppendLine(CultureInfo.InvariantCulture, $"{evidence.OmittedFindings} less severe finding{Plural(evidence.OmittedFindings)} not listed here: `GET /api/bugs?{query}` has them all.").AppendLine();
        }
    }

    // What the findings were resolved against, as a port loads it: textures and things not found here are the
    // reader's to look for in what was not given.
    private static string LoadOrder(EvidenceMap map)
    {
        var resources = map.Resources.Count == 0
            ? "no resource WADs"
            : $"resource WAD{(map.Resources.Count == 1 ? string.Empty : "s")} {string.Join(", ", map.Resources.Reverse().Select(h => $"SHA-256 {h[..Math.Min(12, h.Length)]}…"))} (last given first)";
        var iwad = map.Iwad is { } named ? $"IWAD {named}" : "the IWAD the level's name calls for (Doom's for ExMy, Doom II's for MAPxx)";
        var engine = map.Compatibility is { } compatibility ? $"; made for {compatibility}" : "; engine inferred from the level";
        return $"the level's own file, then {resources}, then {iwad}{engine}";
    }

    private static string LevelName(EvidenceMap map) =>
        map.LevelName is { } level && level != map.Name ? $"{level} \"{map.Name}\" (map {map.Id})" : $"{map.Name} (map {map.Id})";

    private static string Starts(JsonElement level)
    {
        var players = List(level, "player_starts", s => $"player {Text(s, "player")} at {Point(s)} facing {Text(s, "angle")}°", "no player start");
        return level.TryGetProperty("deathmatch_starts", out var dm) && dm.ValueKind == JsonValueKind.Number && dm.GetInt32() > 0
            ? $"{players}; {dm.GetInt32()} deathmatch starts"
            : players;
    }

    private static string Exit(JsonElement exit)
    {
        var kind = Text(exit, "kind");
        var where = Text(exit, "trigger") switch
        {
            "line" => $"{Text(exit, "trigger_code")} line {Text(exit, "line_index")}",
            "sector" => $"sector {Text(exit, "sector_index")}",
            "boss_death" => $"boss death (thing {Text(exit, "thing_index")})",
            var other => other,
        };
        return $"{kind} exit: {where} at {Point(exit)}";
    }

    private static string List(JsonElement level, string name, Func<JsonElement, string> describe, string none)
    {
        if (!level.TryGetProperty(name, out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
        {
            return none;
        }

        var all = items.EnumerateArray().Select(describe).ToList();
        return all.Count <= 6 ? string.Join("; ", all) : $"{string.Join("; ", all.Take(6))}; and {all.Count - 6} more";
    }

    private static string Point(JsonElement element) =>
        element.TryGetProperty("x", out var x) && element.TryGetProperty("y", out var y) && x.ValueKind == JsonValueKind.Number && y.ValueKind == JsonValueKind.Number
            ? FindingText.Point(x.GetDouble(), y.GetDouble())
            : "?";

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() ?? "",
                JsonValueKind.Number => FindingText.Number(value.GetDouble()),
                JsonValueKind.True => "yes",
                JsonValueKind.False => "no",
                _ => value.GetRawText(),
            }
            : "?";

    private static void Row(StringBuilder md, string name, string value) => md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Cell(value)} |");

    private static string Cited(IReadOnlyList<long> ids) =>
        ids.Count == 0 ? "no finding" : string.Join(", ", ids.Select(id => $"[#{id}]"));

    private static string Percent(double share) => FormattableString.Invariant($"{share * 100:0} %");

    private static string Cell(string text) => OneLine(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
