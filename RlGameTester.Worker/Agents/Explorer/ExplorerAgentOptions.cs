using System.ComponentModel.DataAnnotations;

namespace RlGameTester.Worker.Agents.Explorer;

/// <summary>How the built-in explorer's runs are bounded (configuration section <c>Agents:Explorer</c>).</summary>
internal sealed class ExplorerAgentOptions
{
    public const string SectionName = "Agents:Explorer";

    /// <summary>
    /// Wall time one explorer run may take before it is stopped and the run fails saying so (default 10 minutes; the
    /// largest community levels measured take under 20 s on two shared cores, a large map played twice, on 16-unit and
    /// 8-unit cells, among them). Game time is bounded by the run's own time_limit.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan WallClockLimit { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Frames one run renders at most (its <c>frame_every</c> samples thinned evenly over the path past it): about 6 ms of
    /// drawing and encoding each and a blob to store and check, so no run does unbounded work.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxFrames { get; set; } = 1_000;

    /// <summary>The IWAD a PWAD's ExMy levels are drawn with (Debian's freedoom1 stands in for Doom's).</summary>
    public string Doom1Iwad { get; set; } = "/usr/share/games/doom/freedoom1.wad";

    /// <summary>The IWAD a PWAD's MAPxx levels are drawn with (Debian's freedoom2 stands in for Doom II's).</summary>
    public string Doom2Iwad { get; set; } = "/usr/share/games/doom/freedoom2.wad";
}
