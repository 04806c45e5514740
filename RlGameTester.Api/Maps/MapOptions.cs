using System.ComponentModel.DataAnnotations;

namespace RlGameTester.Api.Maps;

/// <summary>Level files (section <c>Maps</c>).</summary>
public sealed class MapOptions
{
    public const string SectionName = "Maps";

    /// <summary>The largest WAD accepted, in bytes (default 64 MiB); larger uploads answer 413.</summary>
    [Range(1024, 1L << 31)]
    public long MaxUploadBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// The folder the seed's JSON create (<c>file_path</c>) may import from. Unset: JSON create is refused
    /// and files come only by upload.
    /// </summary>
    public string? ImportFolder { get; set; }
}
