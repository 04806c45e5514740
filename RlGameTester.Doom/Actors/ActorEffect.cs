namespace RlGameTester.Doom.Actors;

/// <summary>What a mod's actor does to the level through the actions in its states.</summary>
public enum ActorEffect
{
    /// <summary>Ends the level (A_BrainDie, Exit_Normal, Exit_Secret, Teleport_NewMap, Teleport_EndGame).</summary>
    ExitLevel,

    /// <summary>Opens the doors of sectors with a tag when every actor of its type is dead (A_KeenDie).</summary>
    OpenDoor,

    /// <summary>Lowers the floors of sectors with a tag to their lowest neighbour when every actor of its type is dead.</summary>
    LowerFloor,

    /// <summary>Raises the floors of sectors with a tag by their shortest lower texture when every actor of its type is dead.</summary>
    RaiseFloor,

    /// <summary>Moves sectors by a line special called from a state (Door_Open, Floor_LowerToLowest, ...).</summary>
    MovesSectors,

    /// <summary>Runs an ACS script, which may do anything to the level.</summary>
    RunsScript,
}

/// <summary>One thing a mod's actor does: the editor number it is placed by, its class, the effect and the call.</summary>
/// <param name="EditorNumber">The thing type in the map that spawns the actor (its own number, or the one it replaces).</param>
/// <param name="ClassName">The mod's class name.</param>
/// <param name="Effect">What the call does.</param>
/// <param name="Tag">The sector tag acted on, for <see cref="ActorEffect.OpenDoor"/>.</param>
/// <param name="Call">The action as the mod writes it, e.g. <c>A_BrainDie</c>.</param>
public sealed record ActorRule(int EditorNumber, string ClassName, ActorEffect Effect, int? Tag, string Call);

/// <summary>How a mod's actor occupies the map, as its properties and flags (or those it inherits) say.</summary>
/// <param name="ClassName">The mod's class.</param>
/// <param name="Solid">+SOLID: other solid things and players cannot pass through it.</param>
/// <param name="IsMonster">A monster.</param>
/// <param name="Shootable">+SHOOTABLE: it can be killed or broken (a monster, an office chair).</param>
/// <param name="Radius">Its radius.</param>
/// <param name="Height">Its height.</param>
/// <param name="Hangs">+SPAWNCEILING: it hangs from the ceiling.</param>
public sealed record ActorShape(string ClassName, bool Solid, bool IsMonster, bool Shootable, int Radius, int Height, bool Hangs = false)
{
    /// <summary>Solid scenery that cannot be shot out of the way: a body goes around it. Others are killed, as monsters are.</summary>
    public bool Blocks => Solid && !IsMonster && !Shootable;
}
