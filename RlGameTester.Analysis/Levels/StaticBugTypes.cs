using RlGameTester.Domain.Bugs;
using RlGameTester.Doom.Checks;

namespace RlGameTester.Analysis.Levels;

/// <summary>The bug type of each static check; checks without a type of their own are <c>level_check</c> (their check_name says which).</summary>
internal static class StaticBugTypes
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

    public static BugType Of(string checkName) => Types.GetValueOrDefault(checkName, BugType.LevelCheck);
}
