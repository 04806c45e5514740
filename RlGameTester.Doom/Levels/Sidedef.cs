namespace RlGameTester.Doom.Levels;

/// <summary>A sidedef. Texture names are upper-cased; "-" means no texture.</summary>
public readonly record struct Sidedef(
    int OffsetX,
    int OffsetY,
    string UpperTexture,
    string LowerTexture,
    string MiddleTexture,
    int Sector)
{
    /// <summary>The name Doom uses for "no texture".</summary>
    public const string NoTexture = "-";

    public static bool IsNoTexture(string name) => name.Length == 0 || name == NoTexture;
}
