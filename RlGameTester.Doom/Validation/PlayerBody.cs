namespace RlGameTester.Doom.Validation;

/// <summary>The player's body and movement limits, from Doom's info table, p_user.c, p_mobj.c and p_map.c.</summary>
internal static class PlayerBody
{
    /// <summary>mobjinfo[MT_PLAYER].radius: the collision box is twice this wide.</summary>
    public const double Radius = 16;

    /// <summary>mobjinfo[MT_PLAYER].height: the room the body needs between floor and ceiling.</summary>
    public const double Height = 56;

    /// <summary>P_TryMove: "too big a step up".</summary>
    public const double MaxStep = 24;

    /// <summary>P_UseLines traces USERANGE (64) units ahead of the centre.</summary>
    public const double UseRange = 64;

    /// <summary>How far a gun line may be shot from (the range the explorer claims; hitscans reach 2048).</summary>
    public const double GunRange = 1024;

    /// <summary>P_TouchSpecialThing: an item is out of reach more than 8 below the feet.</summary>
    public const double PickupBelow = 8;

    /// <summary>P_ZMovement: gravity per tic (GRAVITY = FRACUNIT).</summary>
    public const double Gravity = 1;

    /// <summary>
    /// Running forward (forwardmove 50, thrust 50 * 2048 / 65536 a tic) against ground friction 0xE800 / 0x10000
    /// converges to thrust / (1 - friction) units a tic; without strafe-running nothing is faster.
    /// </summary>
    public static readonly double MaxRunSpeed = (50.0 * 2048 / 65536) / (1 - (0xE800 / 65536.0));
}
