namespace RlGameTester.Api.Frames;

/// <summary>A page of a run's stored frames, in tick order.</summary>
public sealed record FrameListResponse
{
    /// <example>12</example>
    public long RunId { get; init; }

    /// <summary>Frames the run has in all.</summary>
    /// <example>240</example>
    public int Total { get; init; }

    /// <summary>The run's first frame tick; null without frames.</summary>
    /// <example>0</example>
    public int? FirstTick { get; init; }

    /// <example>956</example>
    public int? LastTick { get; init; }

    public required List<FrameResponse> Frames { get; init; }
}
