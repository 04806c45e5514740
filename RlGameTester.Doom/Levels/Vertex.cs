namespace RlGameTester.Doom.Levels;

/// <summary>A map vertex. Binary formats store whole map units; UDMF may store fractions.</summary>
public readonly record struct Vertex(double X, double Y);
