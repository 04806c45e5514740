namespace RlGameTester.Doom.Levels;

/// <summary>
/// How a Hexen-format or UDMF line special is triggered (Doom-format specials imply it by number instead,
/// see <see cref="Specials.LinedefSpecials"/>).
/// </summary>
[Flags]
public enum LineActivation
{
    None = 0,
    PlayerCross = 0x1,
    PlayerUse = 0x2,
    MonsterCross = 0x4,
    MonsterUse = 0x8,
    Impact = 0x10,
    PlayerPush = 0x20,
    MonsterPush = 0x40,
    MissileCross = 0x80,
    Repeatable = 0x100,

    /// <summary>ZDoom's <c>firstsideonly</c>: set off only from the line's front (a walk-over line crossed front to back).</summary>
    FirstSideOnly = 0x200,

    /// <summary>ZDoom's <c>playeruseback</c>: a player uses the line from its back as well (GZDoom's SPAC_UseBack).</summary>
    PlayerUseBack = 0x400,
}
