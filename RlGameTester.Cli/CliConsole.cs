using System.Globalization;

namespace RlGameTester.Cli;

/// <summary>
/// Where the command writes: its output, its errors and progress, and whether each is a terminal (colour and a progress
/// line only there, never in a CI log or a file). Tests give writers of their own.
/// </summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, bool outputIsTerminal, bool errorIsTerminal)
{
    private int _progressLength;

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public bool ErrorIsTerminal { get; } = errorIsTerminal;

    /// <summary>Colour by default on a terminal, unless NO_COLOR is set (no-color.org).</summary>
    public bool OutputIsColourTerminal { get; } = outputIsTerminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public static CliConsole System() =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected);

    /// <summary>"[3/32] MAP03" on a terminal's stderr while several levels are checked; nothing in a log or for one level.</summary>
    public void ShowProgress(int done, int total, string level)
    {
        if (!ErrorIsTerminal || total < 2)
        {
            return;
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"[{done}/{total}] {level}");
        lock (Error)
        {
            Error.Write("\r" + line.PadRight(_progressLength));
            _progressLength = line.Length;
        }
    }

    public void ClearProgress()
    {
        lock (Error)
        {
            if (_progressLength > 0)
            {
                Error.Write("\r" + new string(' ', _progressLength) + "\r");
                _progressLength = 0;
            }
        }
    }
}
