using System.ComponentModel.DataAnnotations;

namespace RlGameTester.Analysis.Frames;

/// <summary>
/// Thresholds of the frame checks (configuration section <c>Analysis:Frames</c>). Luminance and colour values are
/// 0-255; fractions are of the analysed view (the frame without the status bar, downscaled to
/// <see cref="AnalysisWidth"/>). The defaults are the ones the tests measure detection and false-positive rates with.
/// </summary>
internal sealed class FrameCheckOptions
{
    public const string SectionName = "Analysis:Frames";

    /// <summary>Game ticks per second (Doom: 35); turns <see cref="FrozenSeconds"/> into ticks.</summary>
    [Range(1, 1000)]
    public int TickRate { get; set; } = 35;

    /// <summary>
    /// Share of the frame's height taken by the status bar at the bottom (Doom: 32 of 200 rows). It is static by
    /// design, so the checks look only above it. 0 for frames rendered without one (full-screen HUD).
    /// </summary>
    [Range(0.0, 0.5)]
    public double StatusBarFraction { get; set; } = 32.0 / 200.0;

    /// <summary>Width the view is downscaled to (by a whole factor) before any statistics: the cost per frame hardly depends on the frame size.</summary>
    [Range(32, 1024)]
    public int AnalysisWidth { get; set; } = 160;

    /// <summary>Side, in analysis pixels, of the square cells that local statistics (texture, noise, staleness) are taken over.</summary>
    [Range(4, 32)]
    public int CellSize { get; set; } = 8;

    /// <summary>Width of the evidence thumbnail (PNG) attached to each finding.</summary>
    [Range(16, 1024)]
    public int ThumbnailWidth { get; set; } = 160;

    /// <summary>Findings of one check closer than this many unflagged frames are merged into one range.</summary>
    [Range(0, 100)]
    public int MaxGapFrames { get; set; } = 1;

    /// <summary>Luminance at or below which a pixel counts as black.</summary>
    [Range(0, 128)]
    public int BlackLevel { get; set; } = 16;

    /// <summary>
    /// A view is black when no more than this share of it is brighter than <see cref="BlackLevel"/>. Doom's dark rooms
    /// (light 48 and up) keep the weapon, near walls and floor lit above it.
    /// </summary>
    [Range(0.0, 0.5)]
    public double BlackMaxLitFraction { get; set; } = 0.003;

    /// <summary>
    /// A dark view is a black frame (nothing rendered) only when no more than this share of it is above
    /// <see cref="BlackNoiseLevel"/>: the renderer's failure leaves the buffer one exact black, while Doom's darkest
    /// light levels still draw walls and floors in the faintest shades of its colour maps, which is a dark area, no glitch.
    /// </summary>
    [Range(0.0, 1.0)]
    public double BlackMaxShadedFraction { get; set; } = 0.05;

    /// <summary>
    /// A black view under a drawn status bar starts a black frame only when the view before it had at least this share
    /// brighter than <see cref="BlackLevel"/>: in a sector of light 0-40 Doom itself draws the view black, frame after
    /// frame, and turning into it from a lit doorway leaves little lit before the cut; a renderer that fails cuts to black
    /// from a view with much of it lit. (A whole
    /// screen black, status bar included, needs no such view before it.)
    /// </summary>
    [Range(0.0, 1.0)]
    public double BlackMinLitBefore { get; set; } = 0.2;

    /// <summary>Luminance up to which a pixel of a dark view counts as pure black (absorbs JPEG noise).</summary>
    [Range(0, 16)]
    public int BlackNoiseLevel { get; set; } = 2;

    /// <summary>Per-channel tolerance around a colour for pixels to count as that one flat colour.</summary>
    [Range(0, 32)]
    public int UniformTolerance { get; set; } = 3;

    /// <summary>A view is blank when at least this share of it is one flat colour.</summary>
    [Range(0.5, 1.0)]
    public double BlankMinFraction { get; set; } = 0.95;

    /// <summary>
    /// Smallest share of the view one flat colour must cover to be reported as an undrawn area filled with a clear
    /// colour (<c>+r_clearbuffer</c>). Doom's lighting leaves no large region of one exact colour in a drawn view.
    /// </summary>
    [Range(0.001, 0.9)]
    public double ClearColourMinFraction { get; set; } = 0.02;

    /// <summary>
    /// Flat colours darker than this are shadow, not a clear fill: dark rooms fade to one near-black colour, and a
    /// light-48 room drawn by the renderer showed 72 % of its view one dark grey (#1B1B1B, luma 27).
    /// </summary>
    [Range(0, 255)]
    public int ClearColourMinLuma { get; set; } = 32;

    /// <summary>
    /// Consecutive frames, with the camera moving, that a flat-colour area must keep exactly its colour: a real
    /// surface's colour changes with distance and light as the player moves; a clear colour does not. 3 (was 4, when
    /// plain brown texels close up held their lit colour for 3 frames; <see cref="ClearColourMinConvexity"/> now tells
    /// those from a hole, and a hole is often in view for only 3 frames).
    /// </summary>
    [Range(1, 1000)]
    public int ClearColourMinFrames { get; set; } = 3;

