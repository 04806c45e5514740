namespace RlGameTester.Doom.Rendering;

/// <summary>A projected sprite (vissprite_t): its screen columns, scale, texture stepping, height and light.</summary>
internal struct VisSprite
{
    public int X1;
    public int X2;
    public int GX;
    public int GY;
    public int GZ;
    public int GZTop;
    public int StartFrac;
    public int Scale;
    public int XIScale;
    public int TextureMid;

    /// <summary>Offset of the light table in the colormaps; -1 draws the shadow (fuzz).</summary>
    public int Colormap;
    public MaskedPicture Picture;
}
