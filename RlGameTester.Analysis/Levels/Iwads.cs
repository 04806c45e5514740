using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using RlGameTester.Domain.Levels;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Analysis.Levels;

/// <summary>The IWADs' resources, read once per process and shared by every check.</summary>
internal sealed class Iwads(IOptions<IwadOptions> options, IOptions<IwadFolderOptions> folder)
{
    private readonly ConcurrentDictionary<string, Lazy<WadResources?>> _loaded = new();

    /// <summary>The IWAD an upload named, from the server's IWAD folder; null when the folder no longer has it.</summary>
    public WadResources? Named(string name) =>
        folder.Value.PathOf(name) is { } path ? Load(path) : null;

    /// <summary>The IWAD a PWAD with these levels is played with, or null for an IWAD (it has its own resources) or when none is installed.</summary>
    public WadResources? For(WadFile wad, IEnumerable<string> levelNames)
    {
        if (wad.Kind == WadKind.Iwad)
        {
            return null;
        }

        var doom1 = levelNames.Any(name => name.Length == 4 && name[0] == 'E' && name[2] == 'M' && char.IsAsciiDigit(name[1]) && char.IsAsciiDigit(name[3]));
        var path = doom1 ? options.Value.Doom1 : options.Value.Doom2;
        return Load(path);
    }

    private WadResources? Load(string path)
    {
        return _loaded.GetOrAdd(path, p => new Lazy<WadResources?>(() => File.Exists(p) ? WadResources.From(WadFile.Read(File.ReadAllBytes(p)), Path.GetFileName(p)) : null)).Value;
    }
}
