namespace RlGameTester.Doom.Actors;

/// <summary>
/// A mod kept as files by path (an unpacked PK3 folder, or a PK3's entries): the DECORATE, ZSCRIPT, MAPINFO, ZMAPINFO
/// and DEHACKED (.deh, .bex) files at its root and what they include, by path from the root (as in a PK3) or, for a
/// folder of lumps, by file name.
/// </summary>
internal static class ModFiles
{
    private static readonly string[] RootNames = ["DECORATE", "ZSCRIPT", "MAPINFO", "ZMAPINFO"];

    /// <summary>Reads the mod whose files are <paramref name="paths"/> ('/'-separated, relative to its root).</summary>
    public static ModActors Read(IReadOnlyList<string> paths, Func<string, string> text)
    {
        var roots = paths
            .Where(p => !p.Contains('/', StringComparison.Ordinal) &&
                (RootNames.Contains(Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase) || DehackedThings.IsPatchName(p)))
            .Order(StringComparer.Ordinal)
            .Select(p => (p, text(p)))
            .ToList();
        return roots.Count == 0 ? ModActors.None : ActorScript.Read(roots, name => Include(paths, name) is { } found ? text(found) : null);
    }

    private static string? Include(IReadOnlyList<string> paths, string name)
    {
        var wanted = name.Replace('\\', '/').TrimStart('/');
        return paths.FirstOrDefault(p => string.Equals(p, wanted, StringComparison.OrdinalIgnoreCase))
            ?? paths.FirstOrDefault(p => string.Equals(Path.GetFileNameWithoutExtension(p), Path.GetFileNameWithoutExtension(wanted), StringComparison.OrdinalIgnoreCase));
    }
}
