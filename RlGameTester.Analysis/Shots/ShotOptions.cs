using System.ComponentModel.DataAnnotations;

namespace RlGameTester.Analysis.Shots;

/// <summary>How many findings get a screenshot (configuration section <c>Analysis:Screenshots</c>).</summary>
public sealed class ShotOptions
{
    public const string SectionName = "Analysis:Screenshots";

    /// <summary>
    /// At most this many static findings of one level get a view, most severe first: a level with thousands of
    /// findings costs no more than this many renders and uploads (0 turns the screenshots of static findings off).
    /// </summary>
    [Range(0, 1000)]
    public int MaxPerLevel { get; set; } = 16;

    /// <summary>At most this many findings of one run get a view, most severe first (0: none).</summary>
    [Range(0, 1000)]
    public int MaxPerRun { get; set; } = 16;

    /// <summary>zlib level of the stored PNG (0-9).</summary>
    [Range(0, 9)]
    public int PngCompression { get; set; } = 1;
}
