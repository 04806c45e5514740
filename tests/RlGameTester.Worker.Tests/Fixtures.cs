using System.Reflection;

namespace RlGameTester.Worker.Tests;

/// <summary>Where the real test inputs are: <c>tests/fixtures/</c> in the repository.</summary>
internal static class Fixtures
{
    public static string RepoRoot { get; } = typeof(Fixtures).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepoRoot").Value!;

    /// <summary>The stand-in for Python running Arnold (tests/FakeArnold), built with this project.</summary>
    public static string FakeArnold { get; } = typeof(Fixtures).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "FakeArnoldPath").Value!;

    public static string ArnoldDirectory { get; } = Path.Combine(RepoRoot, "tests", "fixtures", "arnold");

    /// <summary>Every log in the Arnold fixtures folder, for theories.</summary>
    public static TheoryData<string> ArnoldLogs { get; } = new(
        "01dcps6e79.train.log",
        "5az3wx4hlb.train.log",
        "b6v612woa0.train.log",
        "lujfdgp6gw.train.log",
        "nm7j3qruxb.train.log",
        "reconstructed-samples.log");

    public static string ArnoldLog(string name) => Path.Combine(ArnoldDirectory, name);

    public static string Wad(string name) => Path.Combine(RepoRoot, "tests", "fixtures", "wads", name);
}
