using System.ComponentModel.DataAnnotations;

namespace RlGameTester.Worker.Agents.Arnold;

/// <summary>
/// Where Arnold is installed and how its runs are bounded (configuration section <c>Agents:Arnold</c>).
/// Arnold is optional: with no <see cref="Path"/> the Worker still starts, and Arnold runs fail at once
/// with a message saying what to configure.
/// </summary>
internal sealed class ArnoldOptions
{
    public const string SectionName = "Agents:Arnold";

    /// <summary>The Arnold checkout: the folder holding <c>arnold.py</c> and <c>resources/scenarios/</c>.</summary>
    public string? Path { get; set; }

    /// <summary>The Python executable with NumPy, OpenCV, PyTorch and ViZDoom: a path, or a name looked up on PATH.</summary>
    public string Python { get; set; } = "python3";

    /// <summary>How long an evaluation may run before it is killed and the run fails.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan EvaluationTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Wall time after which a training run (which never ends by itself) is stopped, as a success.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan TrainingTimeLimit { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Training iteration (from the log's <c>=== Iteration N</c>) at which a training run is stopped; 0 for none.</summary>
    [Range(0, int.MaxValue)]
    public int TrainingIterationLimit { get; set; } = 100_000;

    /// <summary>Arnold's <c>--gpu_id</c> when a run does not choose: -1 runs on the CPU.</summary>
    [Range(-1, 63)]
    public int GpuId { get; set; } = -1;

    /// <summary>How many of the last stderr lines a failed run reports.</summary>
    [Range(1, 10_000)]
    public int StderrTailLines { get; set; } = 50;

    /// <summary>Extra environment variables for the Arnold process (<c>CUDA_VISIBLE_DEVICES</c>, <c>SDL_VIDEODRIVER</c>...).</summary>
    public Dictionary<string, string> Environment { get; set; } = [];
}
