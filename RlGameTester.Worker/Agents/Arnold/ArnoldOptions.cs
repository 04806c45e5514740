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

    /// <summary>
    /// The folder trained models are kept in: a run's <c>model</c> must be a file inside it (links resolved). Unset, no
    /// run may name a model, so evaluations cannot run: a path from a request is never opened outside this folder.
    /// </summary>
    public string? ModelsFolder { get; set; }

    /// <summary>
    /// The only flags a run's <c>extra_args</c> may pass, matched exactly (argparse takes unique prefixes of long options,
    /// so a deny-list cannot hold): Arnold's game and learning options, none of its paths.
    /// </summary>
    public string[] AllowedExtraArguments { get; set; } =
    [
        "--hist_size", "--frame_skip", "--action_combinations", "--speed", "--crouch", "--network_type", "--recurrence",
        "--n_rec_updates", "--n_rec_layers", "--hidden_dim", "--use_bn", "--dropout", "--height", "--width", "--gray",
        "--use_screen_buffer", "--use_depth_buffer", "--labels_mapping", "--game_features", "--batch_size",
        "--replay_memory_size", "--start_decay", "--stop_decay", "--final_decay", "--gamma", "--dueling_network",
        "--clip_delta", "--variable_dim", "--bucket_size", "--optimizer", "--update_frequency", "--freeze", "--remember",
        "--normalize_q", "--eval_freq", "--eval_time", "--n_bots",
    ];

    /// <summary>How long an evaluation may run before it is killed and the run fails (a run may ask for less, not more).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan EvaluationTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Wall time after which a training run (which never ends by itself) is stopped, as a success (a run may ask for less, not more).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan TrainingTimeLimit { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Training iteration (from the log's <c>=== Iteration N</c>) at which a training run is stopped, at most; 0 for none.</summary>
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
