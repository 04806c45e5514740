namespace RlGameTester.Doom.Checks;

/// <summary>The stable names of every check, for callers that filter or count findings.</summary>
public static class CheckNames
{
    // Starts.
    public const string MissingPlayer1Start = "missing-player1-start";
    public const string MissingCoopStarts = "missing-coop-starts";
    public const string DuplicatePlayerStart = "duplicate-player-start";
    public const string MissingDeathmatchStarts = "missing-deathmatch-starts";
    public const string TooFewDeathmatchStarts = "too-few-deathmatch-starts";

    // Lines and their sides.
    public const string LineWithoutSides = "line-without-sides";
    public const string LineMissingFront = "line-missing-front";
    public const string TwoSidedFlagWithoutBack = "two-sided-flag-without-back";
    public const string BackSideWithoutTwoSidedFlag = "back-side-without-two-sided-flag";
    public const string ZeroLengthLine = "zero-length-line";
    public const string ShortLine = "short-line";
    public const string OverlappingLines = "overlapping-lines";
    public const string CrossingLines = "crossing-lines";
    public const string OverlappingVertices = "overlapping-vertices";
    public const string VertexOnLine = "vertex-on-line";
    public const string UnusedVertex = "unused-vertex";
    public const string MapTooBig = "map-too-big";

    // Sectors.
    public const string UnclosedSector = "unclosed-sector";
    public const string DegenerateSector = "degenerate-sector";
    public const string UnusedSector = "unused-sector";
    public const string CeilingBelowFloor = "ceiling-below-floor";

    // Textures and flats.
    public const string MissingTexture = "missing-texture";
    public const string MissingTextureAfterMove = "missing-texture-after-move";
    public const string UnknownTexture = "unknown-texture";
    public const string TextureMissingPatch = "texture-missing-patch";
    public const string MissingFlat = "missing-flat";
    public const string UnknownFlat = "unknown-flat";

    // Things.
    public const string UnknownThingType = "unknown-thing-type";
    public const string ThingOnNoSkill = "thing-on-no-skill";
    public const string ThingOutsideMap = "thing-outside-map";
    public const string ThingStuckInWall = "thing-stuck-in-wall";
    public const string ThingsOverlapping = "things-overlapping";

    // Specials, tags, keys and exits.
    public const string UnknownLineAction = "unknown-line-action";
    public const string UnknownSectorSpecial = "unknown-sector-special";
    public const string DoorOnOneSidedLine = "door-on-one-sided-line";
    public const string ActionWithoutActivation = "action-without-activation";
    public const string ActionLineWithoutTag = "action-line-without-tag";
    public const string ActionLineTagUnmatched = "action-line-tag-unmatched";
    public const string TeleportWithoutDestination = "teleport-without-destination";
    public const string TaggedSectorUnused = "tagged-sector-unused";
    public const string BossTagWithoutBoss = "boss-tag-without-boss";
    public const string KeyMissingOnSkill = "key-missing-on-skill";
    public const string LevelHasNoExit = "level-has-no-exit";
    public const string RequiresSourcePort = "requires-source-port";

    // Reading: data the ports load despite a defect, loaded the same way (see Levels.LevelReadProblem).
    public const string UdmfUnknownField = "udmf-unknown-field";
    public const string UdmfUnknownBlock = "udmf-unknown-block";
    public const string UdmfBadValue = "udmf-bad-value";
    public const string UdmfMissingField = "udmf-missing-field";
    public const string UdmfDuplicateField = "udmf-duplicate-field";
    public const string UdmfNamespace = "udmf-namespace";
    public const string UdmfUnclosedComment = "udmf-unclosed-comment";
    public const string UdmfMissingEndmap = "udmf-missing-endmap";
    public const string BadLinedefSidedef = "bad-linedef-sidedef";
    public const string BadSidedefSector = "bad-sidedef-sector";
    public const string PartialLumpRecord = "partial-lump-record";
    public const string WadOverlap = "wad-overlap";
    public const string AcsUnreadable = "acs-unreadable";

    /// <summary>Reported when a check produced more findings than the options allow; says how many were left out.</summary>
    public const string FindingsOmitted = "findings-omitted";
}
