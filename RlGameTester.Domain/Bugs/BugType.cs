namespace RlGameTester.Domain.Bugs;

/// <summary>Every kind of finding the system produces: from play (telemetry, frames) and from static level checks.</summary>
public enum BugType
{
    // From play.
    StuckState,
    Softlock,
    InstantDeath,
    SpawnDeath,
    UnreachableArea,
    Hazard,
    VisualGlitch,
    Crash,
    Performance,
    ExitUnreachable,
    UnreachableKey,
    UnreachableItem,
    UnreachableSecret,

    // From static level checks (the map editor's analysis mode).
    UnclosedSector,
    DegenerateSector,
    MissingFrontSide,
    SideFlagMismatch,
    MissingTexture,
    MissingFlat,
    UnknownTexture,
    UnknownFlat,
    UnknownThingType,
    UnknownLineAction,
    UnknownSectorSpecial,
    StuckThing,
    ThingOutsideMap,
    OverlappingLines,
    OverlappingVertices,
    ZeroLengthLine,
    ShortLine,
    UnconnectedVertex,
    ActionWithoutTarget,
    UntriggeredTag,
    MissingPlayerStart,
    MissingDeathmatchStarts,
    ThingOnNoSkill,
    MissingKey,
    MapTooLarge,
    /// <summary>A static check without a type of its own; its <c>check_name</c> says which.</summary>
    LevelCheck,

    /// <summary>The explorer did not reach the exit, but it is not proven unreachable (a more generous search gets through, or the level holds what the simulation cannot decide).</summary>
    ExitNotReached,

    /// <summary>A view the explorer's path passes needs more of a vanilla renderer limit (visplanes, drawsegs...) than vanilla Doom has; filed only for levels meant for vanilla.</summary>
    RenderLimit,
}
