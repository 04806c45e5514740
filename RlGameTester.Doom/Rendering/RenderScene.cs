using System.Collections.Immutable;
using System.Text.RegularExpressions;
using RlGameTester.Doom.Graphics;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Specials;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Rendering;

/// <summary>
/// A level prepared for drawing: its BSP tree, sectors, sides and segs in fixed point, the wall textures, flats and
/// sprites it uses, COLORMAP, the sky, and the things a single player sees on one skill, each placed in its sector.
/// Immutable once made, so one scene serves any number of <see cref="ViewRenderer"/>s on any threads.
/// <para>
/// Names that resolve to nothing are kept, as Doom's renderer would see them: an unknown or missing ("-") wall texture
/// is texture 0, which Doom does not draw; an unknown flat leaves its planes undrawn (vanilla refuses to load the
/// level); an unknown thing type or a sprite without all its rotations is not drawn. <see cref="MissingTextures"/>,
/// <see cref="MissingFlats"/> and <see cref="ThingsWithoutSprite"/> list them.
/// </para>
/// </summary>
public sealed partial class RenderScene
{
    /// <summary>The eye's height above the floor (Doom's VIEWHEIGHT).</summary>
    public const int EyeHeight = 41;

    private RenderScene(Level level, BspTree tree)
    {
        Level = level;
        Tree = tree;
    }

    public Level Level { get; }

    public BspTree Tree { get; }

    /// <summary>The sky texture's name (Doom picks it by episode or map number).</summary>
    public string SkyTextureName { get; private set; } = "SKY1";

    /// <summary>Wall texture names the level uses that no WAD defines (drawn as Doom draws texture 0: not at all).</summary>
    public ImmutableArray<string> MissingTextures { get; private set; } = [];

    /// <summary>Flat names the level uses that no WAD has (their planes are left undrawn).</summary>
    public ImmutableArray<string> MissingFlats { get; private set; } = [];

    /// <summary>Things of the chosen skill that would be drawn but have no known sprite or no complete frame.</summary>
    public int ThingsWithoutSprite { get; private set; }

    internal int[] SectorFloor { get; private set; } = [];

    internal int[] SectorCeiling { get; private set; } = [];

    internal int[] SectorFloorPic { get; private set; } = [];

    internal int[] SectorCeilingPic { get; private set; } = [];

    internal int[] SectorLight { get; private set; } = [];

    /// <summary>Sectors the level may move while played (<see cref="MovableSectors"/>): drawn as the level starts, not as later seen.</summary>
    internal bool[] SectorMayMove { get; private set; } = [];

    internal SceneThing[][] SectorThings { get; private set; } = [];

    /// <summary>Per seg: the sidedef it draws, its front and back sector (-1 when one-sided), its line's flags.</summary>
    internal int[] SegSide { get; private set; } = [];

    internal int[] SegFront { get; private set; } = [];

    internal int[] SegBack { get; private set; } = [];

    internal LinedefFlags[] SegFlags { get; private set; } = [];

    internal int[] SubsectorSector { get; private set; } = [];

    /// <summary>Per sidedef: texture numbers (0 = none) and offsets in fixed point.</summary>
    internal int[] SideTop { get; private set; } = [];

    internal int[] SideBottom { get; private set; } = [];

    internal int[] SideMid { get; private set; } = [];

    internal int[] SideTextureOffset { get; private set; } = [];

    internal int[] SideRowOffset { get; private set; } = [];

    /// <summary>Texture 0 is "no texture".</summary>
    internal WallTexture?[] Textures { get; private set; } = [];

    /// <summary>Flat data (4096 palette indices) by flat number; null for a missing flat.</summary>
    internal byte[]?[] Flats { get; private set; } = [];

    internal int SkyFlat { get; private set; } = -1;

    internal WallTexture? Sky { get; private set; }

    /// <summary>34 (or at least 32) tables of 256 entries; the identity when no WAD has a COLORMAP.</summary>
    internal byte[] Colormaps { get; private set; } = [];

    /// <summary>Prepares a level for rendering with the things of one skill (Doom's default is skill 3, "Hurt me plenty").</summary>
    /// <param name="level">The level.</param>
    /// <param name="resources">Its textures, flats, sprites, palette and COLORMAP.</param>
    /// <param name="entry">The level's lumps, for its nodes; without them (or for UDMF) a tree is built.</param>
    /// <param name="skill">The skill whose things are drawn.</param>
    /// <exception cref="WadFormatException">A texture's patch or a flat is damaged beyond decoding.</exception>
    public static RenderScene Create(Level level, ResourceSet resources, LevelEntry? entry = null, Skills skill = Skills.Skill3) =>
        Create(level, resources, BspTree.For(level, entry), skill);