    /// <summary>Share of a flat-colour area that must survive a 3x3 erosion: a solid region, not scattered pixels.</summary>
    [Range(0.0, 1.0)]
    public double ClearColourMinSolidity { get; set; } = 0.5;

    /// <summary>
    /// Least share of a flat colour's pixels in its largest patch for it to be a clear colour: the renderer's clear colour
    /// shows where nothing was drawn, a hole in one piece; a colour of a lit texture (a wall with large patches of one
    /// colour, close by) repeats in many patches across the surface, between the texture's lines. Specks under 3x3
    /// pixels do not count: a texture's single pixels of that shade are no patch.
    /// </summary>
    [Range(0.0, 1.0)]
    public double ClearColourMinLargestShare { get; set; } = 0.9;

    /// <summary>
    /// Least area of the clear colour's largest patch over its convex hull's: an undrawn wall is a trapezoid (0.9 and
    /// up even with a sprite or the weapon cut into it), while a plain area of a texture close up has the texture's
    /// other shades cut into it (freedoom's AGM sign: letters; a tan wall: red drips), which 3 frames of one lit colour
    /// at point blank otherwise pass.
    /// </summary>
    [Range(0.0, 1.0)]
    public double ClearColourMinConvexity { get; set; } = 0.9;

    /// <summary>
    /// Share of all the view's cells that must change for a frame to count towards a clear colour's streak: the camera
    /// moves only if the view around the flat area does. Walking into a plain dark wall (freedoom1 E1M6's explorer
    /// path) leaves a strip of textured cells that change while 75 % of the view is one colour.
    /// </summary>
    [Range(0.0, 1.0)]
    public double ClearColourMinMovingCells { get; set; } = 0.2;

    /// <summary>
    /// How long the view may stay unchanged while the agent acts before it is reported as frozen. 1.7 s (was 2): a
    /// freeze of 60 tics while the player moves is a glitch a tester sees, and an agent's legitimate still view while
    /// acting (pushing into a wall, 1-1.6 s in the rates corpus) stays under it.
    /// </summary>
    [Range(0.1, 3600.0)]
    public double FrozenSeconds { get; set; } = 1.7;

    /// <summary>
    /// Share of a textured view that must repeat one flat's width (64 of the screen's 320) to the right for the frame to be
    /// a story screen (a flat tiled over the screen, text typed over it), on which the scene checks (clear-colour fill,
    /// missing texture, noise, Hall of Mirrors) do not run: a level's view never repeats that exactly.
    /// </summary>
    [Range(0.5, 1.0)]
    public double TiledScreenMinFraction { get; set; } = 0.8;

    /// <summary>Luminance difference within which two pixels a flat's width apart count as the same (absorbs JPEG noise).</summary>
    [Range(0, 64)]
    public int TiledScreenTolerance { get; set; } = 8;

    /// <summary>Mean difference between horizontal neighbours below which a view is too smooth to call tiled.</summary>
    [Range(0, 255)]
    public double TiledScreenMinRoughness { get; set; } = 2;

    /// <summary>A pixel has changed when its luminance moved by more than this (absorbs JPEG noise).</summary>
    [Range(0, 64)]
    public int ChangeTolerance { get; set; } = 3;

    /// <summary>A frame is unchanged when no more than this share of the view changed (Doom's blinking menu skull is 0.5 %).</summary>
    [Range(0.0, 0.5)]
    public double FrozenMaxChangedFraction { get; set; } = 0.002;

    /// <summary>Smallest mean luminance change between consecutive frames that can be a flicker.</summary>
    [Range(0.0, 255.0)]
    public double FlickerMinDelta { get; set; } = 4;

    /// <summary>
    /// Mean luminance change relative to the brighter frame's mean luminance that counts as a large delta: a dark view
    /// blinking to black changes little in absolute terms; a muzzle flash (+16 light levels) brightens by about 12 %.
    /// </summary>
    [Range(0.0, 10.0)]
    public double FlickerMinRelativeDelta { get; set; } = 0.3;

    /// <summary>
    /// A large delta is a flicker when the frame is back near the one two frames before: the change against that frame
    /// is at most this share of the change against the previous one. Fast turns change both a lot, so they do not count.
    /// </summary>
    [Range(0.0, 1.0)]
    public double FlickerMaxReturnRatio { get; set; } = 0.4;

    /// <summary>Consecutive flicker frames (A B A B...) needed for a finding.</summary>
    [Range(1, 1000)]
    public int FlickerMinFrames { get; set; } = 3;

    /// <summary>Share of the view's cells that must change for the camera to count as moving (stale areas show only then).</summary>
    [Range(0.0, 1.0)]
    public double HallOfMirrorsMinMovingFraction { get; set; } = 0.4;

