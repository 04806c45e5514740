namespace RlGameTester.Analysis.Rendering;

/// <summary>The sample drawn beside a legend label.</summary>
public enum LegendSymbol
{
    Line,
    ThickLine,
    Fill,
    Dot,
    Arrow,
    Key,
    Ring,
    Marker,
    HollowMarker,
}
