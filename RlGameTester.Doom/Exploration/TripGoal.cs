namespace RlGameTester.Doom.Exploration;

/// <summary>What a trip looks for, in the order the agent plays.</summary>
internal enum TripGoal
{
    /// <summary>Keys, and lines that open or move something (not yet set off).</summary>
    Progress,

    /// <summary>Items not yet touched and areas not yet seen.</summary>
    Explore,

    /// <summary>Repeatable lines a shut move reset (<see cref="LevelState.Rearmed"/>), when the exit is out of reach.</summary>
    Rearmed,

    /// <summary>Progress or Explore, from where the exit can still be reached.</summary>
    ProgressOrExploreTowardsExit,
    /// <summary>A spot to shoot a barrel in the way from (<see cref="Exploration.Barrels.FindWanted"/> first).</summary>
    Barrel,

    NormalExit,
    SecretExit,
}