    /// <summary>
    /// Textured cells that must stay exactly unchanged while the camera moves: below the horizon, and above it in the
    /// columns of those (a hole spans the horizon). 4, not 3, since the cells above count: a narrow strip straight ahead
    /// (a door frame on freedoom1 E4M3's explorer path) kept 3 cells unchanged in a column; a hole is wider.
    /// </summary>
    [Range(1, 10_000)]
    public int HallOfMirrorsMinCells { get; set; } = 4;

    /// <summary>
    /// Consecutive frames with a stale area needed for a finding. 2, not 3: a rendered hole that vanilla fills with
    /// the previous frame is often in view only a few frames while the player moves, and no clean clip kept a
    /// textured area exactly for 2 frames while the rest of the view moved.
    /// </summary>
    [Range(1, 1000)]
    public int HallOfMirrorsMinFrames { get; set; } = 2;

    /// <summary>
    /// Luminance standard deviation above which a cell is textured (stale black or flat shadow is not evidence). 3, not
    /// 6: freedoom's walls in the renderer's diminished light vary by less than 6, so a stale copy of one was not counted.
    /// </summary>
    [Range(0.0, 128.0)]
    public double TexturedMinStd { get; set; } = 3;

    /// <summary>
    /// The weapon sprite: a box at the bottom centre of the view (fractions of its width and height) that stays still
    /// while the player turns without moving, so its staleness is no evidence.
    /// </summary>
    [Range(0.0, 0.5)]
    public double WeaponZoneHalfWidth { get; set; } = 0.25;

    /// <summary>Top of the weapon box, as a fraction of the view's height.</summary>
    [Range(0.0, 1.0)]
    public double WeaponZoneTop { get; set; } = 0.7;

    /// <summary>Luminance standard deviation a cell needs before its roughness is judged (flat and dark cells are not noise).</summary>
    [Range(0.0, 128.0)]
    public double NoiseMinStd { get; set; } = 16;

    /// <summary>
    /// Mean neighbour difference (horizontal and vertical averaged) over standard deviation above which a cell may be
    /// noise: about 1.1 for independent random pixels, mostly 0.1-0.6 for rendered textures, whose neighbours are alike.
    /// </summary>
    [Range(0.0, 4.0)]
    public double NoiseMinRoughness { get; set; } = 0.8;

    /// <summary>The same ratio along the smoother axis: rough both ways, unlike striped (aliased) floors and ceilings.</summary>
    [Range(0.0, 4.0)]
    public double NoiseMinAxisRoughness { get; set; } = 0.5;

    /// <summary>
    /// Colour roughness (mean |dCr| + |dCb| between neighbours) over luma roughness a cell needs to be noise: random
    /// pixels change hue as much as brightness from pixel to pixel (about 2 for random RGB), while a busy lit texture,
    /// drawn from a few of the palette's colour ramps, changes mostly in brightness (far rocky walls alias into
    /// pixel-sized detail as rough as noise in luma, but not in hue).
    /// </summary>
    [Range(0.0, 10.0)]
    public double NoiseMinChromaRatio { get; set; } = 0.5;

    /// <summary>
    /// Share of the view's cells that must be rough and alike (the same spread and roughness, within 20 % and 0.15):
    /// random pixels look the same everywhere, while detailed art (title screen, menus) is rough in varied ways.
    /// </summary>
    [Range(0.0, 1.0)]
    public double NoiseMinFraction { get; set; } = 0.13;

    /// <summary>
    /// Luminance range a cell needs to be a missing-texture checkerboard. 32, not 48: a port lights the pattern like
    /// any texture, and in a dim sector its two colours come closer than 48.
    /// </summary>
    [Range(0, 255)]
    public int CheckerMinContrast { get; set; } = 32;

    /// <summary>
    /// Two-colour measure (2 x standard deviation / range): 1 for a cell split evenly between two flat colours, as a
    /// checkerboard is; rendered textures have many shades and score 0.3-0.6.
    /// </summary>
    [Range(0.0, 1.0)]
    public double CheckerMinBimodality { get; set; } = 0.85;

    /// <summary>
    /// The smaller over the larger of a cell's two diagonal neighbour differences a checkerboard cell needs: a square
    /// grid's edges are crossed alike by both diagonals, while diagonal stripes (freedoom's hazard signs, close up
    /// on explorer paths) are crossed by one and run along the other.
    /// </summary>
    [Range(0.0, 1.0)]
    public double CheckerMinDiagonalBalance { get; set; } = 0.6;

    /// <summary>Checkerboard cells, alike in brightness and contrast (one pattern), needed for a finding.</summary>
    [Range(1, 10_000)]
    public int CheckerMinCells { get; set; } = 4;

    /// <summary>Frozen-video threshold in ticks.</summary>
    internal int FrozenTicks => Math.Max(1, (int)Math.Round(FrozenSeconds * TickRate));
}
