namespace RlGameTester.Doom.Resources;

/// <summary>
/// A composite wall texture from TEXTURE1/TEXTURE2: its size, the patches drawn into it, and where it was
/// defined (e.g. "TEXTURE1 of the IWAD").
/// </summary>
public sealed record TextureDefinition(string Name, int Width, int Height, IReadOnlyList<TexturePatch> Patches, string Source);
