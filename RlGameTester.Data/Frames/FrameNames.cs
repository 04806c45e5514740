using System.Globalization;
using System.Text.RegularExpressions;
using RlGameTester.Domain.Frames;

namespace RlGameTester.Data.Frames;

/// <summary>
/// How frames are named: the ticks in the names agents and clients give their files, and the blob names a run's frames
/// and their evidence thumbnails are stored under.
/// </summary>
public static partial class FrameNames
{
    /// <summary>
    /// The largest tick a frame may have: eight digits keep the blob names in tick order (about 33 days of play at 35
    /// ticks a second).
    /// </summary>
    public const int MaxTick = 99_999_999;

    /// <summary>Every frame blob of a run starts with this (<c>runs/{runId}/</c>), in <see cref="Blobs.BlobStore.Frames"/>.</summary>
    public static string RunPrefix(long runId) => string.Create(CultureInfo.InvariantCulture, $"runs/{runId}/");

    /// <summary>
    /// The blob of one frame: <c>runs/{runId}/{tick:D8}.{png|jpg}</c> for the Api's uploads, and
    /// <c>runs/{runId}/{tick:D8}.a{attempt}.{png|jpg}</c> for the frames a worker attempt's agent wrote, so that two
    /// attempts of one run (a worker taken over while it still uploads) never write the same blob.
    /// </summary>
    public static string Blob(long runId, int tick, FrameImageInfo image, int? attempt = null) => attempt is { } a
        ? string.Create(CultureInfo.InvariantCulture, $"runs/{runId}/{tick:D8}.a{a}.{image.Extension}")
        : string.Create(CultureInfo.InvariantCulture, $"runs/{runId}/{tick:D8}.{image.Extension}");

    /// <summary>The prefix of the frame at one tick, whatever its encoding.</summary>
    public static string TickPrefix(long runId, int tick) => string.Create(CultureInfo.InvariantCulture, $"runs/{runId}/{tick:D8}.");

    /// <summary>The tick of a frame blob name (<c>runs/7/00000123.png</c>, <c>runs/7/00000123.a2.png</c>), or null for a name that is not one.</summary>
    public static int? TickOfBlob(string blobName)
    {
        var match = BlobPattern().Match(blobName);
        return match.Success ? int.Parse(match.Groups["tick"].ValueSpan, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// The tick in a frame file's name: <c>000123.png</c>, <c>frame_123.jpg</c>, <c>tick-123.png</c>, <c>f123.jpeg</c>
    /// (any folder in front is ignored). Null when the name has no tick; a negative or huge tick is returned as it is,
    /// for the caller to refuse with its own words.
    /// </summary>
    public static long? TickOfFile(string fileName)
    {
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var match = FilePattern().Match(name);
        return match.Success && long.TryParse(match.Groups["tick"].ValueSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var tick)
            ? tick
            : null;
    }

    /// <summary>Every evidence thumbnail of a run starts with this (<c>runs/{runId}/glitch-</c>), in <see cref="Blobs.BlobStore.Images"/>.</summary>
    public static string ThumbnailPrefix(long runId) => string.Create(CultureInfo.InvariantCulture, $"runs/{runId}/glitch-");

    /// <summary>The evidence thumbnail of a frame finding: <c>runs/{runId}/glitch-{tick:D8}-{check}.png</c>.</summary>
    public static string Thumbnail(long runId, int tick, string check) =>
        string.Create(CultureInfo.InvariantCulture, $"runs/{runId}/glitch-{tick:D8}-{check}.png");

    [GeneratedRegex(@"^runs/\d+/(?<tick>\d{8})(?:\.a\d{1,9})?\.(?:png|jpg)$", RegexOptions.CultureInvariant)]
    private static partial Regex BlobPattern();

    [GeneratedRegex(@"^(?:(?:frame|tick|f)[_-]?)?(?<tick>-?\d{1,12})\.(?:png|jpe?g)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FilePattern();
}
