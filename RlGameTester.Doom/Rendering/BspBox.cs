namespace RlGameTester.Doom.Rendering;

/// <summary>A node child's bounding box in fixed point, as NODES stores it.</summary>
internal readonly record struct BspBox(int Top, int Bottom, int Left, int Right);
