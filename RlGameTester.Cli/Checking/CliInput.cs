namespace RlGameTester.Cli.Checking;

/// <summary>An input the command cannot work with (a missing or unreadable file, a level the WAD lacks): exit code 2 with this message.</summary>
internal sealed class CliInputException(string message) : Exception(message);

/// <summary>The inputs both commands read the same way: files, and the levels --level chooses.</summary>
internal static class CliInput
{
    /// <exception cref="CliInputException">The file cannot be read; the message says which and why.</exception>
    public static byte[] ReadFile(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot read {path}: {e.Message}");
        }
    }

    /// <summary>The levels <paramref name="wanted"/> names (all when it names none), in their order.</summary>
    /// <exception cref="CliInputException">A wanted level is not among them; the message lists the WAD's levels.</exception>
    public static List<T> ChooseLevels<T>(IReadOnlyList<T> levels, Func<T, string> name, IReadOnlyList<string> wanted, string wad)
    {
        var unknown = wanted.Where(w => !levels.Any(l => name(l).Equals(w, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            throw new CliInputException($"{wad} has no level {string.Join(", ", unknown)}; its levels: {string.Join(", ", levels.Select(name))}.");
        }

        return wanted.Count == 0 ? [.. levels] : [.. levels.Where(l => wanted.Contains(name(l), StringComparer.OrdinalIgnoreCase))];
    }
}
