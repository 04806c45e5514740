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

    public Task<ResourceSet> ForAsync(WadFile wad, string levelName, LoadOrder? load, CancellationToken cancellationToken) =>
        ResolveAsync(wad, levelName, load, needIwad: true, cancellationToken);

    /// <summary>
    /// The heights of the textures the level is played with (floors raised by their shortest lower texture), from the same
    /// files; without its IWAD on this Worker, the level's and its resource WADs' own (the rest are not known, and the
    /// explorer and the validator then leave such raises open).
    /// </summary>
    public async Task<TextureHeights> TexturesAsync(WadFile wad, string levelName, LoadOrder? load, CancellationToken cancellationToken) =>
        (await ResolveAsync(wad, levelName, load, needIwad: false, cancellationToken)).TextureHeights();

    private async Task<ResourceSet> ResolveAsync(WadFile wad, string levelName, LoadOrder? load, bool needIwad, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wad);
        load ??= LoadOrder.Default;
        var layers = new List<WadResources> { WadResources.From(wad) };
        foreach (var hash in load.Resources.Reverse())
        {
            layers.Add(WadResources.From(await ResourceWadAsync(hash, cancellationToken), $"{hash}.wad"));
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

    /// <summary>
    /// The actors a level plays by: those its resource WADs define (a mod loaded before the map), then its own WAD's,
    /// a later file's replacing an earlier one's, as ports load them. Needs no IWAD: Doom's actors are the library's.
    /// </summary>
    public async Task<ModActors> ActorsAsync(WadFile wad, LoadOrder? load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wad);
        var actors = ModActors.None;
        foreach (var hash in (load ?? LoadOrder.Default).Resources)
        {
            actors = actors.Merge(WadActors.Read(await ResourceWadAsync(hash, cancellationToken)));
        }

        return actors.Merge(WadActors.Read(wad));
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
