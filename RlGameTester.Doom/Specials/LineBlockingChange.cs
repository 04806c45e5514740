using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Specials;

/// <summary>
/// ZDoom's Line_SetBlocking (special 55: line id, flags to set, flags to clear), which a line, a thing or a script calls,
/// and which ACS's SetLineBlocking amounts to (<see cref="OfAcs"/>): the flags it sets and clears on every line with the
/// id, of those a player's body or use reads (GZDoom's flag bits: 1 blocking, 4 block players, 32 block everything,
/// 64 railing, 128 block use). Gates and force fields are such lines, opened by a switch or a script.
/// </summary>
public sealed record LineBlockingChange(int LineId, LinedefFlags Set, LinedefFlags Clear)
{
    public const int Special = 55;

    /// <summary>A Line_SetBlocking call's change, or null for id 0 (GZDoom does nothing then).</summary>
    public static LineBlockingChange? Of(SpecialArgs args) =>
        args.Arg0 == 0 ? null : new LineBlockingChange(args.Arg0, Flags(args.Arg1), Flags(args.Arg2));

    /// <summary>
    /// GZDoom's PCD_SetLineBlocking as Line_SetBlocking's (id, set, clear): BLOCK_NOTHING clears blocking, block
    /// everything and railing (64); BLOCK_EVERYTHING sets the first two; BLOCK_RAILING sets blocking and railing;
    /// BLOCK_CREATURES and any other value (BLOCK_PLAYERS too) set blocking alone.
    /// </summary>
    public static (int Set, int Clear) OfAcs(int blocking) => blocking switch
    {
        0 => (0, 1 | 32 | 64),
        2 => (1 | 32, 64),
        3 => (1 | 64, 32),
        _ => (1, 32 | 64),
    };

    /// <summary>A line's flags once the change is made.</summary>
    public LinedefFlags Apply(LinedefFlags flags) => (flags & ~Clear) | Set;

    private static LinedefFlags Flags(int bits) =>
        ((bits & 1) != 0 ? LinedefFlags.Impassable : LinedefFlags.None) |
        ((bits & 4) != 0 ? LinedefFlags.BlocksPlayers : LinedefFlags.None) |
        ((bits & 32) != 0 ? LinedefFlags.BlocksEverything : LinedefFlags.None) |
        ((bits & 64) != 0 ? LinedefFlags.Railing : LinedefFlags.None) |
        ((bits & 128) != 0 ? LinedefFlags.BlocksUse : LinedefFlags.None);
}
