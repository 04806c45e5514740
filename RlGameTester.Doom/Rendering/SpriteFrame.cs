namespace RlGameTester.Doom.Rendering;

/// <summary>
/// One frame of a sprite: a picture for each of the eight directions it can be seen from (the same one eight times
/// when it does not rotate), and whether each is the mirror image of a lump named for two directions.
/// </summary>
internal sealed class SpriteFrame(MaskedPicture[] pictures, bool[] flipped, bool rotates)
{
    public MaskedPicture[] Pictures { get; } = pictures;

    public bool[] Flipped { get; } = flipped;

    public bool Rotates { get; } = rotates;
}
