namespace RlGameTester.Doom.Geometry;

/// <summary>A line bounding a sector, and whether the sector is on its front (right) side.</summary>
public readonly record struct SectorEdge(int Line, bool IsFront);
