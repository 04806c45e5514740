namespace RlGameTester.Doom.Exploration;

/// <summary>What an <see cref="ExplorerEvent"/> reports.</summary>
public enum ExplorerEventKind
{
    /// <summary>Where the body is, every <see cref="ExplorerOptions.PositionInterval"/> tics.</summary>
    Position,

    /// <summary>
    /// The player pressed jump (a ZDoom-family port's jump, <see cref="LedgeJumps"/>) in this tic, standing where the event
    /// says: the tic's move starts on the ground and the feet rise after it.
    /// </summary>
    Jump,

    /// <summary>Health went up (a pickup) or down (a damaging floor).</summary>
    HealthChange,

    /// <summary>Health reached 0: the run ends.</summary>
    Death,

    /// <summary>A key was picked up.</summary>
    KeyPickup,

    /// <summary>A weapon, ammo, health, armour or powerup was picked up.</summary>
    ItemPickup,

    /// <summary>A line special was set off (used, walked over or shot), or a boss death was assumed.</summary>
    LineActivated,

    /// <summary>The body was teleported (<see cref="ExplorerEvent.ToX"/>, <see cref="ExplorerEvent.ToY"/>).</summary>
    Teleport,

    /// <summary>The body is somewhere it cannot leave towards anything left to do (a pit, a trap, a blocked teleport arrival).</summary>
    StuckCandidate,

    /// <summary>The level was finished (by an exit line, the exit sector or an assumed boss death).</summary>
    ExitReached,

    /// <summary>An explosive barrel shot (<see cref="ExplorerEvent.Thing"/>); the barrels that went up with it in the detail.</summary>
    BarrelShot,
}
