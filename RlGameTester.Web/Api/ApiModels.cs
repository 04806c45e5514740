using System.Text.Json;

namespace RlGameTester.Web.Api;

// The Api's answers as the web app reads them (snake_case on the wire). Enums stay strings: the web app shows them
// and filters on them, it does not decide anything by them.

/// <summary>A level as <c>GET /api/maps</c> gives it.</summary>
public sealed record MapSummary
{
    public long Id { get; init; }

    public string Name { get; init; } = "";

    public string? LevelName { get; init; }

    public string? FilePath { get; init; }

    public string? FileHash { get; init; }

    public long? FileSize { get; init; }

    public string? Iwad { get; init; }

    public IReadOnlyList<string> Resources { get; init; } = [];

    public string? Compatibility { get; init; }

    public long? ProjectId { get; init; }

    public int? Revision { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>The file's name where the upload gave one, else its hash.</summary>
    public string FileLabel => FilePath is { Length: > 0 } path ? Path.GetFileName(path) : FileHash is { } hash ? $"{hash[..Math.Min(12, hash.Length)]}…" : "(no file)";
}

/// <summary>A level across its runs (<c>GET /api/maps/{id}/stats</c>).</summary>
public sealed record MapStats
{
    public int TotalRuns { get; init; }

    public IReadOnlyDictionary<string, int> RunsByStatus { get; init; } = new Dictionary<string, int>();

    public double? AvgHardness { get; init; }

    public int TotalBugs { get; init; }

    public IReadOnlyDictionary<string, int> BugsBySeverity { get; init; } = new Dictionary<string, int>();
}

/// <summary>A level's lines (<c>GET /api/maps/{id}/geometry</c>): [x1, y1, x2, y2, kind], y up.</summary>
public sealed record MapGeometry
{
    public long MapId { get; init; }

    public string LevelName { get; init; } = "";

    public GeometryBounds Bounds { get; init; } = new();

    public IReadOnlyList<int[]> Lines { get; init; } = [];
}

public sealed record GeometryBounds
{
    public double MinX { get; init; }

    public double MinY { get; init; }

    public double MaxX { get; init; }

    public double MaxY { get; init; }
}

/// <summary>A finding (<c>GET /api/bugs</c>).</summary>
public sealed record Finding
{
    public long Id { get; init; }

    public long? RunId { get; init; }

    public long MapId { get; init; }

    public string BugType { get; init; } = "";

    public string Severity { get; init; } = "";

    public string DetectionSource { get; init; } = "";

    public string? CheckName { get; init; }

    public string Title { get; init; } = "";

    public string? Description { get; init; }

    public double? Confidence { get; init; }

    public double? PositionX { get; init; }

    public double? PositionY { get; init; }

    public string? ElementKind { get; init; }

    public int? ElementIndex { get; init; }

    public string? ScreenshotPath { get; init; }

    public JsonElement? Data { get; init; }

    /// <summary>A designer's mark on the finding; null while unmarked.</summary>
    public TriageMark? Triage { get; init; }

    public bool HasPlace => PositionX is not null && PositionY is not null;
}

/// <summary>How a designer marked a finding (confirmed, false_positive, fixed, wont_fix), by whom and when.</summary>
public sealed record TriageMark
{
    public static readonly IReadOnlyList<string> Statuses = ["confirmed", "false_positive", "fixed", "wont_fix"];

    public string Status { get; init; } = "";

    public string? Note { get; init; }

    public string? MarkedBy { get; init; }

    public DateTime MarkedAt { get; init; }

    /// <summary>The finding of an earlier revision the mark came from, when it was carried.</summary>
    public long? CarriedFromBugId { get; init; }

    public static string Label(string status) => status.Replace('_', ' ');
}

/// <summary>A run (<c>GET /api/runs</c>; with metrics from <c>GET /api/runs/{id}</c>).</summary>
public sealed record RunSummary
{
    public long Id { get; init; }

    public long MapId { get; init; }

    public string Status { get; init; } = "";

    public string Agent { get; init; } = "";

    public int? Seed { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? CompletedAt { get; init; }

    public string? ErrorMessage { get; init; }

    public JsonElement? Metrics { get; init; }

    public int BugCount { get; init; }

    public bool IsFinal => Status is "completed" or "failed" or "cancelled";
}

/// <summary>The live state of a run, as the Api's hub sends it.</summary>
public sealed record RunProgressState
{
    public long RunId { get; init; }

