using System.Text;

namespace RlGameTester.Doom.Actors;

/// <summary>
/// A mod kept as a folder (an unpacked PK3): the DECORATE, ZSCRIPT, MAPINFO, ZMAPINFO and DEHACKED (.deh, .bex) files at its root and what they
/// include, by path from the root (as in a PK3) or, for a folder of lumps, by file name.
/// </summary>
public static class FolderActors
{
    private static readonly string[] RootNames = ["DECORATE", "ZSCRIPT", "MAPINFO", "ZMAPINFO"];

    public static ModActors Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            return ModActors.None;
        }

        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        var roots = Directory.GetFiles(folder)
            .Where(f => RootNames.Contains(Path.GetFileNameWithoutExtension(f), StringComparer.OrdinalIgnoreCase) || DehackedThings.IsPatchName(f))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), Text(f)))
            .ToList();
        return roots.Count == 0 ? ModActors.None : ActorScript.Read(roots, name => Include(folder, files, name));
    }

    private static string? Include(string folder, string[] files, string name)
    {
        var wanted = Path.GetFullPath(Path.Combine(folder, name.Replace('\\', '/')));
        var match = files.FirstOrDefault(f => string.Equals(f, wanted, StringComparison.OrdinalIgnoreCase))
            ?? files.FirstOrDefault(f => string.Equals(Path.GetFileNameWithoutExtension(f), Path.GetFileNameWithoutExtension(name), StringComparison.OrdinalIgnoreCase));
        return match is null ? null : Text(match);
    }

    private static string Text(string path) => Encoding.Latin1.GetString(File.ReadAllBytes(path));
}
