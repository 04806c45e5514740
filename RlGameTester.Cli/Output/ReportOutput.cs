using System.Text;
using RlGameTester.Cli.Checking;

namespace RlGameTester.Cli.Output;

/// <summary>Writes a report where the settings say: standard output (coloured on a terminal) or a file, then a line on stderr saying so.</summary>
internal static class ReportOutput
{
    /// <exception cref="CliInputException">The output file cannot be written.</exception>
    public static void Write(CheckReport report, ReportSettings settings, CliConsole console)
    {
        if (settings.Output is null)
        {
            ReportWriters.For(settings.Format, settings.Color ?? console.OutputIsColourTerminal).Write(report, console.Out);
            return;
        }

        try
        {
            using var file = new StreamWriter(settings.Output, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            ReportWriters.For(settings.Format, settings.Color ?? false).Write(report, file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot write {settings.Output}: {e.Message}");
        }

        console.Error.WriteLine($"rlgt: wrote {settings.Format.ToString().ToLowerInvariant()} to {settings.Output}: {report.Failing.Count()} finding(s) at or above the gate in {report.Levels.Count} level(s)");
    }
}
