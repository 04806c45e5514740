namespace RlGameTester.Api.Frames;

/// <summary>The multipart form of a frame upload (for the OpenAPI document; the endpoint reads the form itself).</summary>
public sealed class FrameUploadForm
{
    /// <summary>
    /// One or more PNG or JPEG frames, or zip archives of them. Without <c>ticks</c> each file's name gives its tick:
    /// <c>000123.png</c>, <c>frame_123.jpg</c>, <c>tick-123.png</c>.
    /// </summary>
    public IFormFileCollection? Frames { get; set; }

    /// <summary>The ticks of the files, comma-separated in the order of the files (not with zip archives).</summary>
    /// <example>0,4,8,12</example>
    public string? Ticks { get; set; }

    /// <summary>The episode the frames belong to; ticks are the run's and must not repeat across episodes.</summary>
    /// <example>1</example>
    public int? Episode { get; set; }
}
