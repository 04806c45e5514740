namespace RlGameTester.Doom.Wad;

/// <summary>
/// The marker-delimited sections of a WAD. Doom finds flats and sprites only between their markers,
/// so a lump's meaning depends on the section it sits in.
/// </summary>
public enum WadNamespace
{
    /// <summary>Lumps outside every marker pair.</summary>
    Global,

    /// <summary><c>F_START</c>/<c>FF_START</c> .. <c>F_END</c>/<c>FF_END</c>.</summary>
    Flats,

    /// <summary><c>P_START</c>/<c>PP_START</c> .. <c>P_END</c>/<c>PP_END</c>.</summary>
    Patches,

    /// <summary><c>S_START</c>/<c>SS_START</c> .. <c>S_END</c>/<c>SS_END</c>.</summary>
    Sprites,

    /// <summary><c>TX_START</c> .. <c>TX_END</c> (ZDoom stand-alone textures).</summary>
    Textures,
}
