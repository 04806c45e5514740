namespace RlGameTester.Doom.Validation;

/// <summary>The stable names of the rules a <see cref="TrajectoryViolation"/> can break.</summary>
public static class TrajectoryRules
{
    /// <summary>An event comes after an event of a later tic.</summary>
    public const string EventOrder = "event-order";

    /// <summary>A tic without a Position event (the validator needs one every tic).</summary>
    public const string PositionMissing = "position-missing";

    /// <summary>The first position is not the player 1 start.</summary>
    public const string StartPosition = "start-position";

    /// <summary>The body moved further in a tic than Doom's full running speed (about 16.67 units).</summary>
    public const string Speed = "speed";

    /// <summary>The body changed speed or direction while in the air (no thrust, no friction while airborne).</summary>
    public const string AirControl = "air-control";

    /// <summary>A jump on a level whose port has none (Doom's format without a ZDoom-family mod, or MAPINFO's nojump).</summary>
    public const string JumpForbidden = "jump-forbidden";

    /// <summary>A jump pressed with the feet off the ground, or sooner after the last than GZDoom allows.</summary>
    public const string JumpNotReady = "jump-not-ready";

    /// <summary>A one-sided or impassable line crosses the body's box.</summary>
    public const string WallInBox = "wall-in-box";

    /// <summary>The centre crossed a one-sided or impassable line between two tics.</summary>
    public const string WallCrossed = "wall-crossed";

    /// <summary>The centre is outside every sector.</summary>
    public const string OutsideLevel = "outside-level";

    /// <summary>The box overlaps a solid thing.</summary>
    public const string SolidThing = "solid-thing";

    /// <summary>A barrel shot that is not an explosive barrel standing on the skill.</summary>
    public const string BarrelNotThere = "barrel-not-there";

    /// <summary>The body stood in the blast of a barrel it shot (the run claims no damage from it).</summary>
    public const string BarrelBlast = "barrel-blast";

    /// <summary>Less than 56 units between the highest floor and the lowest ceiling under the box.</summary>
    public const string NoRoom = "no-room";

    /// <summary>The ceiling is less than 56 units above the body.</summary>
    public const string HeadRoom = "head-room";

    /// <summary>The floor rose more than 24 units above the body.</summary>
    public const string StepTooHigh = "step-too-high";

    /// <summary>A line was claimed set off that has no special a player can set off, or a special for monsters only.</summary>
    public const string NotPlayerTriggerable = "not-player-triggerable";

    /// <summary>A one-shot line was set off again after Doom cleared its special.</summary>
    public const string LineAlreadyUsed = "line-already-used";

    /// <summary>A use line was used from its back side.</summary>
    public const string UseFromBack = "use-from-back";

    /// <summary>A use line was used from further than USERANGE (64).</summary>
    public const string UseOutOfRange = "use-out-of-range";

    /// <summary>A use line was used through something that stops a use trace.</summary>
    public const string UseBlocked = "use-blocked";

    /// <summary>A walk-over line was claimed set off without the centre crossing it.</summary>
    public const string WalkNotCrossed = "walk-not-crossed";

    /// <summary>The centre crossed a walk-over line Doom would have set off, and the run does not claim it.</summary>
    public const string WalkLineMissed = "walk-line-missed";

    /// <summary>A gun line was shot from too far away.</summary>
    public const string ShotOutOfRange = "shot-out-of-range";

    /// <summary>A gun line was shot with no point of it in sight.</summary>
    public const string ShotBlocked = "shot-blocked";

    /// <summary>A locked line was set off without its key.</summary>
    public const string KeyMissing = "key-missing";

    /// <summary>A pickup of a thing the body's box did not touch, or that is out of reach in height.</summary>
    public const string PickupNotTouched = "pickup-not-touched";

    /// <summary>A pickup of a thing that does not exist on this skill in single player, is not an item, or was taken already.</summary>
    public const string PickupInvalid = "pickup-invalid";

    /// <summary>A teleport whose line the centre did not cross from front to back.</summary>
    public const string TeleportNotCrossed = "teleport-not-crossed";

    /// <summary>A teleport that did not arrive where EV_Teleport puts the body (or by a line that is no teleport).</summary>
    public const string TeleportDestination = "teleport-destination";

    /// <summary>An exit claimed without a legal exit line, exit sector or boss death.</summary>
    public const string ExitNotLegal = "exit-not-legal";

    /// <summary>
    /// An exit claimed by shooting a boss whose death ends the level, from where no such boss stands within 2048 units
    /// (Doom's hitscan range) past no one-sided wall.
    /// </summary>
    public const string BossOutOfReach = "boss-out-of-reach";

    /// <summary>An assumed boss action the level's boss rules do not have.</summary>
    public const string BossActionUnknown = "boss-action-unknown";

    /// <summary>
    /// How far a box may overlap a wall, a solid thing or a step (units) before the path is not one a player can take:
    /// half the explorer's 8-unit grid. Its tic positions lie between cells it knows to be clear, so they may clip a
    /// corner by up to that much where a player takes a line a few units over.
    /// </summary>
    public const double GridTolerance = 4;

    /// <summary>
    /// Whether a violation refutes a run's claim of success. Those of timing alone (a body turning while Doom would
    /// still have it in the air after a step down, a ceiling its head meets before the fall Doom takes; the explorer
    /// lets falls take no time) and those a box smaller by <see cref="GridTolerance"/> does not break do not: they say when and where to the
    /// unit, not whether. Nor do a line crossed within one tic's run of its claim (positions are sampled at the end of
    /// each tic; Doom crosses during the move), an item other than a key picked up a little off, or a walk-over line
    /// crossed and not claimed (it adds, it does not take away).
    /// </summary>
    public static bool Refutes(TrajectoryViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return violation.Rule switch
        {
            AirControl or HeadRoom or WalkLineMissed => false,
            WallInBox or SolidThing or StepTooHigh or NoRoom or PickupNotTouched or WalkNotCrossed or TeleportNotCrossed => !violation.WithinGrid,
            _ => true,
        };
    }
}
