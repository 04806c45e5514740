using System.Text;

namespace RlGameTester.Doom.Actors;

/// <summary>A mod kept as a folder (an unpacked PK3, as mods are kept in their repositories); see <see cref="ModFiles"/>.</summary>
public static class FolderActors
{
    public static ModActors Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            return ModActors.None;
        }

        var paths = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .ToList();
        return ModFiles.Read(paths, p => Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(folder, p))));
    }
}
