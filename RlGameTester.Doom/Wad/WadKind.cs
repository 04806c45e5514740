namespace RlGameTester.Doom.Wad;

/// <summary>Whether a WAD is a game's main data file (IWAD) or an add-on (PWAD).</summary>
public enum WadKind
{
    Iwad,
    Pwad,
}
