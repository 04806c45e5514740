namespace RlGameTester.Doom.Rendering;

/// <summary>
/// Where the camera stands: map position, facing (degrees counter-clockwise from east, as thing angles), and the eye's
/// height; null puts the eye <see cref="RenderScene.EyeHeight"/> (41) units above the floor under it, as a player's
/// (and at most 4 under the ceiling, as Doom keeps a player's view in a low sector).
/// </summary>
public readonly record struct ViewPoint(double X, double Y, double Angle, double? EyeZ = null);
