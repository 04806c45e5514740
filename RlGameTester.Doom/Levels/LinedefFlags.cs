namespace RlGameTester.Doom.Levels;

/// <summary>
/// Linedef flags, in Doom's bit layout (UDMF booleans and Hexen's bits are mapped onto the same bits; ZDoom's own from
/// bit 13 up).
/// </summary>
[Flags]
public enum LinedefFlags
{
    None = 0,
    Impassable = 0x1,
    BlocksMonsters = 0x2,
    TwoSided = 0x4,
    UpperUnpegged = 0x8,
    LowerUnpegged = 0x10,

    /// <summary>Drawn as one-sided on the automap.</summary>
    Secret = 0x20,
    BlocksSound = 0x40,
    HiddenOnAutomap = 0x80,
    ShownOnAutomap = 0x100,

    /// <summary>Boom: a use passes through to lines behind.</summary>
    PassUse = 0x200,

    /// <summary>
    /// MBF21 (Doom format bit 13), ZDoom (Hexen format bit 14, UDMF <c>blockplayers</c>): impassable to players only.
    /// </summary>
    BlocksPlayers = 0x2000,

    /// <summary>ZDoom (UDMF <c>blockuse</c>): a use stops at the line, as at a wall.</summary>
    BlocksUse = 0x10000,

    /// <summary>
    /// ZDoom's 3D middle texture (UDMF <c>midtex3d</c>, Hexen format's Line_SetIdentification flag 32): solid where the
    /// texture is drawn, a rail or a bridge. Its extent needs the texture's size, which play does not read: a wall to a
    /// body, and a limit of the proof.
    /// </summary>
    SolidMiddleTexture = 0x20000,

    /// <summary>
    /// ZDoom's "block everything" (Hexen format bit 15, UDMF <c>blockeverything</c>): a wall to a body and to a use. Kept apart
    /// from <see cref="Impassable"/> because Line_SetBlocking and SetLineBlocking set and clear the two apart.
    /// </summary>
    BlocksEverything = 0x40000,

    /// <summary>
    /// ZDoom's jump-over railing (UDMF <c>jumpover</c>, Hexen format's Line_SetIdentification flag 2): the line's opening
    /// starts 32 units higher (P_LineOpening), a step a player walks over only by jumping. Read as a wall to a body, and a
    /// limit of the proof.
    /// </summary>
    Railing = 0x80000,
}
