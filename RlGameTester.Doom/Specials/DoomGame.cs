namespace RlGameTester.Doom.Specials;

/// <summary>The game or engine family a thing type or special first appeared in.</summary>
public enum DoomGame
{
    /// <summary>Doom and Doom II (v1.9).</summary>
    Doom,

    /// <summary>Doom II only: unavailable (a crash in vanilla) in ExMy levels.</summary>
    Doom2,

    /// <summary>Boom and its descendants.</summary>
    Boom,

    /// <summary>MBF and its descendants.</summary>
    Mbf,

    /// <summary>ZDoom-family ports (Hexen-format and UDMF levels).</summary>
    ZDoom,
}
