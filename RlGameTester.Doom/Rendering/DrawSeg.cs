namespace RlGameTester.Doom.Rendering;

/// <summary>
/// A stored wall range (drawseg_t): kept after its walls are drawn to clip sprites and draw masked middle textures.
/// Clip references are indices into the renderer's openings, or one of the constants below.
/// </summary>
internal struct DrawSeg
{
    public const int SilBottom = 1;
    public const int SilTop = 2;
    public const int NoClip = int.MinValue;
    public const int ClipScreenHeight = int.MinValue + 1;
    public const int ClipNegOne = int.MinValue + 2;

    public int Seg;
    public int X1;
    public int X2;
    public int Scale1;
    public int Scale2;
    public int ScaleStep;
    public int Silhouette;
    public int BottomSilHeight;
    public int TopSilHeight;

    /// <summary>openings[SprTopClip + x] for x in X1..X2, unless a constant.</summary>
    public int SprTopClip;
    public int SprBottomClip;

    /// <summary>openings[MaskedTextureCol + x] holds the masked texture column of x; NoClip when none.</summary>
    public int MaskedTextureCol;
}
