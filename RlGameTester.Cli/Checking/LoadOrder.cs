using RlGameTester.Doom.Actors;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Cli.Checking;

/// <summary>
/// The files a port would load for the map, in order (the IWAD, the resource WADs, the map WAD last), and the resources
/// a level resolves its textures, flats and things through: the latest file first, as ports search. Without --iwad the
/// IWAD is found the way ports find it (DOOMWADDIR, DOOMWADPATH, the system's game folders), chosen per level: Doom's
/// for ExMy levels, Doom II's for MAPxx. Each file is read once; safe to share between threads.
/// </summary>
internal sealed class LoadOrder
{
    private static readonly string[] Doom1Names = ["doom.wad", "doomu.wad", "freedoom1.wad"];
    private static readonly string[] Doom2Names = ["doom2.wad", "freedoom2.wad"];
    private static readonly string[] SystemFolders = ["/usr/share/games/doom", "/usr/local/share/games/doom", "/usr/share/doom"];

    private readonly WadResources _map;
    private readonly IReadOnlyList<WadResources> _files;
    private readonly string? _iwadPath;
    private readonly Dictionary<string, Lazy<WadResources?>> _iwads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResourceSet> _sets = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    private LoadOrder(WadFile mapWad, WadResources map, IReadOnlyList<WadResources> files, string? iwadPath, ModActors mods)
    {
        MapWad = mapWad;
        Mods = mods;
        _map = map;
        _files = files;
        _iwadPath = iwadPath;
    }

    public WadFile MapWad { get; }

    /// <summary>The actors of the --mod folders and PK3s, loaded before the WADs (whose own actors come over them).</summary>
    public ModActors Mods { get; }

    /// <summary>Reads the map WAD and the resource files; a <see cref="CliInputException"/> names a file that cannot be read and why.</summary>
    public static LoadOrder Read(string mapPath, string? iwadPath, IReadOnlyList<string> files, IReadOnlyList<string>? mods = null)
    {
        var modActors = (mods ?? []).Aggregate(ModActors.None, (actors, mod) => actors.Merge(ReadMod(mod)));
        var map = ReadWad(mapPath);
        var resources = files.Select(f => WadResources.From(ReadWad(f), Path.GetFileName(f))).ToList();
        if (iwadPath is not null)
        {
            // Read now, so a bad --iwad is a usage error before any level is checked.
            _ = ReadWad(iwadPath);
        }

        return new LoadOrder(map, WadResources.From(map, Path.GetFileName(mapPath)), resources, iwadPath, modActors);
    }

    /// <summary>The IWAD a level is played with: the one given, none for an IWAD's own levels, else the installed one that fits.</summary>
    public string? IwadFor(string levelName)
    {
        if (_iwadPath is not null)
        {
            return _iwadPath;
        }

        if (MapWad.Kind == WadKind.Iwad)
        {
            return null;
        }

        var names = IsDoom1Level(levelName) ? Doom1Names : Doom2Names;
        return SearchFolders().SelectMany(folder => names.Select(name => Path.Combine(folder, name))).FirstOrDefault(File.Exists);
    }

    /// <summary>What the level's textures, flats and things resolve through, the highest priority first.</summary>
    public ResourceSet ResourcesFor(string levelName)
    {
        var iwad = IwadFor(levelName);
        var key = iwad ?? "";
        lock (_lock)
        {
            if (!_sets.TryGetValue(key, out var set))
            {
                var layers = new List<WadResources> { _map };
                layers.AddRange(_files.Reverse());
                if (IwadResources(iwad) is { } iwadResources)
                {
                    layers.Add(iwadResources);
                }

                try
                {
                    _sets[key] = set = new ResourceSet(layers);
                }
                catch (WadFormatException e)
                {
                    throw new CliInputException($"the texture lists of the load order cannot be read: {e.Message}");
                }
            }

            return set;
        }
    }

    private WadResources? IwadResources(string? path)
    {
        if (path is null)
        {
            return null;
        }

        if (!_iwads.TryGetValue(path, out var resources))
        {
            _iwads[path] = resources = new Lazy<WadResources?>(() => WadResources.From(ReadWad(path), Path.GetFileName(path)));
        }

        return resources.Value;
    }

    private static bool IsDoom1Level(string name) =>
        name.Length == 4 && (name[0] is 'E' or 'e') && (name[2] is 'M' or 'm') && char.IsAsciiDigit(name[1]) && char.IsAsciiDigit(name[3]);

    /// <summary>Where ports look for IWADs: DOOMWADDIR, then each folder of DOOMWADPATH, then the system's folders.</summary>
    private static IEnumerable<string> SearchFolders()
    {
        if (Environment.GetEnvironmentVariable("DOOMWADDIR") is { Length: > 0 } dir)
        {
            yield return dir;
        }

        if (Environment.GetEnvironmentVariable("DOOMWADPATH") is { Length: > 0 } path)
        {
            foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                yield return folder;
            }
        }

        foreach (var folder in SystemFolders)
        {
            yield return folder;
        }
    }

    /// <summary>The actors a level is played by: the mods', then the load order's WADs' over them.</summary>
    public ModActors ActorsFor(string levelName) => Mods.Merge(ResourcesFor(levelName).Actors);

    // A mod as GZDoom takes it: an unpacked folder, or a PK3 (ZIP).
    private static ModActors ReadMod(string path)
    {
        if (Directory.Exists(path))
        {
            return FolderActors.Read(path);
        }

        var bytes = CliInput.ReadFile(path);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return PackageActors.Read(stream);
        }
        catch (InvalidDataException e)
        {
            throw new CliInputException($"{path} is neither a folder nor a readable PK3 (ZIP): {e.Message}");
        }
    }

    private static WadFile ReadWad(string path)
    {
        var bytes = CliInput.ReadFile(path);
        try
        {
            return WadFile.Read(bytes);
        }
        catch (WadFormatException e)
        {
            throw new CliInputException($"{path} is not a readable WAD: {e.Message}");
        }
    }
}
