namespace RlGameTester.Doom.Exploration;

/// <summary>What the explorer found wrong with a level.</summary>
public enum ExplorerFindingKind
{
    /// <summary>No exit can be reached from the start (or there is no player 1 start).</summary>
    ExitUnreachable,

    /// <summary>
    /// The explorer did not reach the exit, but that is not proven: a more generous search gets through (the finding
    /// names the mechanic), or the level holds something the simulation cannot decide.
    /// </summary>
    ExitNotReached,

    /// <summary>An area a player can get into with no way back and no exit from it.</summary>
    Softlock,

    /// <summary>A damaging floor that cannot be left before dying (critical), or a damaging floor under the start (minor).</summary>
    DeathZone,

    /// <summary>A spot the body can enter but not leave, or a gap the sectors say connects but the body does not fit through.</summary>
    StuckSpot,

    /// <summary>A key on this skill that no player can pick up.</summary>
    UnreachableKey,

    /// <summary>A weapon, ammo, health, armour or powerup on this skill that no player can pick up.</summary>
    UnreachableItem,

    /// <summary>A secret sector no player can enter.</summary>
    UnreachableSecret,

    /// <summary>The explorer reached the exit, but the trajectory validator refutes its way there (information about the tool, not the level).</summary>
    PathRefuted,
}
