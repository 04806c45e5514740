using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using RlGameTester.Domain.Events;

namespace RlGameTester.Worker.Agents.Arnold;

/// <summary>
/// Runs the Arnold deep-RL agent (<c>python arnold.py ...</c>) on a run and turns its log into telemetry as it plays.
/// </summary>
/// <remarks>
/// stdout and stderr are read line by line as they come and fed, in arrival order, to one <see cref="ArnoldLogParser"/>;
/// its events go to the sink in order. Training never ends by itself: it is stopped (process tree killed) at the
/// run's iteration or wall-time limit, and that is a success. An evaluation that outlives its timeout, or a
/// cancelled run, has its whole process tree killed. A Python traceback makes the result a crash.
/// </remarks>
internal sealed class ArnoldAgent(IOptions<ArnoldOptions> options, TimeProvider timeProvider, ILogger<ArnoldAgent> logger) : IAgent
{
    /// <summary>How long the output may stay open after the process exited (a grandchild holding the pipes).</summary>
    internal static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(5);

    // These two are waits on the operating system, in real time; the injected TimeProvider governs the run's limits.

    /// <summary>How long to wait for the process to die after it was killed.</summary>
    internal static readonly TimeSpan KillWait = TimeSpan.FromSeconds(10);

    private enum Stop
    {
        None,
        Cancelled,
        TimeLimit,
        IterationLimit,
    }

    public string Name => "arnold";

