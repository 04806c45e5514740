using RlGameTester.Doom.Graphics;

namespace RlGameTester.Doom.Rendering;

/// <summary>
/// Doom's software renderer (chocolate-doom's r_main, r_bsp, r_segs, r_plane, r_things and r_draw, rewritten): the BSP
/// walked front to back, solid and two-sided walls clipped column by column, floors and ceilings gathered into
/// visplanes and drawn as spans, the sky, sprites sorted and clipped against walls, light through COLORMAP by sector
/// level and distance. All in 16.16 fixed point, so a view is the same bytes on every run and machine.
/// <para>
/// An instance holds one frame's working state: use one per thread (the <see cref="RenderScene"/> can be shared).
/// Vanilla's static limits are counted, never enforced; <see cref="RenderStatistics"/> reports what a view passed.
/// </para>
/// </summary>
public sealed partial class ViewRenderer
{
    private const int LightLevels = 16;
    private const int LightSegShift = 4;
    private const int MaxLightScale = 48;
    private const int LightScaleShift = 12;
    private const int MaxLightZ = 128;
    private const int LightZShift = 20;
    private const int NumColormaps = 32;
    private const int DistMap = 2;
    private const int FieldOfView = 2048;
    private const int DoomWidth = 320;

    private readonly RenderScene _scene;
    private readonly RenderOptions _options;
    private readonly int _width;
    private readonly int _height;
    private readonly int _centerX;
    private readonly int _centerY;
    private readonly int _centerXFrac;
    private readonly int _centerYFrac;
    private readonly int _projection;
    private readonly uint[] _xToViewAngle;
    private readonly int[] _viewAngleToX;
    private readonly uint _clipAngle;
    private readonly int[] _ySlope;
    private readonly int[] _distScale;

    // Light tables as offsets into the colormaps: [level * MaxLightScale + scale] and [level * MaxLightZ + z].
    private readonly int[] _scaleLight;
    private readonly int[] _zLight;
    private readonly byte[] _colormaps;
    private readonly byte[] _screen;

    private int _viewX;
    private int _viewY;
    private int _viewZ;
    private uint _viewAngle;
    private int _viewSin;
    private int _viewCos;
    private int _subsectorsVisited;
    private int _missingTextureColumns;
    private int _missingTextureColumnsAtMovers;
    private int _missingFlatPlanes;
    private int _skyPixels;

