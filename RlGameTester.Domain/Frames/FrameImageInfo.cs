namespace RlGameTester.Domain.Frames;

/// <summary>What a frame's header says: its encoding and size in pixels.</summary>
public sealed record FrameImageInfo(FrameImageKind Kind, int Width, int Height)
{
    /// <summary>The file extension frames of this kind are stored with (<c>png</c>, <c>jpg</c>).</summary>
    public string Extension => Kind == FrameImageKind.Png ? "png" : "jpg";

    /// <summary>The content type of the stored blob.</summary>
    public string ContentType => Kind == FrameImageKind.Png ? "image/png" : "image/jpeg";
}
