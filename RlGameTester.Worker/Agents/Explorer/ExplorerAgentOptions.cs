using System.ComponentModel.DataAnnotations;

namespace RlGameTester.Worker.Agents.Explorer;

/// <summary>How the built-in explorer's runs are bounded (configuration section <c>Agents:Explorer</c>).</summary>
internal sealed class ExplorerAgentOptions
{
    public const string SectionName = "Agents:Explorer";

    /// <summary>
    /// Wall time one explorer run may take before it is stopped and the run fails saying so (default 10 minutes; the
    /// largest community levels measured take under 10 s). Game time is bounded by the run's own time_limit.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan WallClockLimit { get; set; } = TimeSpan.FromMinutes(10);
}
