namespace RlGameTester.Doom.Levels;

/// <summary>A map vertex. Binary formats store whole map units; UDMF may store fractions.</summary>
public readonly record struct Vertex(double X, double Y);

/// <summary>A UDMF vertex's own floor and ceiling heights (<c>zfloor</c>, <c>zceiling</c>), null where it gives none.</summary>
public readonly record struct VertexHeight(double? Floor, double? Ceiling);
