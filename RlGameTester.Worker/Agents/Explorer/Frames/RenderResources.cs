using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using RlGameTester.Data.Blobs;
using RlGameTester.Domain.Levels;
using RlGameTester.Doom.Actors;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Worker.Agents.Explorer.Frames;

/// <summary>
/// What a level's textures, flats and sprites resolve through, as a port loads its files (the Analysis service's level
/// checks resolve them the same way): the level's WAD, its resource WADs from the last loaded to the first, then the
/// IWAD the upload named or the one its level names call for; and the mod actors those files define. IWADs are read once per process. Without blob storage
/// (<paramref name="blobs"/> null, a test's agent) only a load order without resource WADs resolves.
/// </summary>
internal sealed class RenderResources(BlobStore? blobs, IOptions<ExplorerAgentOptions> options, IOptions<IwadFolderOptions> folder)
{
    private readonly ConcurrentDictionary<string, Lazy<WadResources?>> _iwads = new();

    public async Task<ResourceSet> ForAsync(WadFile wad, string levelName, LoadOrder? load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wad);
        load ??= LoadOrder.Default;
        return Resolve(wad, levelName, load, await ResourceWadsAsync(load, cancellationToken), needIwad: true);
    }

    /// <summary>
    /// What the level is played with: the actors its resource WADs define (a mod loaded before the map), then its own
    /// WAD's, a later file's replacing an earlier one's, as ports load them (Doom's actors are the library's); and the
    /// heights of its textures (floors raised by their shortest lower texture) from the same files and the IWAD, or
    /// without the IWAD on this Worker the level's and its resource WADs' own (the rest are not known, and the explorer and
    /// the validator then leave such raises open). Each resource WAD is downloaded once for both.
    /// </summary>
    public async Task<(ModActors Actors, TextureHeights Textures)> ForPlayAsync(WadFile wad, string levelName, LoadOrder? load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wad);
        load ??= LoadOrder.Default;
        var files = await ResourceWadsAsync(load, cancellationToken);
        return (ActorsOf(wad, files), Resolve(wad, levelName, load, files, needIwad: false).TextureHeights());
    }

    private static ModActors ActorsOf(WadFile wad, IReadOnlyList<(string Hash, WadFile File)> files) =>
        files.Aggregate(ModActors.None, (actors, file) => actors.Merge(WadActors.Read(file.File))).Merge(WadActors.Read(wad));

    // The load order's resource WADs, in load order.
    private async Task<List<(string Hash, WadFile File)>> ResourceWadsAsync(LoadOrder load, CancellationToken cancellationToken)
    {
        var files = new List<(string, WadFile)>();
        foreach (var hash in load.Resources)
        {
            files.Add((hash, await ResourceWadAsync(hash, cancellationToken)));
        }

        return files;
    }

    private ResourceSet Resolve(WadFile wad, string levelName, LoadOrder load, IReadOnlyList<(string Hash, WadFile File)> files, bool needIwad)
    {
        var layers = new List<WadResources> { WadResources.From(wad) };
        foreach (var (hash, file) in files.Reverse())
        {
            layers.Add(WadResources.From(file, $"{hash}.wad"));
        }

        if (wad.Kind != WadKind.Iwad || load.Iwad is not null)
        {
            var path = load.Iwad is { } named
                ? folder.Value.PathOf(named) ?? (needIwad ? throw new InvalidOperationException($"The IWAD {named} the upload named is not in the Worker's IWAD folder ({IwadFolderOptions.SectionName}:Folder).") : null)
                : IsDoom1(levelName) ? options.Value.Doom1Iwad : options.Value.Doom2Iwad;
            // Drawn without its IWAD a PWAD's walls would be the clear colour, which the frame checks file as glitches: no
            // frames beat false ones (the agent logs why and the run keeps its play).
            if ((path is null ? null : Load(path)) is { } iwad)
            {
                layers.Add(iwad);
            }
            else if (needIwad)
            {
                throw new InvalidOperationException($"The IWAD {path} the level is drawn with is not on this Worker ({ExplorerAgentOptions.SectionName}:Doom1Iwad/Doom2Iwad, {IwadFolderOptions.SectionName}:Folder).");
            }
        }

        return new ResourceSet(layers);
    }

    private async Task<WadFile> ResourceWadAsync(string hash, CancellationToken cancellationToken)
    {
        var bytes = await (blobs ?? throw new InvalidOperationException("The level's resource WADs need blob storage.")).DownloadBytesAsync(BlobStore.Wads, $"{hash}.wad", cancellationToken)
            ?? throw new InvalidOperationException($"The resource WAD {hash}.wad is missing from blob storage.");
        return WadFile.Read(bytes);
    }

    private static bool IsDoom1(string name) =>
        name.Length == 4 && name[0] is 'E' or 'e' && name[2] is 'M' or 'm' && char.IsAsciiDigit(name[1]) && char.IsAsciiDigit(name[3]);

    private WadResources? Load(string path) =>
        _iwads.GetOrAdd(path, p => new Lazy<WadResources?>(() => File.Exists(p) ? WadResources.From(WadFile.Read(File.ReadAllBytes(p)), Path.GetFileName(p)) : null)).Value;
}
