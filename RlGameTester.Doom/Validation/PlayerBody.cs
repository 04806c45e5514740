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

    /// <summary>How far a gun line or a barrel may be shot from: MISSILERANGE, the reach of P_LineAttack's hitscan.</summary>
    public const double GunRange = 2048;

    /// <summary>P_TouchSpecialThing: an item is out of reach more than 8 below the feet.</summary>
    public const double PickupBelow = 8;

    /// <summary>
    /// Overlaps smaller than this are rounding, not contact: the explorer's positions are doubles interpolated along
    /// its path and land a few thousandths of a unit off the grid cells it walks. A box this close to a line or a thing
    /// counts as touching it (blocking nothing, and reaching what the run claims it reached).
    /// </summary>
    public const double PositionSlack = 0.01;

    /// <summary>The box used for what blocks the body: a hair smaller, by <see cref="PositionSlack"/>.</summary>
    public const double BlockingRadius = Radius - PositionSlack;

    /// <summary>The box used for what the body claims to reach: a hair larger, by <see cref="PositionSlack"/>.</summary>
    public const double ReachingRadius = Radius + PositionSlack;

    /// <summary>GZDoom's CheckJump: the upward speed a jump gives (the Doom player's JumpZ 8, times 35 / TICRATE).</summary>
    public const double JumpSpeed = 8;

    /// <summary>GZDoom's player.jumpTics: a jump is pressed no sooner than this many tics after the last.</summary>
    public const int JumpInterval = 18;

    /// <summary>P_ZMovement: gravity per tic (GRAVITY = FRACUNIT).</summary>
    public const double Gravity = 1;

    /// <summary>
    /// Running forward (forwardmove 50, thrust 50 * 2048 / 65536 a tic) against ground friction 0xE800 / 0x10000
    /// converges to thrust / (1 - friction) units a tic; without strafe-running nothing is faster.
    /// </summary>
    public static readonly double MaxRunSpeed = (50.0 * 2048 / 65536) / (1 - (0xE800 / 65536.0));
}
