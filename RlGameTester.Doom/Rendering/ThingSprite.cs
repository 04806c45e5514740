namespace RlGameTester.Doom.Rendering;

/// <summary>
/// What a thing type looks like when it spawns: its sprite, the frame of its spawn state, whether that frame is drawn
/// at full brightness, and whether the thing is drawn as a shadow (the spectre's fuzz).
/// </summary>
internal readonly record struct ThingSprite(string Sprite, char Frame, bool FullBright, bool Shadow = false);
