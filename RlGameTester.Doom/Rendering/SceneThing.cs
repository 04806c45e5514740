namespace RlGameTester.Doom.Rendering;

/// <summary>A thing as the renderer projects it: fixed-point position and height, binary angle, and its frame.</summary>
internal readonly record struct SceneThing(int X, int Y, int Z, uint Angle, SpriteFrame Frame, bool FullBright, bool Shadow);
