using System.Collections.Immutable;
using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Actors;
using RlGameTester.Doom.Checks;

namespace RlGameTester.Doom.Levels;

/// <summary>
/// One level's map data, normalised across the Doom, Hexen and UDMF formats. Every index it holds
/// (vertex, sidedef, sector) is known to be in range: readers refuse levels where no port could load it, and
/// repair the rest as the ports do, listing what they repaired in <see cref="ReadProblems"/>.
/// </summary>
public sealed class Level
{
    internal Level(
        string name,
        LevelFormat format,
        string? udmfNamespace,
        ImmutableArray<Thing> things,
        ImmutableArray<Linedef> linedefs,
        ImmutableArray<Sidedef> sidedefs,
        ImmutableArray<Vertex> vertices,
        ImmutableArray<Sector> sectors,
        bool hasScripts,
        bool usesDoomSpecials,
        ImmutableArray<LevelReadProblem> readProblems)
    {
        Name = name;
        Format = format;
        UdmfNamespace = udmfNamespace;
        Things = things;
        Linedefs = linedefs;
        Sidedefs = sidedefs;
        Vertices = vertices;
        Sectors = sectors;
        HasScripts = hasScripts;
        UsesDoomSpecials = usesDoomSpecials;
        ReadProblems = readProblems;
    }

    /// <summary>The marker lump's name, e.g. <c>E1M1</c> or <c>MAP01</c>.</summary>
    public string Name { get; }

    public LevelFormat Format { get; }

    /// <summary>The UDMF <c>namespace</c> (lower-cased), or null for binary levels.</summary>
    public string? UdmfNamespace { get; }

    public ImmutableArray<Thing> Things { get; }

    public ImmutableArray<Linedef> Linedefs { get; }

    public ImmutableArray<Sidedef> Sidedefs { get; }

    /// <summary>
    /// All vertices as stored. In binary levels this includes the vertices a node builder appended
    /// for split segs, which no linedef uses.
    /// </summary>
    public ImmutableArray<Vertex> Vertices { get; }

    public ImmutableArray<Sector> Sectors { get; }

    /// <summary>True when the level carries ACS (a BEHAVIOR lump), which may act on the map at run time.</summary>
    public bool HasScripts { get; }

    /// <summary>
    /// True when line and sector specials use Doom's numbering: binary Doom levels, and UDMF levels GZDoom translates
    /// (the Doom, Heretic, Strife and ZDoomTranslated namespaces, and a namespace that is missing, unknown or not
    /// the first statement, which GZDoom reads as the Doom game's own); otherwise they use Hexen/ZDoom's
    /// parameterised specials.
    /// </summary>
    public bool UsesDoomSpecials { get; }

    /// <summary>Defects in the level's data that the ports load past, loaded as they load them.</summary>
    public ImmutableArray<LevelReadProblem> ReadProblems { get; }

    /// <summary>
    /// The actors of the mod the level is played with (none unless <see cref="WithActors"/> gives them): a port spawns
    /// the mod's replacement wherever the map places a replaced Doom thing, so its deaths may end the level.
    /// </summary>
    public ModActors Actors { get; private init; } = ModActors.None;

    /// <summary>
    /// Whether only the ZDoom family's ports (and Hexen's engine) play the level, so their rules hold where they differ
    /// from Doom's engines: a level in Hexen's format or UDMF, or a Doom-format map whose mod defines actors only they
    /// read (Batman Doom Reborn, Hacx 2.0).
    /// </summary>
    public bool MadeForZDoomPorts => Format != LevelFormat.Doom || Actors.ZDoomOnly;

    /// <summary>
    /// Whether every port the level is made for lets the player jump: Hexen and the ZDoom family do
    /// (<see cref="MadeForZDoomPorts"/>); Doom's engines do not, nor a ZDoom port on a level whose MAPINFO says
    /// <c>nojump</c> (Jonathan's Arcade Mapping Project 2). The explorer and the trajectory validator jump only here.
    /// </summary>
    public bool PlayerCanJump => MadeForZDoomPorts && Actors.JumpAllowed(Name);

    /// <summary>
    /// Whether some port that plays the level lets the player jump: also a Doom-format map that ships a MAPINFO, which
    /// only ZDoom-family ports read (Mr. Smiley Head's Safari II's ExMy maps, and freedoom's, read there for level names).
    /// The proof search lets the player jump here, so that a "proven" verdict leaves out no jump a port allows.
    /// </summary>
    public bool PlayerMayJump => (Format != LevelFormat.Doom || Actors.ForZDoomPorts) && Actors.JumpAllowed(Name);