    public string Status { get; init; } = "";

    public int? Episode { get; init; }

    public int? Iteration { get; init; }

    public int Kills { get; init; }

    public int Deaths { get; init; }

    public int? Health { get; init; }

    public long Events { get; init; }

    public string? Message { get; init; }

    public bool IsFinal => Status is "completed" or "failed" or "cancelled";
}

/// <summary>A level in the list of levels (<c>GET /api/maps/overview</c>).</summary>
public sealed record MapOverview
{
    public MapSummary Map { get; init; } = new();

    public IReadOnlyDictionary<string, int> BugsBySeverity { get; init; } = new Dictionary<string, int>();

    public double? Hardness { get; init; }

    public string? HardnessBand { get; init; }

    public OverviewRun? LastRun { get; init; }

    public int Count(string severity) => BugsBySeverity.TryGetValue(severity, out var n) ? n : 0;
}

/// <summary>The newest run of a level in the list.</summary>
public sealed record OverviewRun(long Id, string Status, string Agent, bool? ExitReached, DateTime CreatedAt);

/// <summary>A level's static checks (<c>GET /api/maps/{id}/checks</c>): when they ran (null while queued) and what they found.</summary>
public sealed record MapChecks
{
    public DateTime? CheckedAt { get; init; }

    public IReadOnlyList<Finding> Findings { get; init; } = [];
}

/// <summary>The figures of a run's metrics the web app draws (<c>metrics</c> of <c>GET /api/runs/{id}</c>).</summary>
public sealed record RunMetrics
{
    public int Episodes { get; init; }

    public int TotalDeaths { get; init; }

    public double? AvgKillsPerEpisode { get; init; }

    public double? AvgHealth { get; init; }

    public int StuckCount { get; init; }

    public double HardnessScore { get; init; }

    public string HardnessBand { get; init; } = "";

    /// <summary>The points each of deaths, kills, health and stuck adds to the score.</summary>
    public IReadOnlyDictionary<string, double> HardnessFactors { get; init; } = new Dictionary<string, double>();
}

/// <summary>A run's health, ammo, kills and deaths per episode (<c>GET /api/metrics/{id}/timeline</c>).</summary>
public sealed record Timeline
{
    public long RunId { get; init; }

    public IReadOnlyList<TimelineEpisode> Episodes { get; init; } = [];
}

public sealed record TimelineEpisode
{
    public int? Episode { get; init; }

    public IReadOnlyList<TimelinePoint> Points { get; init; } = [];
}

/// <summary>The state after one event; kills and deaths count from the episode's start.</summary>
public sealed record TimelinePoint
{
    public DateTime Timestamp { get; init; }

    public int? Frame { get; init; }

    public string EventType { get; init; } = "";

    public int? Health { get; init; }

    public int? Ammo { get; init; }

    public int Kills { get; init; }

    public int Deaths { get; init; }
}

/// <summary>A page of a run's frames in tick order (<c>GET /api/runs/{id}/frames</c>).</summary>
public sealed record FrameList
{
    public int Total { get; init; }

    public IReadOnlyList<RunFrame> Frames { get; init; } = [];
}

public sealed record RunFrame
{
    public int Tick { get; init; }

    public int? Episode { get; init; }
}

/// <summary>One revision of a project's level: the map it is (<c>GET /api/projects/{id}/levels/{level}/revisions</c>).</summary>
public sealed record LevelRevision
{
    public int Revision { get; init; }

    public long MapId { get; init; }

    public string? FilePath { get; init; }

    public DateTime? CheckedAt { get; init; }

    public DateTime CreatedAt { get; init; }
}

/// <summary>
/// Findings of two runs (<c>GET /api/runs/compare</c>) or two revisions matched by check, element and place: new in
/// the later, fixed since the earlier, unchanged (as the later has them). Which two were compared, the caller knows.
/// </summary>
public sealed record FindingComparison
{
    public IReadOnlyList<Finding> New { get; init; } = [];

    public IReadOnlyList<Finding> Fixed { get; init; } = [];

    public IReadOnlyList<Finding> Unchanged { get; init; } = [];
}
