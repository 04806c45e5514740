using System.Reflection;

namespace RlGameTester.Cli;

/// <summary>The tool's version, as packed.</summary>
internal static class CliVersion
{
    public static string Text { get; } =
        typeof(CliVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
