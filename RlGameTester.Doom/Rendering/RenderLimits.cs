namespace RlGameTester.Doom.Rendering;

/// <summary>
/// The static limits of vanilla Doom's renderer (r_plane.c, r_bsp.c, r_defs.h, r_things.c). The renderer never stops at
/// them: it draws on as a limit-removing port does and reports in <see cref="RenderStatistics"/> which were passed.
/// Smaller values let a test provoke an overflow.
/// </summary>
public sealed record RenderLimits
{
    public static RenderLimits Vanilla { get; } = new();

    /// <summary>MAXVISPLANES: vanilla quits with "R_FindPlane: no more visplanes".</summary>
    public int Visplanes { get; init; } = 128;

    /// <summary>MAXDRAWSEGS: vanilla stops drawing further walls of the frame.</summary>
    public int DrawSegs { get; init; } = 256;

    /// <summary>MAXVISSPRITES: vanilla leaves further sprites out.</summary>
    public int VisSprites { get; init; } = 128;

    /// <summary>MAXOPENINGS (SCREENWIDTH*64 at 320 wide): vanilla overruns the array.</summary>
    public int Openings { get; init; } = 320 * 64;

    /// <summary>MAXSEGS: solid wall ranges at once; vanilla overruns the array (memory corruption, the "solidsegs" crash).</summary>
    public int SolidSegs { get; init; } = 32;
}
