namespace RlGameTester.Domain.Levels;

/// <summary>
/// The folder of IWADs the server has (section <c>Iwads</c>): an upload may name one of them as the IWAD its levels are
/// played with; the Api checks the name, the Analysis service reads the file.
/// </summary>
public sealed class IwadFolderOptions
{
    public const string SectionName = "Iwads";

    /// <summary>Debian's freedoom package puts freedoom1.wad, freedoom2.wad and freedm.wad here.</summary>
    public string Folder { get; set; } = "/usr/share/games/doom";

    /// <summary>The file names of the IWADs in the folder (a WAD whose header says IWAD), sorted.</summary>
    public IReadOnlyList<string> Available()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(Folder, "*.wad").Where(IsIwad).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
    }

    /// <summary>The path of the named IWAD, or null when the folder has no IWAD of that name.</summary>
    public string? PathOf(string name) =>
        Available().FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } file ? Path.Combine(Folder, file) : null;

    private static bool IsIwad(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            Span<byte> magic = stackalloc byte[4];
            return file.Read(magic) == 4 && magic.SequenceEqual("IWAD"u8);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
