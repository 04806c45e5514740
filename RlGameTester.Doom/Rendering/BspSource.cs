namespace RlGameTester.Doom.Rendering;

/// <summary>Where a level's BSP tree came from.</summary>
public enum BspSource
{
    /// <summary>The level's own NODES, SEGS and SSECTORS lumps (a binary level's node builder output).</summary>
    Level,

    /// <summary>Built here: the level has no vanilla-format nodes (UDMF, ZDoom extended nodes) or they are damaged.</summary>
    Built,
}
