namespace RlGameTester.Doom.Rendering;

/// <summary>r_plane.c and r_draw.c: visplanes found and split, drawn as horizontal spans of flats or sky columns.</summary>
public sealed partial class ViewRenderer
{
    private const int AngleToSkyShift = 22;

    private readonly List<Visplane> _visplanes = [];
    private readonly int[] _spanStart;
    private readonly int[] _cachedHeight;
    private readonly int[] _cachedDistance;
    private readonly int[] _cachedXStep;
    private readonly int[] _cachedYStep;
    private int _visplaneCount;
    private int _baseXScale;
    private int _baseYScale;
    private int _planeHeight;
    private int _planeZLight;
    private byte[] _planeSource = [];

    private void ClearPlanes()
    {
        Array.Fill(_floorClip, _height);
        Array.Fill(_ceilingClip, -1);
        _visplaneCount = 0;
        Array.Clear(_cachedHeight);
        var angle = (int)((_viewAngle - Trig.Ang90) >> Trig.AngleToFineShift);
        _baseXScale = Fixed.Div(Trig.FineCosine(angle), _centerXFrac);
        _baseYScale = -Fixed.Div(Trig.FineSine[angle], _centerXFrac);
    }

    private Visplane NewPlane(int height, int pic, int light, int minX, int maxX)
    {
        if (_visplaneCount == _visplanes.Count)
        {
            _visplanes.Add(new Visplane(_width));
        }

        var plane = _visplanes[_visplaneCount++];
        plane.Reset(height, pic, light, minX, maxX);
        return plane;
    }

    /// <summary>R_FindPlane: the visplane of this height, flat and light, made when none is open yet.</summary>
    private Visplane FindPlane(int height, int pic, int light)
    {
        // All skies map together.
        if (pic == _scene.SkyFlat)
        {
            height = 0;
            light = 0;
        }

        for (var i = 0; i < _visplaneCount; i++)
        {
            var check = _visplanes[i];
            if (check.Height == height && check.Pic == pic && check.Light == light)
            {
                return check;
            }
        }

        return NewPlane(height, pic, light, _width, -1);
    }

    /// <summary>R_CheckPlane: the plane can take columns start..stop unless some are already set; else a copy is split off.</summary>
    private Visplane CheckPlane(Visplane plane, int start, int stop)
    {
        int intersectLow, unionLow, intersectHigh, unionHigh;
        if (start < plane.MinX)
        {
            intersectLow = plane.MinX;
            unionLow = start;
        }
        else
        {
            unionLow = plane.MinX;
            intersectLow = start;
        }

        if (stop > plane.MaxX)
        {
            intersectHigh = plane.MaxX;
            unionHigh = stop;
        }
        else
        {
            unionHigh = plane.MaxX;
            intersectHigh = stop;
        }

        var top = plane.Top;
        var x = intersectLow;
        while (x <= intersectHigh && top[x + 1] == Visplane.Empty)
        {
            x++;
        }

        if (x > intersectHigh)
        {
            plane.MinX = unionLow;
            plane.MaxX = unionHigh;
            return plane;
        }

        return NewPlane(plane.Height, plane.Pic, plane.Light, start, stop);
    }

    private void DrawPlanes()
    {
        for (var i = 0; i < _visplaneCount; i++)
        {
            var plane = _visplanes[i];
            if (plane.MinX > plane.MaxX)
            {
                continue;
            }

            if (plane.Pic == _scene.SkyFlat)
            {
                DrawSky(plane);
                continue;
            }

            if (_scene.Flats[plane.Pic] is not { } flat)
            {
                _missingFlatPlanes++;
                continue;
            }

            _planeSource = flat;
            _planeHeight = Fixed.Abs(plane.Height - _viewZ);
            _planeZLight = LightRow((plane.Light >> LightSegShift)) * MaxLightZ;
            var top = plane.Top;
            var bottom = plane.Bottom;
            top[plane.MaxX + 2] = Visplane.Empty;
            top[plane.MinX] = Visplane.Empty;
            var stop = plane.MaxX + 1;
            for (var x = plane.MinX; x <= stop; x++)
            {
                MakeSpans(x, Row(top[x]), bottom[x], Row(top[x + 1]), bottom[x + 1]);
            }
        }
    }

    // An empty column (0xff in vanilla's bytes) reads as a row below every real one.
    private static int Row(ushort top) => top == Visplane.Empty ? int.MaxValue / 2 : top;

