namespace RlGameTester.Domain.Frames;

/// <summary>The encodings a run's frames may have.</summary>
public enum FrameImageKind
{
    Png,
    Jpeg,
}
