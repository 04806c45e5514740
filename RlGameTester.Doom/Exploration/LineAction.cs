using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration;

/// <summary>What a special line does for the explorer: how it is set off, which sectors it moves and how, keys, exit, teleport.</summary>
internal sealed class LineAction
{
    public required int Line { get; init; }

    public required LineTrigger Trigger { get; init; }

    public required bool Repeatable { get; init; }

    /// <summary>"S1 Door open and stay" and the like, for events and findings.</summary>
    public required string Name { get; init; }

    public SectorMove? Move { get; init; }

    /// <summary>The sectors it moves (tagged ones, or the one behind a manual door).</summary>
    public int[] Sectors { get; init; } = [];

    public KeyRequirement? Keys { get; init; }

    public bool Exit { get; init; }

    public bool SecretExit { get; init; }

    public bool Teleport { get; init; }

    /// <summary>The lines' blocking it sets or clears (Line_SetBlocking, its script's SetLineBlocking).</summary>
    public IReadOnlyList<LineBlockingChange> Blocking { get; init; } = [];

    /// <summary>What setting it off assumes (its script's gate opens once the monsters it counts are dead), or null.</summary>
    public string? Assumption { get; init; }

    /// <summary>
    /// Set off by a shot as well as by <see cref="Trigger"/> (a UDMF line may tick <c>impact</c> beside <c>playercross</c>
    /// or <c>playeruse</c>: Project Zolee MAP03's script line stands on the face of a block 128 units up, to be shot).
    /// </summary>
    public bool Shootable { get; init; }

    /// <summary>Set off only from the line's front (ZDoom's firstsideonly): a walk-over line crossed front to back.</summary>
    public bool FrontSideOnly { get; init; }

    /// <summary>Whether crossing the line this way sets it off.</summary>
    public bool CrossedToSetOff(bool frontToBack) => frontToBack || !FrontSideOnly;

    /// <summary>Starts a crusher in <see cref="Sectors"/>: the sectors' heights come back, but what stands there is crushed.</summary>
    public bool Crusher { get; init; }

    /// <summary>Tics a door this line shuts stays shut before it opens again to where it was (0: it stays).</summary>
    public int ReopenAfter { get; init; }

    /// <summary>Where a teleport puts the body (the destination thing's cell), or -1.</summary>
    public int TeleportCell { get; set; } = -1;

    /// <summary>The destination thing, or -1.</summary>
    public int TeleportThing { get; set; } = -1;

    /// <summary>Opens or moves something a player would go and set off on purpose (not a closing door or ceiling).</summary>
    public bool Progress => Move is { } m && Sectors.Length > 0 &&
        !(m.Ceiling && m.Target is MoveTarget.OwnFloor or MoveTarget.OwnFloorPlus8) &&
        !(!m.Ceiling && m.Target is MoveTarget.OwnCeiling or MoveTarget.LowestNeighbourCeiling or MoveTarget.LowestNeighbourCeilingMinus8 && m.Kind == MoveKind.Permanent);
}
