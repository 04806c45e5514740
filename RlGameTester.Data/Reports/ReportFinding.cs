namespace RlGameTester.Data.Reports;

/// <summary>A finding as a report states it: what, where, how sure, the evidence, and what to change.</summary>
public sealed record ReportFinding
{
    /// <summary>The bug id: the label of its marker on the level image, and what the text cites as [#id].</summary>
    public long Id { get; init; }

    /// <summary>The run it was found in; null for static findings of the level.</summary>
    public long? RunId { get; init; }

    /// <summary>Bug type, snake_case (<c>stuck_state</c>, <c>missing_texture</c>).</summary>
    public required string Type { get; init; }

    public required string Severity { get; init; }

    /// <summary>What found it: telemetry, frames, static, llm, manual.</summary>
    public required string Source { get; init; }

    public string? Check { get; init; }

    public required string Title { get; init; }

    /// <summary>Where, in words: coordinates, element, episode and tick.</summary>
    public required string Place { get; init; }

    public double? X { get; init; }

    public double? Y { get; init; }

    public string? Element { get; init; }

    public int? ElementIndex { get; init; }

    public int? Episode { get; init; }

    public int? Tick { get; init; }

    /// <summary>0-1; static checks read the level data and are certain (1).</summary>
    public double? Confidence { get; init; }

    /// <summary>How sure we are, in words.</summary>
    public required string Certainty { get; init; }

    /// <summary>Its screenshot, <c>/api/bugs/{id}/screenshot</c> (a view of the element from where a player would stand, or a frame's thumbnail); null when it has none.</summary>
    public string? ScreenshotUrl { get; init; }

    /// <summary>What the detector saw (figures from its evidence).</summary>
    public required string Evidence { get; init; }

    /// <summary>What it means for a player, from the detector or the LLM.</summary>
    public string? Explanation { get; init; }

    /// <summary>What to change in the level.</summary>
    public required string Fix { get; init; }
}