    /// <summary>Prepares a level for rendering with a tree made beforehand.</summary>
    public static RenderScene Create(Level level, ResourceSet resources, BspTree tree, Skills skill = Skills.Skill3)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(tree);
        var scene = new RenderScene(level, tree);
        scene.Prepare(resources, skill);
        return scene;
    }

    /// <summary>The sky Doom shows on a level: SKY1-4 by episode for ExMy, SKY1/2/3 for MAP01-11/12-20/21+.</summary>
    public static string SkyFor(string levelName)
    {
        ArgumentNullException.ThrowIfNull(levelName);
        var episode = EpisodeMap().Match(levelName);
        if (episode.Success)
        {
            return "SKY" + Math.Clamp(episode.Groups[1].Value[0] - '0', 1, 4);
        }

        var map = MapNumber().Match(levelName);
        if (map.Success)
        {
            var number = int.Parse(map.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return number < 12 ? "SKY1" : number < 21 ? "SKY2" : "SKY3";
        }

        return "SKY1";
    }

    /// <summary>The sector a point lies in, found through the BSP tree as Doom finds it.</summary>
    public int SectorAt(double x, double y) => SubsectorSector.Length == 0 ? 0 : SubsectorSector[Tree.SubsectorAt(Fixed.From(x), Fixed.From(y))];

    private void Prepare(ResourceSet resources, Skills skill)
    {
        var textureNumbers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var textures = new List<WallTexture?> { null };
        var missingTextures = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        int TextureNumber(string name)
        {
            if (Sidedef.IsNoTexture(name))
            {
                return 0;
            }

            if (!textureNumbers.TryGetValue(name, out var number))
            {
                var image = resources.ComposeTexture(name);
                if (image is null)
                {
                    missingTextures.Add(name);
                    number = 0;
                }
                else
                {
                    textures.Add(WallTexture.From(image));
                    number = textures.Count - 1;
                }

                textureNumbers[name] = number;
            }

            return number;
        }

        var sides = Level.Sidedefs;
        SideTop = new int[sides.Length];
        SideBottom = new int[sides.Length];
        SideMid = new int[sides.Length];
        SideTextureOffset = new int[sides.Length];
        SideRowOffset = new int[sides.Length];
        for (var i = 0; i < sides.Length; i++)
        {
            SideTop[i] = TextureNumber(sides[i].UpperTexture);
            SideBottom[i] = TextureNumber(sides[i].LowerTexture);
            SideMid[i] = TextureNumber(sides[i].MiddleTexture);
            SideTextureOffset[i] = sides[i].OffsetX << Fixed.FracBits;
            SideRowOffset[i] = sides[i].OffsetY << Fixed.FracBits;
        }

        Textures = [.. textures];
        MissingTextures = [.. missingTextures];
        SkyTextureName = SkyFor(Level.Name);
        Sky = resources.ComposeTexture(SkyTextureName) is { } sky ? WallTexture.From(sky) : null;
        PrepareSectors(resources);
        SectorMayMove = MovableSectors.Of(Level);
        PrepareSegs();
        Colormaps = resources.Colormaps ?? IdentityColormaps();
        PrepareThings(resources, skill);
    }

    private void PrepareSectors(ResourceSet resources)
    {
        var flatNumbers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var flats = new List<byte[]?>();
        var missing = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        int FlatNumber(string name)
        {
            if (!flatNumbers.TryGetValue(name, out var number))
            {
                number = flats.Count;
                flatNumbers[name] = number;
                if (ResourceSet.IsSkyFlat(name))
                {
                    SkyFlat = number;
                    flats.Add(null);
                }
                else if (resources.DecodeFlat(name) is { } flat)
                {
                    // Doom reads a flat as 64x64; a larger one's first 4096 bytes are its top rows.
                    flats.Add(flat.Pixels.AsSpan(0, 4096).ToArray());
                }
                else
                {
                    missing.Add(name);
                    flats.Add(null);
                }
            }

            return number;
        }

        var sectors = Level.Sectors;
        SectorFloor = new int[sectors.Length];
        SectorCeiling = new int[sectors.Length];
        SectorFloorPic = new int[sectors.Length];
        SectorCeilingPic = new int[sectors.Length];
        SectorLight = new int[sectors.Length];
        for (var i = 0; i < sectors.Length; i++)
        {
            SectorFloor[i] = sectors[i].FloorHeight << Fixed.FracBits;
            SectorCeiling[i] = sectors[i].CeilingHeight << Fixed.FracBits;
            SectorFloorPic[i] = FlatNumber(sectors[i].FloorFlat);
            SectorCeilingPic[i] = FlatNumber(sectors[i].CeilingFlat);
            SectorLight[i] = Math.Clamp(sectors[i].LightLevel, 0, 255);
        }

        Flats = [.. flats];
        MissingFlats = [.. missing];
    }

    private void PrepareSegs()
    {
        var segs = Tree.Segs;
        SegSide = new int[segs.Length];
        SegFront = new int[segs.Length];
        SegBack = new int[segs.Length];
        SegFlags = new LinedefFlags[segs.Length];
        for (var i = 0; i < segs.Length; i++)
        {
            var line = Level.Linedefs[segs[i].Linedef];
            var side = segs[i].Side == 0 ? line.FrontSide : line.BackSide;
            var other = segs[i].Side == 0 ? line.BackSide : line.FrontSide;
            SegSide[i] = side;
            SegFront[i] = Level.Sidedefs[side].Sector;

            // As P_LoadSegs: a back sector only through the two-sided flag (and, here, an actual other side).
            SegBack[i] = line.HasFlag(LinedefFlags.TwoSided) && other >= 0 ? Level.Sidedefs[other].Sector : -1;
            SegFlags[i] = line.Flags;
        }

        SubsectorSector = new int[Tree.Subsectors.Length];
        for (var i = 0; i < SubsectorSector.Length; i++)
        {
            var subsector = Tree.Subsectors[i];
            SubsectorSector[i] = subsector.SegCount == 0 ? 0 : SegFront[subsector.FirstSeg];
        }
    }

    private void PrepareThings(ResourceSet resources, Skills skill)
    {
        var bySector = new List<SceneThing>[Level.Sectors.Length];
        if (bySector.Length == 0)
        {
            SectorThings = [];
            return;
        }

        var frames = new SpriteFrames(resources);
        foreach (var thing in Level.Things)
        {
            if ((thing.Skills & skill) == 0 || (thing.Modes & GameModes.SinglePlayer) == 0)
            {
                continue;
            }

            var info = ThingTypes.Find(thing.Type);
            if (info?.Category is ThingCategory.PlayerStart or ThingCategory.DeathmatchStart or ThingCategory.TeleportDestination)
            {
                continue;
            }

            var sprite = ThingSprites.Find(thing.Type);
            var frame = sprite is { } s ? frames.Find(s.Sprite, s.Frame) : null;
            if (frame is null)
            {
                // The boss brain's spawner and targets are invisible in play too.
                ThingsWithoutSprite += thing.Type is 87 or 89 ? 0 : 1;
                continue;
            }

            var x = Fixed.From(thing.X);
            var y = Fixed.From(thing.Y);
            var sector = SectorAt(thing.X, thing.Y);
            var z = info is { Hangs: true }
                ? SectorCeiling[sector] - (info.Height << Fixed.FracBits)
                : SectorFloor[sector] + Fixed.From(thing.Z);

            // Doom turns a map angle into whole 45-degree steps when it spawns the thing.
            var angle = Trig.Ang45 * (uint)(((thing.Angle % 360) + 360) % 360 / 45);
            (bySector[sector] ??= []).Add(new SceneThing(x, y, z, angle, frame, sprite!.Value.FullBright, sprite.Value.Shadow));
        }

        SectorThings = Array.ConvertAll(bySector, list => list is null ? [] : list.ToArray());
    }

    private static byte[] IdentityColormaps()
    {
        var maps = new byte[34 * 256];
        for (var i = 0; i < maps.Length; i++)
        {
            maps[i] = (byte)(i & 255);
        }

        return maps;
    }

    [GeneratedRegex(@"^E(\d)M\d+$", RegexOptions.IgnoreCase)]
    private static partial Regex EpisodeMap();

    [GeneratedRegex(@"^MAP(\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex MapNumber();
}
