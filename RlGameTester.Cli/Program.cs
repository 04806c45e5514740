using RlGameTester.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
try
{
    return await CliApp.RunAsync(args, CliConsole.System(), cancel.Token);
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    // Ctrl+C: the shell's code for an interrupted command, no stack trace.
    await Console.Error.WriteLineAsync("rlgt: interrupted");
    return 130;
}
