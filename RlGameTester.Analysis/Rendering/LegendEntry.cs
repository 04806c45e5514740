using CvScalar = OpenCvSharp.Scalar;

namespace RlGameTester.Analysis.Rendering;

/// <summary>One line of an image's legend: a sample of the colour as it is drawn, and what it means.</summary>
public sealed record LegendEntry(string Label, CvScalar Colour, LegendSymbol Symbol);
