using System.IO.Compression;
using System.Text;

namespace RlGameTester.Doom.Actors;

/// <summary>
/// A mod as a PK3 (a ZIP archive, as GZDoom loads it); see <see cref="ModFiles"/>. Only its actor files are read, each at
/// most <see cref="MaxEntryBytes"/>; an archive the reader refuses throws <see cref="InvalidDataException"/>.
/// </summary>
public static class PackageActors
{
    /// <summary>The largest actor file read; larger ones (no DECORATE is this big) are left out.</summary>
    public const int MaxEntryBytes = 16 << 20;

    public static ModActors Read(Stream package)
    {
        ArgumentNullException.ThrowIfNull(package);
        using var archive = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        var entries = archive.Entries
            .Where(e => e.Length is > 0 and <= MaxEntryBytes && !e.FullName.EndsWith('/'))
            .GroupBy(e => e.FullName.Replace('\\', '/').TrimStart('/'), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
        return ModFiles.Read([.. entries.Keys], p =>
        {
            using var stream = entries[p].Open();
            using var reader = new StreamReader(stream, Encoding.Latin1);
            return reader.ReadToEnd();
        });
    }
}
