using System.Text.Json.Nodes;

namespace RlGameTester.Cli.Tests;

/// <summary>Runs the command line in-process with its output and errors captured, as a CI job would see them.</summary>
internal static class Rlgt
{
    public static async Task<RlgtResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, new CliConsole(output, error, outputIsTerminal: false, errorIsTerminal: false), TestContext.Current.CancellationToken);
        return new RlgtResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>A folder of its own for the files a test writes, removed when disposed.</summary>
    public static TempFolder Folder() => new();
}

internal sealed record RlgtResult(int Exit, string Output, string Error)
{
    public JsonNode Json => JsonNode.Parse(Output) ?? throw new InvalidOperationException("No JSON output.");

    public override string ToString() => $"exit {Exit}\nstdout:\n{Output}\nstderr:\n{Error}";
}

/// <summary>A folder of its own under the temp folder, removed when disposed.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("rlgt-cli-").FullName;

    public string Write(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