    /// <summary>
    /// The level's compiled ACS (its BEHAVIOR lump), <see cref="AcsModule.Empty"/> without one. A lump that cannot be read
    /// keeps <see cref="AcsModule.Problem"/>, also among <see cref="ReadProblems"/> (GZDoom plays such a level without it).
    /// </summary>
    public AcsModule Scripts { get; private init; } = AcsModule.Empty;

    /// <summary>UDMF vertices' <c>zfloor</c> and <c>zceiling</c>, by vertex: GZDoom slopes a triangular sector's planes by them.</summary>
    public IReadOnlyDictionary<int, VertexHeight> VertexHeights { get; internal init; } = new Dictionary<int, VertexHeight>();

    internal Level WithScripts(AcsModule scripts) => new(Name, Format, UdmfNamespace, Things, Linedefs, Sidedefs, Vertices, Sectors, HasScripts, UsesDoomSpecials,
        scripts.Problem is { } problem ? ReadProblems.Add(new LevelReadProblem(CheckNames.AcsUnreadable, FindingSeverity.Minor, ElementKind.Level, null, problem)) : ReadProblems)
    {
        Actors = Actors,
        Textures = Textures,
        Scripts = scripts,
        VertexHeights = VertexHeights,
    };

    /// <summary>
    /// The sectors as drawn, whose heights slopes are built from (GZDoom aligns them when the level loads): play may
    /// give a sector another height (a 3D floor's space) and a slope beside it keeps its plane.
    /// </summary>
    internal ImmutableArray<Sector> DrawnSectors => _drawnSectors ?? Sectors;

    private ImmutableArray<Sector>? _drawnSectors;

    /// <summary>The same level with other sector heights and line specials (what play reads of ZDoom's 3D floors).</summary>
    internal Level WithPlay(ImmutableArray<Sector> sectors, ImmutableArray<Linedef> linedefs) =>
        WithPlay(sectors, linedefs, Sidedefs, Vertices, Things);

    /// <summary>The same level with other sectors, lines, sides, vertices and things (where play puts polyobjects).</summary>
    internal Level WithPlay(ImmutableArray<Sector> sectors, ImmutableArray<Linedef> linedefs, ImmutableArray<Sidedef> sidedefs, ImmutableArray<Vertex> vertices, ImmutableArray<Thing> things, IReadOnlyDictionary<int, int>? polyobjectTags = null) =>
        Copy(sectors, linedefs, sidedefs, vertices, things, Actors, polyobjectTags ?? PolyobjectTags);

    /// <summary>
    /// The tag of each polyobject's sector by the polyobject's number, once play has placed them (<see cref="Polyobjects"/>);
    /// empty for a level as read.
    /// </summary>
    public IReadOnlyDictionary<int, int> PolyobjectTags { get; private init; } = new Dictionary<int, int>();

    /// <summary>
    /// The heights of the textures the level is played with (<see cref="WithTextures"/>), for the moves that raise a floor
    /// by its shortest lower texture; <see cref="TextureHeights.None"/> for a level read alone (those moves are guessed).
    /// </summary>
    public TextureHeights Textures { get; private init; } = TextureHeights.None;

    /// <summary>The same level played with these textures (its WAD's and its IWAD's).</summary>
    public Level WithTextures(TextureHeights textures)
    {
        ArgumentNullException.ThrowIfNull(textures);
        return Copy(Sectors, Linedefs, Sidedefs, Vertices, Things, Actors, PolyobjectTags, textures);
    }

    /// <summary>The same level played with a mod's actors.</summary>
    public Level WithActors(ModActors actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        return actors.IsEmpty ? this : Copy(Sectors, Linedefs, Sidedefs, Vertices, Things, actors, PolyobjectTags);
    }

    // The copies play and mods make of this level: what was read beside the map data (scripts, vertex heights) comes along.
    // The sectors drawn stay those read; sectors play adds (polyobjects') are drawn as they are added.
    private Level Copy(ImmutableArray<Sector> sectors, ImmutableArray<Linedef> linedefs, ImmutableArray<Sidedef> sidedefs, ImmutableArray<Vertex> vertices, ImmutableArray<Thing> things, ModActors actors, IReadOnlyDictionary<int, int> polyobjectTags, TextureHeights? textures = null) =>
        new(Name, Format, UdmfNamespace, things, linedefs, sidedefs, vertices, sectors, HasScripts, UsesDoomSpecials, ReadProblems)
        {
            Actors = actors,
            Textures = textures ?? Textures,
            Scripts = Scripts,
            VertexHeights = VertexHeights,
            PolyobjectTags = polyobjectTags,
            _drawnSectors = sectors.Length > DrawnSectors.Length ? DrawnSectors.AddRange(sectors[DrawnSectors.Length..]) : DrawnSectors,
        };
}
