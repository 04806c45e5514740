using RlGameTester.Data.Blobs;
using RlGameTester.Domain.Levels;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Analysis.Levels;

/// <summary>
/// What an upload's levels resolve through, as a port loads the files: the file itself, its resource WADs from the last
/// loaded to the first, then the IWAD it named (or the one its level names call for). The static checks and the
/// screenshots of run findings read textures through the same layers.
/// </summary>
internal sealed class LoadOrderResources(BlobStore blobs, Iwads iwads)
{
    public async Task<ResourceSet> ResolveAsync(WadFile wad, IEnumerable<string> levelNames, LoadOrder load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        var layers = new List<WadResources> { WadResources.From(wad) };
        foreach (var hash in load.Resources.Reverse())
        {
            var bytes = await blobs.DownloadBytesAsync(BlobStore.Wads, $"{hash}.wad", cancellationToken)
                ?? throw new InvalidOperationException($"The resource WAD {hash}.wad is missing from blob storage.");
            layers.Add(WadResources.From(WadFile.Read(bytes), $"{hash}.wad"));
        }

        var iwad = load.Iwad is { } named
            ? iwads.Named(named) ?? throw new InvalidOperationException($"The IWAD {named} the upload named is no longer in the server's IWAD folder.")
            : iwads.For(wad, levelNames);
        if (iwad is not null)
        {
            layers.Add(iwad);
        }

        return new ResourceSet(layers);
    }
}
