using System.Reflection;

namespace RlGameTester.TestSupport;

/// <summary>Where the real test inputs are: <c>tests/fixtures/</c> in the repository, and Debian's freedoom WADs.</summary>
public static class Fixtures
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Directory { get; } = Path.Combine(RepoRoot, "tests", "fixtures");

    public static string ArnoldLogs => Path.Combine(Directory, "arnold");

    public static string Wads => Path.Combine(Directory, "wads");

    public static string Freedoom1 => "/usr/share/games/doom/freedoom1.wad";

    public static string Freedoom2 => "/usr/share/games/doom/freedoom2.wad";

    private static string FindRepoRoot()
    {
        var fromMetadata = Assembly.GetEntryAssembly()?
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (fromMetadata is { Length: > 0 } && File.Exists(Path.Combine(fromMetadata, "RlGameTester.sln")))
        {
            return fromMetadata;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RlGameTester.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (RlGameTester.sln) above " + AppContext.BaseDirectory);
    }
}
