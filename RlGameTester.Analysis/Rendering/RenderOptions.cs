using System.ComponentModel.DataAnnotations;

namespace RlGameTester.Analysis.Rendering;

/// <summary>How level and run images are drawn (configuration section <c>Analysis:Rendering</c>).</summary>
public sealed class RenderOptions
{
    public const string SectionName = "Analysis:Rendering";

    /// <summary>Length in pixels of the image's longer side; the map is scaled to fill what the title and legend leave.</summary>
    [Range(512, 8192)]
    public int LongestSide { get; set; } = 1536;

    /// <summary>zlib level of the stored PNG (0-9): 1 is several times faster than 9 and the flat colours compress well anyway.</summary>
    [Range(0, 9)]
    public int PngCompression { get; set; } = 1;

    /// <summary>Side, in pixels, of the square cells the visit heat of a run is counted in.</summary>
    [Range(2, 64)]
    public int HeatCellPixels { get; set; } = 8;

    /// <summary>
    /// Two consecutive positions further apart than this (map units) are not joined on the path: a teleport, a respawn or
    /// a gap in the telemetry, not a walk through walls.
    /// </summary>
    [Range(16, 100_000)]
    public double MaxPathStep { get; set; } = 768;

    /// <summary>Also mark the level's critical and major static findings on run images (hollow squares).</summary>
    public bool StaticFindingsOnRuns { get; set; } = true;

    /// <summary>At most this many findings are marked on a run image, most severe first.</summary>
    [Range(0, 10_000)]
    public int MaxMarkers { get; set; } = 200;
}
