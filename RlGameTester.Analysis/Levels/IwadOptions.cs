namespace RlGameTester.Analysis.Levels;

/// <summary>The IWADs levels are checked against (section <c>Analysis:Iwads</c>): textures, flats and things a PWAD may use without defining.</summary>
public sealed class IwadOptions
{
    public const string SectionName = "Analysis:Iwads";

    /// <summary>The IWAD for ExMy levels (Doom 1 style); Debian's freedoom1 stands in for Doom's.</summary>
    public string Doom1 { get; set; } = "/usr/share/games/doom/freedoom1.wad";

    /// <summary>The IWAD for MAPxx levels (Doom 2 style); Debian's freedoom2 stands in for Doom II's.</summary>
    public string Doom2 { get; set; } = "/usr/share/games/doom/freedoom2.wad";
}
