namespace RlGameTester.Doom.Metadata;

/// <summary>A player start: which player, where, and facing which way (degrees, 0 = east, 90 = north).</summary>
public sealed record PlayerStartInfo(int Player, int ThingIndex, double X, double Y, int Angle);
