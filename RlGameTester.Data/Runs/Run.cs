using RlGameTester.Domain.Agents;

namespace RlGameTester.Data.Runs;

/// <summary>One execution of an agent on a map.</summary>
public sealed class Run
{
    public long Id { get; set; }

    public long MapId { get; set; }

    public Maps.Map? Map { get; set; }

    public RunType RunType { get; set; } = RunType.Testing;

    public RunStatus Status { get; set; } = RunStatus.Pending;

    /// <summary>The agent that plays the run (<c>explorer</c>, <c>arnold</c>).</summary>
    public string Agent { get; set; } = AgentNames.Explorer;

    /// <summary>Arnold: the model file to reload.</summary>
    public string? AgentModel { get; set; }

    public string? Scenario { get; set; }

    public int? Seed { get; set; }

    /// <summary>The agent's settings as JSON.</summary>
    public string? Config { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Who asked for the run (the Api's caller identity, e.g. <c>key:12</c>); null for runs made before callers were recorded.</summary>
    public string? CreatedBy { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public int? TotalEpisodes { get; set; }

    public int? TotalIterations { get; set; }

    /// <summary>Where the agent's log is kept (a blob name, or the path the seed recorded).</summary>
    public string? LogPath { get; set; }

    public string? ErrorMessage { get; set; }

    /// <summary>
    /// Incremented each time a worker takes the run: a fencing token, so a worker that lost its job
    /// (timed out, taken over) can no longer write events for it.
    /// </summary>
    public int Attempt { get; set; }

    /// <summary>When the Analysis service last checked the run's frames for visual glitches; null until it has.</summary>
    public DateTime? FramesCheckedAt { get; set; }

    /// <summary>Frames that check read and checked (unreadable ones left out).</summary>
    public int? FramesChecked { get; set; }

    /// <summary>Visual-glitch findings that check filed.</summary>
    public int? FrameFindings { get; set; }

    public Metrics.Metric? Metrics { get; set; }
}
