using System.Text.Json;
using RlGameTester.Data.Runs;

namespace RlGameTester.Api.Runs;

/// <summary>A run: one agent playing one map.</summary>
public record RunResponse
{
    /// <example>12</example>
    public long Id { get; init; }

    /// <example>1</example>
    public long MapId { get; init; }

    /// <example>testing</example>
    public RunType RunType { get; init; }

    /// <example>pending</example>
    public RunStatus Status { get; init; }

    /// <summary>The agent that plays the run.</summary>
    /// <example>explorer</example>
    public required string Agent { get; init; }

    /// <summary>Arnold: the model file to reload.</summary>
    /// <example>/models/defend_the_center.pth</example>
    public string? AgentModel { get; init; }

    /// <example>defend_the_center</example>
    public string? Scenario { get; init; }

    /// <example>42</example>
    public int? Seed { get; init; }

    /// <summary>The agent's settings.</summary>
    public JsonElement? Config { get; init; }

    /// <example>2026-11-25T16:00:00Z</example>
    public DateTime CreatedAt { get; init; }

    /// <example>2026-11-25T16:00:05Z</example>
    public DateTime? StartedAt { get; init; }

    /// <example>2026-11-25T16:02:05Z</example>
    public DateTime? CompletedAt { get; init; }

    /// <example>20</example>
    public int? TotalEpisodes { get; init; }

    /// <example>12000</example>
    public int? TotalIterations { get; init; }

    /// <example>logs/12/train.log</example>
    public string? LogPath { get; init; }

    /// <example>null</example>
    public string? ErrorMessage { get; init; }

    /// <summary>When the Analysis service last checked the run's frames for visual glitches; null until it has (or when the run has no frames).</summary>
    /// <example>2026-11-25T16:02:09Z</example>
    public DateTime? FramesCheckedAt { get; init; }

    /// <summary>Frames that check read (an explorer run's are rendered along its path; an agent's are uploaded).</summary>
    /// <example>240</example>
    public int? FramesChecked { get; init; }

    /// <summary>Visual-glitch bugs that check filed.</summary>
    /// <example>0</example>
    public int? FrameFindings { get; init; }

    internal static RunResponse From(Run run) => new()
    {
        Id = run.Id,
        MapId = run.MapId,
        RunType = run.RunType,
        Status = run.Status,
        Agent = run.Agent,
        AgentModel = run.AgentModel,
        Scenario = run.Scenario,
        Seed = run.Seed,
        Config = Infrastructure.ApiJson.Element(run.Config),
        CreatedAt = run.CreatedAt,
        StartedAt = run.StartedAt,
        CompletedAt = run.CompletedAt,
        TotalEpisodes = run.TotalEpisodes,
        TotalIterations = run.TotalIterations,
        LogPath = run.LogPath,
        ErrorMessage = run.ErrorMessage,
        FramesCheckedAt = run.FramesCheckedAt,
        FramesChecked = run.FramesChecked,
        FrameFindings = run.FrameFindings,
    };
}
