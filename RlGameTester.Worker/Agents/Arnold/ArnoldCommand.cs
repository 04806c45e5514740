namespace RlGameTester.Worker.Agents.Arnold;

/// <summary>How to start Arnold for one run: the process, its arguments, and what to prepare first.</summary>
/// <param name="FileName">The Python executable.</param>
/// <param name="Arguments">Every argument, <c>arnold.py</c> first; for <see cref="System.Diagnostics.ProcessStartInfo.ArgumentList"/>.</param>
/// <param name="WorkingDirectory">The run's working folder, where the process starts.</param>
/// <param name="MainDumpPath">Arnold's <c>--main_dump_path</c>: it writes <c>MainDumpPath/ExperimentName/&lt;10 chars&gt;/train.log</c>.</param>
/// <param name="ExperimentName">Arnold's <c>--exp_name</c>.</param>
/// <param name="Scenario">Arnold's <c>--scenario</c>.</param>
/// <param name="IsTraining">Training never ends by itself: the runner stops it at its limits.</param>
/// <param name="WadCopy">The run's WAD and where it must be copied for Arnold's <c>--wad</c> to find it, or null.</param>
/// <param name="IterationLimit">Training only: stop once the log reaches this iteration; null for no limit.</param>
/// <param name="TimeLimit">Training: stop (success) after this long. Evaluation: fail (timeout) after this long.</param>
internal sealed record ArnoldCommand(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    string MainDumpPath,
    string ExperimentName,
    string Scenario,
    bool IsTraining,
    ArnoldWadCopy? WadCopy,
    int? IterationLimit,
    TimeSpan TimeLimit);
