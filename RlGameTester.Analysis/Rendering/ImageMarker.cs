using RlGameTester.Domain.Bugs;

namespace RlGameTester.Analysis.Rendering;

/// <summary>A finding to mark on a run image, at its place in map units, with a label a report can refer to (<c>#42</c>).</summary>
/// <param name="OfLevel">A static finding of the level (a hollow square) rather than one of the run (a filled disc).</param>
public sealed record ImageMarker(string Label, double X, double Y, BugSeverity Severity, bool OfLevel = false);
