namespace RlGameTester.Api.Frames;

/// <summary>What a frame upload stored, and the frame analysis it queued.</summary>
public sealed record FrameUploadResponse
{
    /// <example>12</example>
    public long RunId { get; init; }

    /// <summary>Frames stored by this request.</summary>
    /// <example>240</example>
    public int Stored { get; init; }

    /// <summary>Of those, frames that replaced one already stored at the same tick.</summary>
    /// <example>0</example>
    public int Replaced { get; init; }

    /// <example>0</example>
    public int FirstTick { get; init; }

    /// <example>956</example>
    public int LastTick { get; init; }

    /// <example>1</example>
    public int? Episode { get; init; }

    /// <summary>Frames the run has now, from every upload.</summary>
    /// <example>240</example>
    public int TotalFrames { get; init; }

    /// <summary>The queued frame analysis: <c>queued</c>.</summary>
    /// <example>queued</example>
    public required string Analysis { get; init; }

    /// <summary>The analysis job's id on the queue.</summary>
    /// <example>1764087600000-0</example>
    public required string AnalysisJobId { get; init; }

    /// <example>240 frame(s) stored (ticks 0-956); the frame checks are queued and file visual_glitch bugs on the run.</example>
    public required string Message { get; init; }
}
