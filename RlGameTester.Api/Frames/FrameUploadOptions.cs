using System.ComponentModel.DataAnnotations;

namespace RlGameTester.Api.Frames;

/// <summary>Limits of frame uploads (section <c>Frames</c>). A request over a size limit answers 413; a frame of the wrong size, 400.</summary>
public sealed class FrameUploadOptions
{
    public const string SectionName = "Frames";

    /// <summary>
    /// Frames one request may carry, counting those inside zip archives. 1,000 textured 320x240 PNGs are about 100 MB,
    /// within <see cref="MaxRequestBytes"/>.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxFramesPerRequest { get; set; } = 1_000;

    /// <summary>
    /// The largest request body, in bytes; also the most the zip archives of a request may unpack to. The frames of a
    /// request are spooled to the temp folder (TMPDIR) until all of them are checked and stored, so it needs up to twice
    /// this free per upload at once.
    /// </summary>
    [Range(1024, 1L << 31)]
    public long MaxRequestBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>
    /// Entries the zip archives of one request may hold in all, folders and macOS resource forks included: every entry
    /// costs the archive reader memory before a byte of it is unpacked.
    /// </summary>
    [Range(1, 400_000)]
    public int MaxArchiveEntries { get; set; } = 4_000;

    /// <summary>
    /// Frames read and decoded at once across every upload of this instance (each holds the frame's bytes and its
    /// decoded picture); uploads past it wait. One per core by default.
    /// </summary>
    [Range(1, 256)]
    public int MaxConcurrentDecodes { get; set; } = Environment.ProcessorCount;

    /// <summary>The largest single frame, in bytes.</summary>
    [Range(1024, 1L << 30)]
    public long MaxFrameBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>The widest frame accepted, in pixels (read from its header before it is decoded).</summary>
    [Range(64, 16_384)]
    public int MaxWidth { get; set; } = 3840;

    /// <summary>The tallest frame accepted, in pixels.</summary>
    [Range(48, 16_384)]
    public int MaxHeight { get; set; } = 2160;

    /// <summary>The narrowest frame accepted: the checks need a view of some cells each way.</summary>
    [Range(1, 1024)]
    public int MinWidth { get; set; } = 64;

    /// <summary>The shortest frame accepted.</summary>
    [Range(1, 1024)]
    public int MinHeight { get; set; } = 48;
}
