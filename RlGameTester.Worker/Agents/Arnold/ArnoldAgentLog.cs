using Microsoft.Extensions.Logging;

namespace RlGameTester.Worker.Agents.Arnold;

/// <summary>The Arnold runner's log messages, source-generated.</summary>
internal static partial class ArnoldAgentLog
{
    [LoggerMessage(1, LogLevel.Warning, "Run {RunId}: Arnold cannot run here: {Reason}")]
    public static partial void NotInstalled(ILogger logger, long runId, string reason);

    [LoggerMessage(2, LogLevel.Warning, "Run {RunId}: invalid Arnold settings: {Problems}")]
    public static partial void InvalidSettings(ILogger logger, long runId, string problems);

    [LoggerMessage(3, LogLevel.Information, "Run {RunId}: started Arnold (pid {ProcessId}, scenario {Scenario}, training {IsTraining}) in {WorkingDirectory}")]
    public static partial void Started(ILogger logger, long runId, int processId, string scenario, bool isTraining, string workingDirectory);

    [LoggerMessage(4, LogLevel.Information, "Run {RunId}: Arnold saves its experiment in {DumpPath}")]
    public static partial void DumpFolder(ILogger logger, long runId, string dumpPath);

    [LoggerMessage(5, LogLevel.Information, "Run {RunId}: training stopped at its limit ({Limit}, iteration {Iteration})")]
    public static partial void StoppedAtLimit(ILogger logger, long runId, string limit, int? iteration);

    [LoggerMessage(6, LogLevel.Information, "Run {RunId}: cancelled; Arnold's process tree was killed")]
    public static partial void Cancelled(ILogger logger, long runId);

    [LoggerMessage(7, LogLevel.Information, "Run {RunId}: Arnold exited with code {ExitCode} after {Lines} lines, {Events} events ({Unparsed} lines not understood)")]
    public static partial void Exited(ILogger logger, long runId, int? exitCode, long lines, long events, long unparsed);

    [LoggerMessage(8, LogLevel.Warning, "Run {RunId}: Arnold crashed: {Exception}")]
    public static partial void Crashed(ILogger logger, long runId, string exception);

    [LoggerMessage(9, LogLevel.Warning, "Run {RunId}: Arnold's evaluation did not finish within {Timeout}; its process tree was killed")]
    public static partial void TimedOut(ILogger logger, long runId, TimeSpan timeout);

    [LoggerMessage(10, LogLevel.Warning, "Could not delete the WAD copy {Path}")]
    public static partial void WadNotDeleted(ILogger logger, string path, Exception exception);

    [LoggerMessage(11, LogLevel.Warning, "Run {RunId}: Arnold's output was still open {Grace} after it exited (a child process holds it?); stopped reading")]
    public static partial void OutputLingered(ILogger logger, long runId, TimeSpan grace);
}