    private void DrawSky(Visplane plane)
    {
        if (_scene.Sky is not { } sky)
        {
            return;
        }

        // The sky is drawn at full light, scaled to Doom's 320 columns, its middle row at the screen's 100th.
        var iscale = Fixed.FracUnit * DoomWidth / _width;
        for (var x = plane.MinX; x <= plane.MaxX; x++)
        {
            var top = plane.Top[x + 1];
            if (top == Visplane.Empty)
            {
                continue;
            }

            int yl = top;
            int yh = plane.Bottom[x + 1];
            if (yl <= yh)
            {
                var angle = (int)((_viewAngle + _xToViewAngle[x]) >> AngleToSkyShift);
                DrawColumn(x, yl, yh, 100 * Fixed.FracUnit, iscale, sky.Columns, sky.ColumnStart(angle), 0);
                _skyPixels += yh - yl + 1;
            }
        }
    }

    /// <summary>R_MakeSpans: closes the spans that end at column x and opens those that start there.</summary>
    private void MakeSpans(int x, int t1, int b1, int t2, int b2)
    {
        while (t1 < t2 && t1 <= b1)
        {
            MapPlane(t1, _spanStart[t1], x - 1);
            t1++;
        }

        while (b1 > b2 && b1 >= t1)
        {
            MapPlane(b1, _spanStart[b1], x - 1);
            b1--;
        }

        while (t2 < t1 && t2 <= b2)
        {
            _spanStart[t2] = x;
            t2++;
        }

        while (b2 > b1 && b2 >= t2)
        {
            _spanStart[b2] = x;
            b2--;
        }
    }

    /// <summary>R_MapPlane and R_DrawSpan: one row of a flat, its texture stepped across in 6.10 fixed point.</summary>
    private void MapPlane(int y, int x1, int x2)
    {
        int distance, xStep, yStep;
        if (_planeHeight != _cachedHeight[y])
        {
            _cachedHeight[y] = _planeHeight;
            distance = _cachedDistance[y] = Fixed.Mul(_planeHeight, _ySlope[y]);
            xStep = _cachedXStep[y] = Fixed.Mul(distance, _baseXScale);
            yStep = _cachedYStep[y] = Fixed.Mul(distance, _baseYScale);
        }
        else
        {
            distance = _cachedDistance[y];
            xStep = _cachedXStep[y];
            yStep = _cachedYStep[y];
        }

        var length = Fixed.Mul(distance, _distScale[x1]);
        var angle = (int)((_viewAngle + _xToViewAngle[x1]) >> Trig.AngleToFineShift);
        var xFrac = _viewX + Fixed.Mul(Trig.FineCosine(angle), length);
        var yFrac = -_viewY - Fixed.Mul(Trig.FineSine[angle], length);
        var colormap = _zLight[_planeZLight + Math.Min((int)((uint)distance >> LightZShift), MaxLightZ - 1)];

        // x in the top 16 bits, y in the bottom 16, each 6.10 fixed point, as R_DrawSpan packs them.
        var position = ((uint)(xFrac << 10) & 0xffff0000) | ((uint)(yFrac >> 6) & 0x0000ffff);
        var step = ((uint)(xStep << 10) & 0xffff0000) | ((uint)(yStep >> 6) & 0x0000ffff);
        var source = _planeSource;
        var colormaps = _colormaps;
        var screen = _screen.AsSpan((y * _width) + x1, x2 - x1 + 1);
        for (var i = 0; i < screen.Length; i++)
        {
            var spot = (int)(((position >> 4) & 0x0fc0) | (position >> 26));
            screen[i] = colormaps[colormap + source[spot]];
            position += step;
        }
    }

    /// <summary>R_DrawColumn: rows yl..yh of column x from a texture column, its rows masked to 0..127 as vanilla masks them.</summary>
    private void DrawColumn(int x, int yl, int yh, int textureMid, int iscale, byte[] source, int sourceStart, int colormap)
    {
        var count = yh - yl;
        if (count < 0)
        {
            return;
        }

        var frac = textureMid + ((yl - _centerY) * iscale);
        var screen = _screen;
        var colormaps = _colormaps;
        var width = _width;
        var dest = (yl * width) + x;
        for (; count >= 0; count--)
        {
            screen[dest] = colormaps[colormap + source[sourceStart + ((frac >> Fixed.FracBits) & 127)]];
            dest += width;
            frac += iscale;
        }
    }
}
