using Microsoft.Extensions.Caching.Memory;

namespace RlGameTester.Api.Maps;

/// <summary>
/// Levels' lines as the geometry endpoint answered them, by file hash and level name: a stored level never changes,
/// and reading them again means downloading the whole file (a megawad is tens of MB) and parsing it, most of a second
/// for freedoom2's largest level. Bounded at 64 MiB (about 250 such levels), least recently used first out.
/// </summary>
public sealed class MapGeometryCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 64L * 1024 * 1024, CompactionPercentage = 0.25 });

    public MapGeometryResponse? Find(string fileHash, string levelName) =>
        _cache.TryGetValue((fileHash, levelName), out MapGeometryResponse? geometry) ? geometry : null;

    public void Keep(string fileHash, string levelName, MapGeometryResponse geometry) =>
        // About 24 bytes of JSON a line, and as much again in memory.
        _cache.Set((fileHash, levelName), geometry, new MemoryCacheEntryOptions { Size = 1024 + (geometry.Lines.Count * 48L), SlidingExpiration = TimeSpan.FromHours(1) });

    public void Dispose() => _cache.Dispose();
}
