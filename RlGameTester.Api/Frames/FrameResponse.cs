using RlGameTester.Data.Frames;

namespace RlGameTester.Api.Frames;

/// <summary>One stored frame of a run.</summary>
public sealed record FrameResponse
{
    /// <example>120</example>
    public int Tick { get; init; }

    /// <summary>Its blob name in the <c>frames</c> container.</summary>
    /// <example>runs/12/00000120.png</example>
    public required string Blob { get; init; }

    /// <summary>Bytes.</summary>
    /// <example>48211</example>
    public long Size { get; init; }

    /// <example>image/png</example>
    public required string ContentType { get; init; }

    /// <example>1</example>
    public int? Episode { get; init; }

    /// <summary>Where to get the picture.</summary>
    /// <example>/api/runs/12/frames/120</example>
    public required string Url { get; init; }

    internal static FrameResponse From(long runId, StoredFrame frame) => new()
    {
        Tick = frame.Tick,
        Blob = frame.BlobName,
        Size = frame.Size,
        ContentType = frame.ContentType,
        Episode = frame.Episode,
        Url = $"/api/runs/{runId}/frames/{frame.Tick}",
    };
}
