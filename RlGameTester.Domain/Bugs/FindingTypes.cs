using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;

namespace RlGameTester.Domain.Bugs;

/// <summary>
/// The bug type and stable check name of what the Doom library finds: a static check's finding (checks without a type of
/// their own are <c>level_check</c>; their check name says which) and each kind of explorer finding. One table for the
/// services and the command line.
/// </summary>
public static class FindingTypes
{
    private static readonly Dictionary<string, BugType> Types = new(StringComparer.Ordinal)
    {
        [CheckNames.MissingPlayer1Start] = BugType.MissingPlayerStart,
        [CheckNames.MissingDeathmatchStarts] = BugType.MissingDeathmatchStarts,
        [CheckNames.TooFewDeathmatchStarts] = BugType.MissingDeathmatchStarts,
        [CheckNames.LineMissingFront] = BugType.MissingFrontSide,
        [CheckNames.LineWithoutSides] = BugType.MissingFrontSide,
        [CheckNames.TwoSidedFlagWithoutBack] = BugType.SideFlagMismatch,
        [CheckNames.BackSideWithoutTwoSidedFlag] = BugType.SideFlagMismatch,
        [CheckNames.ZeroLengthLine] = BugType.ZeroLengthLine,
        [CheckNames.ShortLine] = BugType.ShortLine,
        [CheckNames.OverlappingLines] = BugType.OverlappingLines,
        [CheckNames.CrossingLines] = BugType.OverlappingLines,
        [CheckNames.OverlappingVertices] = BugType.OverlappingVertices,
        [CheckNames.UnusedVertex] = BugType.UnconnectedVertex,
        [CheckNames.MapTooBig] = BugType.MapTooLarge,
        [CheckNames.UnclosedSector] = BugType.UnclosedSector,
        [CheckNames.DegenerateSector] = BugType.DegenerateSector,
        [CheckNames.MissingTexture] = BugType.MissingTexture,
        [CheckNames.MissingTextureAfterMove] = BugType.MissingTexture,
        [CheckNames.UnknownTexture] = BugType.UnknownTexture,
        [CheckNames.TextureMissingPatch] = BugType.UnknownTexture,
        [CheckNames.MissingFlat] = BugType.MissingFlat,
        [CheckNames.UnknownFlat] = BugType.UnknownFlat,
        [CheckNames.UnknownThingType] = BugType.UnknownThingType,
        [CheckNames.ThingOnNoSkill] = BugType.ThingOnNoSkill,
        [CheckNames.ThingOutsideMap] = BugType.ThingOutsideMap,
        [CheckNames.ThingStuckInWall] = BugType.StuckThing,
        [CheckNames.ThingsOverlapping] = BugType.StuckThing,
        [CheckNames.UnknownLineAction] = BugType.UnknownLineAction,
        [CheckNames.UnknownSectorSpecial] = BugType.UnknownSectorSpecial,
        [CheckNames.ActionLineWithoutTag] = BugType.ActionWithoutTarget,
        [CheckNames.ActionLineTagUnmatched] = BugType.ActionWithoutTarget,
        [CheckNames.TeleportWithoutDestination] = BugType.ActionWithoutTarget,
        [CheckNames.TaggedSectorUnused] = BugType.UntriggeredTag,
        [CheckNames.KeyMissingOnSkill] = BugType.MissingKey,
    };

    /// <summary>The bug type of a static check's findings.</summary>
    public static BugType OfCheck(string checkName) => Types.GetValueOrDefault(checkName, BugType.LevelCheck);

    /// <summary>The bug type and stable check name of each kind of explorer finding.</summary>
    public static (BugType Type, string Check) OfExplorer(ExplorerFindingKind kind) => kind switch
    {
        ExplorerFindingKind.ExitUnreachable => (BugType.ExitUnreachable, "explorer-exit-unreachable"),
        ExplorerFindingKind.ExitNotReached => (BugType.ExitNotReached, "explorer-exit-not-reached"),
        ExplorerFindingKind.PathRefuted => (BugType.ExitNotReached, "explorer-path-refuted"),
        ExplorerFindingKind.Softlock => (BugType.Softlock, "explorer-softlock"),
        ExplorerFindingKind.DeathZone => (BugType.Hazard, "explorer-death-zone"),
        ExplorerFindingKind.StuckSpot => (BugType.StuckState, "explorer-stuck-spot"),
        ExplorerFindingKind.UnreachableKey => (BugType.UnreachableKey, "explorer-unreachable-key"),
        ExplorerFindingKind.UnreachableItem => (BugType.UnreachableItem, "explorer-unreachable-item"),
        ExplorerFindingKind.UnreachableSecret => (BugType.UnreachableSecret, "explorer-unreachable-secret"),
        _ => (BugType.UnreachableArea, "explorer-" + kind.ToString().ToLowerInvariant()),
    };
}
