using System.ComponentModel.DataAnnotations;
using RlGameTester.Doom.Levels;

namespace RlGameTester.Api.Maps;

/// <summary>Level files (section <c>Maps</c>).</summary>
public sealed class MapOptions
{
    public const string SectionName = "Maps";

    /// <summary>The largest WAD accepted, in bytes (default 64 MiB); larger uploads answer 413.</summary>
    [Range(1024, 1L << 31)]
    public long MaxUploadBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The most levels one WAD may hold (default 128); more answer 413.</summary>
    [Range(1, 100_000)]
    public int MaxLevels { get; set; } = LevelLimits.Default.MaxLevels;

    /// <summary>The most things, linedefs, sidedefs, vertices or sectors (each) in one level (default 262,144); more answer 413.</summary>
    [Range(1, int.MaxValue)]
    public int MaxElements { get; set; } = LevelLimits.Default.MaxElements;

    /// <summary>The largest TEXTMAP of one UDMF level, in bytes (default 32 MiB); larger answer 413.</summary>
    [Range(1, int.MaxValue)]
    public int MaxTextmapBytes { get; set; } = LevelLimits.Default.MaxTextmapBytes;

    /// <summary>The level limits these settings make.</summary>
    public LevelLimits LevelLimits => new() { MaxLevels = MaxLevels, MaxElements = MaxElements, MaxTextmapBytes = MaxTextmapBytes };

    /// <summary>
    /// The folder the seed's JSON create (<c>file_path</c>) may import from. Unset: JSON create is refused
    /// and files come only by upload.
    /// </summary>
    public string? ImportFolder { get; set; }
}
