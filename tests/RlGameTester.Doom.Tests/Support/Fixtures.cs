using System.Reflection;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Support;

/// <summary>
/// Where the real WADs are: Debian's freedoom package (install with <c>apt-get install -y freedoom</c>) and
/// the ViZDoom and Arnold scenario WADs in <c>tests/fixtures/wads/</c>. Files are read once and shared by all tests.
/// </summary>
internal static class Fixtures
{
    public const string Freedoom1Path = "/usr/share/games/doom/freedoom1.wad";
    public const string Freedoom2Path = "/usr/share/games/doom/freedoom2.wad";

    private static readonly Lazy<byte[]> Freedoom1Bytes = new(() => ReadRequired(Freedoom1Path));
    private static readonly Lazy<byte[]> Freedoom2Bytes = new(() => ReadRequired(Freedoom2Path));
    private static readonly Lazy<WadFile> Freedoom1Wad = new(() => WadFile.Read(Freedoom1Bytes.Value));
    private static readonly Lazy<WadFile> Freedoom2Wad = new(() => WadFile.Read(Freedoom2Bytes.Value));

    public static byte[] Freedoom1Data => Freedoom1Bytes.Value;

    public static byte[] Freedoom2Data => Freedoom2Bytes.Value;

    public static WadFile Freedoom1 => Freedoom1Wad.Value;

    public static WadFile Freedoom2 => Freedoom2Wad.Value;

    public static string RepoRoot =>
        typeof(Fixtures).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepoRoot").Value
        ?? throw new InvalidOperationException("The RepoRoot assembly metadata is not set.");

    public static string ScenarioWadsDirectory => Path.Combine(RepoRoot, "tests", "fixtures", "wads");

    public static IEnumerable<string> ScenarioWadNames =>
        ["defend_the_center", "health_gathering", "health_gathering_supreme", "deathmatch_rockets"];

    public static byte[] ScenarioBytes(string name) => ReadRequired(Path.Combine(ScenarioWadsDirectory, name + ".wad"));

    private static byte[] ReadRequired(string path) =>
        File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new FileNotFoundException($"Test fixture {path} is missing (freedoom WADs come from `apt-get install -y freedoom`).", path);
}