    /// <summary>Makes a renderer for a scene at the options' size.</summary>
    public ViewRenderer(RenderScene scene, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scene);
        _scene = scene;
        _options = options ?? RenderOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Width, 16, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.Width, 4096, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Height, 16, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.Height, 4096, nameof(options));
        _width = _options.Width;
        _height = _options.Height;
        _centerX = _width / 2;
        _centerY = _height / 2;
        _centerXFrac = _centerX << Fixed.FracBits;
        _centerYFrac = _centerY << Fixed.FracBits;
        _projection = _centerXFrac;
        _colormaps = scene.Colormaps;
        _screen = new byte[_width * _height];
        (_viewAngleToX, _xToViewAngle) = TextureMapping();
        _clipAngle = _xToViewAngle[0];
        _ySlope = new int[_height];
        for (var i = 0; i < _height; i++)
        {
            var dy = Math.Abs(((i - (_height / 2)) << Fixed.FracBits) + (Fixed.FracUnit / 2));
            _ySlope[i] = Fixed.Div(_width / 2 * Fixed.FracUnit, dy);
        }

        _distScale = new int[_width];
        for (var i = 0; i < _width; i++)
        {
            _distScale[i] = Fixed.Div(Fixed.FracUnit, Math.Abs(Trig.FineCosine((int)(_xToViewAngle[i] >> Trig.AngleToFineShift))));
        }

        (_scaleLight, _zLight) = LightTables();
        _floorClip = new int[_width];
        _ceilingClip = new int[_width];
        _spriteTopClip = new int[_width];
        _spriteBottomClip = new int[_width];
        _spanStart = new int[_height];
        _cachedHeight = new int[_height];
        _cachedDistance = new int[_height];
        _cachedXStep = new int[_height];
        _cachedYStep = new int[_height];
        _sectorSeen = new int[scene.SectorFloor.Length];
    }

    public RenderOptions Options => _options;

    /// <summary>Draws the view from a point; returns a new image and the statistics.</summary>
    public RenderedView Render(ViewPoint view)
    {
        var statistics = RenderFrame(view);
        return new RenderedView(new IndexedImage(_width, _height, (byte[])_screen.Clone(), null), statistics);
    }

    /// <summary>Draws the view into this renderer's own frame (for callers that reuse it, e.g. the benchmark).</summary>
    internal RenderStatistics RenderFrame(ViewPoint view)
    {
        var statistics = Draw(view, _options.ClearIndex);
        if (statistics.MissingTextureColumns == 0 && statistics.MissingFlatPlanes == 0)
        {
            return statistics;
        }

        // Only a missing texture or flat can leave pixels undrawn. Which ones exactly: those at the clear index after a
        // second drawing with another clear index too (a texture may use the clear colour itself). Rare: twice the work
        // only for views that face such a defect.
        var first = (byte[])_screen.Clone();
        var other = (byte)(_options.ClearIndex ^ 0xFF);
        Draw(view, other);
        var undrawn = 0;
        for (var i = 0; i < first.Length; i++)
        {
            if (first[i] == _options.ClearIndex && _screen[i] == other)
            {
                undrawn++;
            }
        }

        first.CopyTo(_screen, 0);
        return statistics with { UndrawnPixels = undrawn };
    }

    /// <summary>One drawing of the view over a screen cleared to <paramref name="clear"/>; undrawn pixels not yet counted.</summary>
    private RenderStatistics Draw(ViewPoint view, byte clear)
    {
        SetupFrame(view);
        Array.Fill(_screen, clear);
        ClearClipSegs();
        ClearDrawSegs();
        ClearPlanes();
        ClearSprites();
        // A level without sectors (UDMF lets one load) has nothing to draw.
        if (_scene.Tree.Subsectors.Length > 0 && _scene.SectorFloor.Length > 0)
        {
            RenderBspNode(_scene.Tree.Nodes.Length - 1);
        }

        DrawPlanes();
        DrawMasked();
        var limits = _options.Limits;
        return new RenderStatistics(
            new LimitUse(_visplaneCount, limits.Visplanes),
            new LimitUse(_drawSegCount, limits.DrawSegs),
            new LimitUse(_visSpriteCount, limits.VisSprites),
            new LimitUse(_lastOpening, limits.Openings),
            new LimitUse(_solidSegPeak, limits.SolidSegs),
            _subsectorsVisited,
            _missingTextureColumns,
            _missingTextureColumnsAtMovers,
            _missingFlatPlanes,
            _skyPixels,
            UndrawnPixels: 0);
    }

    /// <summary>The frame last drawn by <see cref="RenderFrame"/>.</summary>
    internal ReadOnlySpan<byte> Screen => _screen;

    private void SetupFrame(ViewPoint view)
    {
        _viewX = Fixed.From(view.X);
        _viewY = Fixed.From(view.Y);
        _viewAngle = Trig.FromDegrees(view.Angle);
        _viewSin = Trig.Sine(_viewAngle);
        _viewCos = Trig.Cosine(_viewAngle);
        _viewZ = view.EyeZ is { } eye ? Fixed.From(eye) : PlayerEye(view);
        _subsectorsVisited = 0;
        _missingTextureColumns = 0;
        _missingTextureColumnsAtMovers = 0;
        _missingFlatPlanes = 0;
        _skyPixels = 0;
        _frame++;
    }

    /// <summary>A player's eye over the point: 41 above the floor, but at most 4 under the ceiling (P_CalcHeight).</summary>
    private int PlayerEye(ViewPoint view)
    {
        if (_scene.SectorFloor.Length == 0)
        {
            return 0;
        }

        var sector = _scene.SectorAt(view.X, view.Y);
        var eye = _scene.SectorFloor[sector] + (RenderScene.EyeHeight << Fixed.FracBits);
        return Math.Min(eye, _scene.SectorCeiling[sector] - (4 << Fixed.FracBits));
    }

    /// <summary>R_InitTextureMapping: which column each view angle falls in, and the angle of each column.</summary>
    private (int[] ViewAngleToX, uint[] XToViewAngle) TextureMapping()
    {
        var tangent = Trig.FineTangent;
        var focalLength = Fixed.Div(_centerXFrac, tangent[(Trig.FineAngles / 4) + (FieldOfView / 2)]);
        var viewAngleToX = new int[Trig.FineAngles / 2];
        for (var i = 0; i < viewAngleToX.Length; i++)
        {
            int t;
            if (tangent[i] > Fixed.FracUnit * 2)
            {
                t = -1;
            }
            else if (tangent[i] < -Fixed.FracUnit * 2)
            {
                t = _width + 1;
            }
            else
            {
                t = Fixed.Mul(tangent[i], focalLength);
                t = (_centerXFrac - t + Fixed.FracUnit - 1) >> Fixed.FracBits;
                t = Math.Clamp(t, -1, _width + 1);
            }

            viewAngleToX[i] = t;
        }

        var xToViewAngle = new uint[_width + 1];
        for (var x = 0; x <= _width; x++)
        {
            var i = 0;
            while (viewAngleToX[i] > x)
            {
                i++;
            }

            xToViewAngle[x] = unchecked((uint)(i << Trig.AngleToFineShift) - Trig.Ang90);
        }

        for (var i = 0; i < viewAngleToX.Length; i++)
        {
            if (viewAngleToX[i] == -1)
            {
                viewAngleToX[i] = 0;
            }
            else if (viewAngleToX[i] == _width + 1)
            {
                viewAngleToX[i] = _width;
            }
        }

        return (viewAngleToX, xToViewAngle);
    }

    /// <summary>R_ExecuteSetViewSize's scalelight (walls, sprites) and R_InitLightTables' zlight (planes).</summary>
    private (int[] ScaleLight, int[] ZLight) LightTables()
    {
        var scaleLight = new int[LightLevels * MaxLightScale];
        var zLight = new int[LightLevels * MaxLightZ];
        for (var i = 0; i < LightLevels; i++)
        {
            var startMap = (LightLevels - 1 - i) * 2 * NumColormaps / LightLevels;
            for (var j = 0; j < MaxLightScale; j++)
            {
                var level = Math.Clamp(startMap - (j * DoomWidth / _width / DistMap), 0, NumColormaps - 1);
                scaleLight[(i * MaxLightScale) + j] = _options.FullBright ? 0 : level * 256;
            }

            for (var j = 0; j < MaxLightZ; j++)
            {
                var scale = Fixed.Div(DoomWidth / 2 * Fixed.FracUnit, (j + 1) << LightZShift) >> LightScaleShift;
                var level = Math.Clamp(startMap - (scale / DistMap), 0, NumColormaps - 1);
                zLight[(i * MaxLightZ) + j] = _options.FullBright ? 0 : level * 256;
            }
        }

        return (scaleLight, zLight);
    }

    /// <summary>The distance column of the wall and sprite light tables; vanilla's index is unsigned, so it only clamps high.</summary>
    private static int ScaleLightIndex(int scale)
    {
        var index = (uint)(scale >> LightScaleShift);
        return index >= MaxLightScale ? MaxLightScale - 1 : (int)index;
    }

    /// <summary>The light table row for a sector's light level, with vanilla's fake contrast already applied by the caller.</summary>
    private static int LightRow(int lightNumber) => Math.Clamp(lightNumber, 0, LightLevels - 1);
}
