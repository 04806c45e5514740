namespace RlGameTester.Doom.Levels;

/// <summary>Linedef flags, in Doom's bit layout (UDMF booleans are mapped onto the same bits).</summary>
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
}
