using Microsoft.AspNetCore.Http.HttpResults;

namespace RlGameTester.Api.Frames;

/// <summary>What reading a frame upload gave: the frames in tick order, or the answer that refuses it.</summary>
internal sealed record FrameUploadRead(IReadOnlyList<UploadedFrame> Frames, int? Episode, ProblemHttpResult? Refused = null, ValidationProblem? Invalid = null)
{
    public static FrameUploadRead Refuse(ProblemHttpResult problem) => new([], null, Refused: problem);

    public static FrameUploadRead Reject(ValidationProblem problem) => new([], null, Invalid: problem);
}
