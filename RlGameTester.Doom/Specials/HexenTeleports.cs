namespace RlGameTester.Doom.Specials;

/// <summary>
/// How a Hexen/ZDoom teleport special names where it sends the player (GZDoom's LS_Teleport, LS_Teleport_NoFog and
/// SelectTeleDest): by a thing id, narrowed to sectors with a tag when one is given; by the tag alone, Doom's way.
/// </summary>
public static class HexenTeleports
{
    /// <summary>
    /// The sector tag argument: Teleport (70) is (tid, tag, nosourcefog), Teleport_NoFog (71) is (tid, useangle, tag,
    /// keepheight). Reading the second argument of 71 as the tag took its angle flag for one, and found no destination
    /// (Super Sonic Doom starts every level in a box left by such a line).
    /// </summary>
    public static int Tag(int special, in Levels.SpecialArgs args) => special == 71 ? args.Arg2 : args.Arg1;

    /// <summary>TeleportDest, TeleportDest3 and TeleportDest2: the things a teleport looks for first.</summary>
    public static bool IsDestination(int type) => type is 14 or 9043 or 9044;

    /// <summary>MapSpot and MapSpotGravity: a thing id teleport with no tag lands on one when no destination has the id (Hexen's MAP10).</summary>
    public static bool IsMapSpot(int type) => type is 9001 or 9013;
}
