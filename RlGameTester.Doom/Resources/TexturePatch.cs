namespace RlGameTester.Doom.Resources;

/// <summary>One patch placed in a composite wall texture.</summary>
public readonly record struct TexturePatch(int OriginX, int OriginY, string PatchName);