    public async Task<AgentResult> RunAsync(AgentRun run, IAgentSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(sink);
        var settings = options.Value;

        if (CheckInstallation(settings) is { } missing)
        {
            ArnoldAgentLog.NotInstalled(logger, run.RunId, missing);
            return new AgentResult(false, missing);
        }

        if (!ArnoldCommandBuilder.TryBuild(run, settings, Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 4)), out var command, out var errors))
        {
            var problems = string.Join(" ", errors);
            ArnoldAgentLog.InvalidSettings(logger, run.RunId, problems);
            return new AgentResult(false, "Invalid Arnold settings: " + problems);
        }

        using var activity = WorkerTelemetry.ActivitySource.StartActivity("arnold.process");
        activity?.SetTag("rlgt.run_id", run.RunId);
        activity?.SetTag("arnold.scenario", command.Scenario);
        activity?.SetTag("arnold.training", command.IsTraining);

        Directory.CreateDirectory(command.MainDumpPath);
        try
        {
            if (command.WadCopy is { } wad)
            {
                File.Copy(wad.Source, wad.Target, overwrite: true);
            }

            var result = await RunProcessAsync(run, command, settings, sink, activity, cancellationToken);
            activity?.SetStatus(result.Succeeded ? ActivityStatusCode.Ok : ActivityStatusCode.Error, result.FailureReason);
            return result;
        }
        finally
        {
            if (command.WadCopy is { } wad)
            {
                DeleteWadCopy(wad.Target);
            }
        }
    }

    /// <summary>Says what to configure when Arnold cannot run on this machine; null when it can.</summary>
    internal static string? CheckInstallation(ArnoldOptions settings)
    {
        const string Section = ArnoldOptions.SectionName;
        if (string.IsNullOrWhiteSpace(settings.Path))
        {
            return $"Arnold is not installed: set {Section}:Path to an Arnold checkout (the folder with arnold.py) and {Section}:Python to a Python with NumPy, OpenCV, PyTorch and ViZDoom.";
        }

        if (!Directory.Exists(settings.Path))
        {
            return $"{Section}:Path '{settings.Path}' does not exist: set it to an Arnold checkout (the folder with arnold.py).";
        }

        if (!File.Exists(Path.Combine(settings.Path, "arnold.py")))
        {
            return $"{Section}:Path '{settings.Path}' has no arnold.py: set it to the root of an Arnold checkout.";
        }

        if (ResolveExecutable(settings.Python) is null)
        {
            return $"{Section}:Python '{settings.Python}' was not found (neither a file nor on PATH): set it to a Python with NumPy, OpenCV, PyTorch and ViZDoom.";
        }

        return null;
    }

    /// <summary>A path to an existing file, or a bare name found on PATH.</summary>
    internal static string? ResolveExecutable(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        if (name.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || name.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(name) ? Path.GetFullPath(name) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private async Task<AgentResult> RunProcessAsync(
        AgentRun run, ArnoldCommand command, ArnoldOptions settings, IAgentSink sink, Activity? activity, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(command.FileName)
        {
            WorkingDirectory = command.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in command.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Python buffers stdout in blocks when it is a pipe, and encodes by the locale: ask for UTF-8 lines as written.
        startInfo.Environment["PYTHONUNBUFFERED"] = "1";
        startInfo.Environment["PYTHONIOENCODING"] = "utf-8";
        foreach (var (key, value) in settings.Environment)
        {
            startInfo.Environment[key] = value;
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return new AgentResult(false, $"Could not start {command.FileName} ({ArnoldOptions.SectionName}:Python): {exception.Message}");
        }

        process.StandardInput.Close();
        activity?.SetTag("arnold.pid", process.Id);
        ArnoldAgentLog.Started(logger, run.RunId, process.Id, command.Scenario, command.IsTraining, command.WorkingDirectory);

        using var timeLimit = new CancellationTokenSource(command.TimeLimit, timeProvider);
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeLimit.Token);
        var lines = Channel.CreateBounded<OutputLine>(new BoundedChannelOptions(10_000)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var pumps = Task.WhenAll(
            PumpAsync(process.StandardOutput, isError: false, lines.Writer, stopReading.Token),
            PumpAsync(process.StandardError, isError: true, lines.Writer, stopReading.Token));
        _ = pumps.ContinueWith(_ => lines.Writer.TryComplete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _ = StopReadingWhenOutputLingersAsync(process, pumps, stopReading, run.RunId);

        try
        {
            return await ReadUntilDoneAsync(run, command, settings, sink, activity, process, lines.Reader, pumps, timeLimit, stopReading, cancellationToken);
        }
        finally
        {
            // Whatever happened (a sink that threw, say): no Arnold outlives its run, and the readers stop.
            if (!process.HasExited)
            {
                KillProcessTree(process);
            }

            await stopReading.CancelAsync();
        }
    }

    private async Task<AgentResult> ReadUntilDoneAsync(
        AgentRun run, ArnoldCommand command, ArnoldOptions settings, IAgentSink sink, Activity? activity, Process process,
        ChannelReader<OutputLine> lines, Task pumps, CancellationTokenSource timeLimit, CancellationTokenSource stopReading,
        CancellationToken cancellationToken)
    {
        var parser = new ArnoldLogParser(run.StartedAt);
        var stderrTail = new Queue<string>();
        var buffer = new List<TelemetryEvent>(16);
        var stop = Stop.None;
        string? dumpPath = null;

        async ValueTask HandleAsync(OutputLine output)
        {
            if (output.IsError)
            {
                if (stderrTail.Count == settings.StderrTailLines)
                {
                    stderrTail.Dequeue();
                }

                stderrTail.Enqueue(output.Text);
            }

            parser.Feed(output.Text, buffer);
            await sink.EmitAllAsync(buffer, cancellationToken);
            if (dumpPath is null && parser.DumpPath is { } logged)
            {
                // Arnold logs it relative to its working folder when --main_dump_path is relative.
                dumpPath = Path.GetFullPath(logged, command.WorkingDirectory);
                activity?.SetTag("arnold.dump_path", dumpPath);
                ArnoldAgentLog.DumpFolder(logger, run.RunId, dumpPath);
            }
        }

        try
        {
            await foreach (var output in lines.ReadAllAsync(stopReading.Token))
            {
                await HandleAsync(output);
                if (command.IterationLimit is { } maximum && parser.LastIteration >= maximum)
                {
                    stop = Stop.IterationLimit;
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stopReading.IsCancellationRequested)
        {
            stop = cancellationToken.IsCancellationRequested ? Stop.Cancelled
                : timeLimit.IsCancellationRequested ? Stop.TimeLimit
                : Stop.None;
        }

        if (stop != Stop.None)
        {
            KillProcessTree(process);
        }

        await WaitForExitAsync(process);
        if (stop == Stop.Cancelled)
        {
            ArnoldAgentLog.Cancelled(logger, run.RunId);
            cancellationToken.ThrowIfCancellationRequested();
        }

        // What the process wrote before it ended (or was stopped) is still telemetry.
        await Task.WhenAny(pumps, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
        while (lines.TryRead(out var remaining))
        {
            await HandleAsync(remaining);
        }

        parser.Complete(buffer);
        await sink.EmitAllAsync(buffer, cancellationToken);

        int? exitCode = process.HasExited ? process.ExitCode : null;
        activity?.SetTag("arnold.exit_code", exitCode);
        activity?.SetTag("arnold.events", parser.Events);
        activity?.SetTag("arnold.unparsed_lines", parser.UnparsedLines);
        ArnoldAgentLog.Exited(logger, run.RunId, exitCode, parser.Lines, parser.Events, parser.UnparsedLines);
        var tail = stderrTail.Count > 0 ? string.Join('\n', stderrTail) : null;

        if (parser.Crash is { } crash)
        {
            var exception = crash.Split('\n').LastOrDefault(l => l.Length > 0 && !char.IsWhiteSpace(l[0])) ?? "a Python exception";
            ArnoldAgentLog.Crashed(logger, run.RunId, exception);
            return new AgentResult(false, $"Arnold crashed: {exception}", exitCode, tail, crash);
        }

        switch (stop)
        {
            case Stop.IterationLimit:
                ArnoldAgentLog.StoppedAtLimit(logger, run.RunId, $"{command.IterationLimit} iterations", parser.LastIteration);
                return new AgentResult(true, null, exitCode, tail);
            case Stop.TimeLimit when command.IsTraining:
                ArnoldAgentLog.StoppedAtLimit(logger, run.RunId, $"{command.TimeLimit} of wall time", parser.LastIteration);
                return new AgentResult(true, null, exitCode, tail);
            case Stop.TimeLimit:
                ArnoldAgentLog.TimedOut(logger, run.RunId, command.TimeLimit);
                return new AgentResult(false, $"Arnold's evaluation did not finish within {command.TimeLimit}; it was stopped.", exitCode, tail);
        }

        return exitCode == 0
            ? new AgentResult(true, null, exitCode, tail)
            : new AgentResult(false, $"Arnold exited with code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}.", exitCode, tail);
    }

    private static async Task PumpAsync(StreamReader reader, bool isError, ChannelWriter<OutputLine> writer, CancellationToken cancellationToken)
    {
        try
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                await writer.WriteAsync(new OutputLine(line, isError), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped reading: the run is over.
        }
        catch (IOException)
        {
            // The pipe broke as the process died.
        }
    }

    /// <summary>Once the process has exited, its output gets a short grace to end; a grandchild may hold the pipes open.</summary>
    private async Task StopReadingWhenOutputLingersAsync(Process process, Task pumps, CancellationTokenSource stopReading, long runId)
    {
        try
        {
            await process.WaitForExitAsync(stopReading.Token);
            var finished = await Task.WhenAny(pumps, Task.Delay(OutputGrace, stopReading.Token));
            if (finished != pumps && !stopReading.IsCancellationRequested)
            {
                ArnoldAgentLog.OutputLingered(logger, runId, OutputGrace);
                await stopReading.CancelAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // The run stopped first.
        }
    }

    private static void KillProcessTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
    }

    private static async Task WaitForExitAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(KillWait);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // It did not die in time: kill it harder, and report no exit code.
            KillProcessTree(process);
        }
    }

    private void DeleteWadCopy(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException exception)
        {
            ArnoldAgentLog.WadNotDeleted(logger, path, exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            ArnoldAgentLog.WadNotDeleted(logger, path, exception);
        }
    }

    private readonly record struct OutputLine(string Text, bool IsError);
}
