using System.Collections.Immutable;

namespace RlGameTester.Doom.Levels;

/// <summary>
/// A linedef. <see cref="Tag"/> is the sector tag a Doom-style special acts on (the binary tag, or
/// UDMF arg0 in Doom namespaces); <see cref="Id"/> is the line's own identity (Hexen/UDMF).
/// Side indices are -1 when absent.
/// </summary>
public readonly record struct Linedef(
    int Start,
    int End,
    LinedefFlags Flags,
    int Special,
    int Tag,
    int Id,
    SpecialArgs Args,
    LineActivation Activation,
    int FrontSide,
    int BackSide)
{
    public bool HasFlag(LinedefFlags flag) => (Flags & flag) == flag;

    /// <summary>UDMF's <c>locknumber</c>: the lock any use or crossing of the line needs, whatever its special (0: none).</summary>
    public int LockNumber { get; init; }

    /// <summary>UDMF's <c>moreids</c>: line ids besides <see cref="Id"/> that specials find the line by (default: none).</summary>
    public ImmutableArray<int> MoreIds { get; init; }

    /// <summary>Every id the line has: <see cref="Id"/> (when not 0) and <see cref="MoreIds"/>.</summary>
    public IEnumerable<int> Ids => (Id == 0 ? [] : (IEnumerable<int>)[Id]).Concat(MoreIds.IsDefault ? [] : MoreIds);

    /// <summary>
    /// Whether the line stops a player's body whatever the heights: one-sided, impassable, blocking players or everything,
    /// with a solid middle texture (read as a wall: its extent is not known) or a railing (read as a wall: only a jump
    /// clears it).
    /// </summary>
    public bool BlocksPlayer => FrontSide < 0 || BackSide < 0 || BlocksPlayerWith(Flags);

    /// <summary>Whether a use stops at the line as at a wall, whatever the heights (ZDoom's block use and block everything).</summary>
    public bool BlocksUse => (Flags & (LinedefFlags.BlocksUse | LinedefFlags.BlocksEverything)) != 0;

    /// <summary>Whether a two-sided line with these flags stops a player's body (see <see cref="BlocksPlayer"/>).</summary>
    public static bool BlocksPlayerWith(LinedefFlags flags) =>
        (flags & (LinedefFlags.Impassable | LinedefFlags.BlocksPlayers | LinedefFlags.BlocksEverything | LinedefFlags.SolidMiddleTexture | LinedefFlags.Railing)) != 0;
}
