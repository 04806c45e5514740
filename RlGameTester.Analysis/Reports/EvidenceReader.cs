using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RlGameTester.Data;
using RlGameTester.Data.Bugs;
using RlGameTester.Data.Maps;
using RlGameTester.Data.Metrics;
using RlGameTester.Data.Reports;
using RlGameTester.Data.Runs;
using RlGameTester.Domain;
using RlGameTester.Domain.Agents;
using RlGameTester.Domain.Bugs;
using RlGameTester.Domain.Metrics;

namespace RlGameTester.Analysis.Reports;

/// <summary>Reads a report's evidence from the database: a few small queries, the findings most severe first and capped.</summary>
internal sealed class EvidenceReader(RlgtDbContext db, IOptions<ReportOptions> options)
{
    /// <summary>A run with its level, metrics and findings; null when the run does not exist.</summary>
    public async Task<ReportEvidence?> ForRunAsync(long runId, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            return null;
        }

        var map = await db.Maps.AsNoTracking().FirstAsync(m => m.Id == run.MapId, cancellationToken);
        var metric = await db.Metrics.AsNoTracking().FirstOrDefaultAsync(m => m.RunId == runId, cancellationToken);
        var (findings, omitted, bySeverity) = await FindingsAsync(db.Bugs.Where(b => b.RunId == runId), cancellationToken);
        return new ReportEvidence
        {
            Subject = ReportSubject.Run,
            Run = ToEvidence(run),
            Map = ToEvidence(map),
            Metrics = metric is null ? null : ToEvidence(metric, run.Agent),
            Findings = findings,
            OmittedFindings = omitted,
            FindingsBySeverity = bySeverity,
            ImageUrl = $"/api/runs/{runId}/image",
        };
    }

    /// <summary>A level with its static findings, its runs' findings and its latest runs; null when the map does not exist.</summary>
    public async Task<ReportEvidence?> ForMapAsync(long mapId, CancellationToken cancellationToken)
    {
        var map = await db.Maps.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mapId, cancellationToken);
        if (map is null)
        {
            return null;
        }

        var (findings, omitted, bySeverity) = await FindingsAsync(db.Bugs.Where(b => b.MapId == mapId), cancellationToken);
        var runs = await db.Runs.AsNoTracking().Include(r => r.Metrics)
            .Where(r => r.MapId == mapId)
            .OrderByDescending(r => r.Id)
            .Take(options.Value.MaxRuns)
            .ToListAsync(cancellationToken);
        var runIds = runs.ConvertAll(r => (long?)r.Id);
        var counts = await db.Bugs.Where(b => runIds.Contains(b.RunId))
            .GroupBy(b => b.RunId)
            .Select(g => new { RunId = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(g => g.RunId, g => g.Count, cancellationToken);
        return new ReportEvidence
        {
            Subject = ReportSubject.Map,
            Map = ToEvidence(map),
            Findings = findings,
            OmittedFindings = omitted,
            FindingsBySeverity = bySeverity,
            Runs = runs.ConvertAll(r => new EvidenceRunSummary
            {
                Id = r.Id,
                Agent = r.Agent,
                Status = SnakeCase.Of(r.Status),
                Episodes = r.Metrics?.Episodes ?? r.TotalEpisodes,
                CompletedAt = r.CompletedAt,
                Metrics = r.Metrics is null ? null : ToEvidence(r.Metrics, r.Agent),
                Findings = counts.GetValueOrDefault(r.Id),
            }),
            ImageUrl = $"/api/maps/{mapId}/image",
        };
    }

    private async Task<(List<EvidenceFinding> Findings, int Omitted, Dictionary<string, int> BySeverity)> FindingsAsync(
        IQueryable<Bug> bugs, CancellationToken cancellationToken)
    {
        var bySeverity = await bugs.GroupBy(b => b.Severity)
            .Select(g => new { Severity = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var listed = await bugs.AsNoTracking()
            // Most severe first; severities are stored as names, so order by rank, not alphabetically.
            .OrderBy(b => b.Severity == BugSeverity.Critical ? 0 : b.Severity == BugSeverity.Major ? 1 : b.Severity == BugSeverity.Minor ? 2 : 3)
            .ThenBy(b => b.Id)
            .Take(options.Value.MaxFindings)
            .ToListAsync(cancellationToken);
        var total = bySeverity.Sum(s => s.Count);
        return (
            listed.ConvertAll(ToEvidence),
            total - listed.Count,
            bySeverity.OrderBy(s => s.Severity).ToDictionary(s => SnakeCase.Of(s.Severity), s => s.Count));
    }

    private static EvidenceRun ToEvidence(Run run) => new()
    {
        Id = run.Id,
        MapId = run.MapId,
        Agent = run.Agent,
        AgentModel = run.AgentModel,
        RunType = SnakeCase.Of(run.RunType),
        Status = SnakeCase.Of(run.Status),
        Scenario = run.Scenario,
        Seed = run.Seed,
        TotalEpisodes = run.TotalEpisodes,
        StartedAt = run.StartedAt,
        CompletedAt = run.CompletedAt,
        ErrorMessage = run.ErrorMessage,
    };

    private static EvidenceMap ToEvidence(Map map) => new()
    {
        Id = map.Id,
        Name = map.Name,
        LevelName = map.LevelName,
        Scenario = map.Scenario,
        FileHash = map.FileHash,
        Iwad = map.Iwad,
        Resources = map.Resources?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
        Compatibility = map.Compatibility,
        CheckedAt = map.CheckedAt,
        Level = Json(map.Metadata),
    };

    private static EvidenceMetrics ToEvidence(Metric metric, string agent)
    {
        var factors = Factors(metric.HardnessFactors) ?? Recomputed(metric);
        return new EvidenceMetrics
        {
            HardnessScore = metric.HardnessScore,
            AgentFights = AgentNames.Fights(agent),
            HardnessBand = metric.HardnessBand,
            DeathPoints = factors.Deaths,
            KillPoints = factors.Kills,
            HealthPoints = factors.Health,
            StuckPoints = factors.Stuck,
            Episodes = metric.Episodes,
            TotalKills = metric.TotalKills,
            TotalDeaths = metric.TotalDeaths,
            AvgKillsPerEpisode = metric.AvgKillsPerEpisode,
            AvgHealth = metric.AvgHealth,
            MinHealth = metric.MinHealth,
            TotalDamageTaken = metric.TotalDamageTaken,
            StuckPeriods = metric.StuckCount,
            AvgEpisodeSeconds = metric.AvgEpisodeDuration,
            TotalSeconds = metric.TotalDuration,
            ExitReached = metric.Solvability,
            CoverageReachable = metric.CoverageReachable,
            CoverageVisited = metric.CoverageVisited,
            SecondsToExit = metric.TimeToExit,
            ExitAssumptions = metric.ExitAssumptions is { } assumed ? JsonSerializer.Deserialize<string[]>(assumed) ?? [] : [],
        };
    }

    private static EvidenceFinding ToEvidence(Bug bug) => new()
    {
        Id = bug.Id,
        RunId = bug.RunId,
        Type = SnakeCase.Of(bug.BugType),
        Severity = SnakeCase.Of(bug.Severity),
        Source = SnakeCase.Of(bug.DetectionSource),
        Check = bug.CheckName,
        Title = bug.Title,
        Description = bug.Description,
        X = bug.PositionX,
        Y = bug.PositionY,
        Element = bug.ElementKind,
        ElementIndex = bug.ElementIndex,
        Episode = bug.Episode,
        Tick = bug.Frame,
        Timestamp = bug.Timestamp,
        Confidence = bug.Confidence,
        ScreenshotUrl = bug.ScreenshotPath is { Length: > 0 } ? $"/api/bugs/{bug.Id}/screenshot" : null,
        Evidence = Json(bug.Data),
    };

    /// <summary>The four factors as the metrics store them (<c>{"deaths":..,"kills":..,"health":..,"stuck":..}</c>).</summary>
    private static (double Deaths, double Kills, double Health, double Stuck)? Factors(string? json)
    {
        if (Json(json) is not { ValueKind: JsonValueKind.Object } factors)
        {
            return null;
        }

        return (Number(factors, "deaths"), Number(factors, "kills"), Number(factors, "health"), Number(factors, "stuck"));

        static double Number(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;
    }

    /// <summary>Metrics stored before the factors were: the same formula from the stored figures.</summary>
    private static (double Deaths, double Kills, double Health, double Stuck) Recomputed(Metric metric)
    {
        var hardness = Hardness.Compute(metric.TotalDeaths, metric.Episodes, metric.AvgKillsPerEpisode ?? 0, metric.AvgHealth ?? 100, metric.StuckCount);
        return (hardness.DeathFactor, hardness.KillFactor, hardness.HealthFactor, hardness.StuckFactor);
    }

    /// <summary>A jsonb column's value (always valid JSON) as an element of the evidence.</summary>
    private static JsonElement? Json(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
