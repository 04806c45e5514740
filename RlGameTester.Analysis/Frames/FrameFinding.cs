using RlGameTester.Domain.Bugs;

namespace RlGameTester.Analysis.Frames;

/// <summary>One visual glitch over a range of frames; becomes a <c>visual_glitch</c> bug.</summary>
/// <param name="Check">Stable kebab-case name (see <see cref="FrameCheckNames"/>).</param>
/// <param name="Severity">How bad it is.</param>
/// <param name="Confidence">0-1: how sure the check is that this is a glitch and not legitimate content.</param>
/// <param name="FirstTick">Tick of the first frame of the range.</param>
/// <param name="LastTick">Tick of the last frame of the range.</param>
/// <param name="EvidenceTick">Tick of the frame the thumbnail shows (the clearest case in the range).</param>
/// <param name="FrameCount">Frames in the range that showed the glitch.</param>
/// <param name="Description">What was seen, in a sentence.</param>
/// <param name="Thumbnail">The evidence frame as PNG, <see cref="FrameCheckOptions.ThumbnailWidth"/> pixels wide.</param>
internal sealed record FrameFinding(
    string Check,
    BugSeverity Severity,
    double Confidence,
    int FirstTick,
    int LastTick,
    int EvidenceTick,
    int FrameCount,
    string Description,
    byte[] Thumbnail);
