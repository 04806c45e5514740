using System.ComponentModel.DataAnnotations;

namespace RlGameTester.Worker.Runs;

/// <summary>How the Worker plays runs (section <c>Worker</c>).</summary>
public sealed class WorkerOptions
{
    public const string SectionName = "Worker";

    /// <summary>Where each run gets a folder of its own (default: the temp folder's <c>rlgt-worker</c>).</summary>
    public string? WorkRoot { get; set; }

    /// <summary>Events written to PostgreSQL per COPY batch at most.</summary>
    [Range(1, 50_000)]
    public int BatchSize { get; set; } = 2_000;

    /// <summary>A batch is written at least this often while an agent plays, so watchers see events live.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Keep run folders after the run (for debugging an agent); deleted by default.</summary>
    public bool KeepWorkFolders { get; set; }

    public string ResolvedWorkRoot => string.IsNullOrWhiteSpace(WorkRoot) ? Path.Combine(Path.GetTempPath(), "rlgt-worker") : WorkRoot;
}
