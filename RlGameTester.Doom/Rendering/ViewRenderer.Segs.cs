using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Rendering;

/// <summary>r_segs.c: a wall range's columns (one-sided middle, upper and lower), plane marking, and masked middles.</summary>
public sealed partial class ViewRenderer
{
    private const int HeightBits = 12;
    private const int HeightUnit = 1 << HeightBits;

    private readonly int[] _floorClip;
    private readonly int[] _ceilingClip;
    private DrawSeg[] _drawSegs = new DrawSeg[256];
    private int _drawSegCount;
    private int[] _openings = new int[320 * 64];
    private int _lastOpening;
    private uint _rwAngle1;

    private void ClearDrawSegs()
    {
        _drawSegCount = 0;
        _lastOpening = 0;
    }

    private int AllocateOpenings(int count)
    {
        if (_lastOpening + count > _openings.Length)
        {
            Array.Resize(ref _openings, Math.Max(_openings.Length * 2, _lastOpening + count));
        }

        var at = _lastOpening;
        _lastOpening += count;
        return at;
    }

    /// <summary>R_StoreWallRange with R_RenderSegLoop: draws columns start..stop of the current seg.</summary>
    private void StoreWallRange(int start, int stop)
    {
        if (_drawSegCount == _drawSegs.Length)
        {
            Array.Resize(ref _drawSegs, _drawSegs.Length * 2);
        }

        var scene = _scene;
        var segIndex = _currentSeg;
        ref readonly var seg = ref scene.Tree.Segs[segIndex];
        var side = scene.SegSide[segIndex];
        var flags = scene.SegFlags[segIndex];
        var front = _frontSector;
        var back = _backSector;
        ref var ds = ref _drawSegs[_drawSegCount++];

        var normalAngle = seg.Angle + Trig.Ang90;
        var offsetAngle = (uint)Fixed.Abs((int)(normalAngle - _rwAngle1));
        if (offsetAngle > Trig.Ang90)
        {
            offsetAngle = Trig.Ang90;
        }

        var distAngle = Trig.Ang90 - offsetAngle;
        var hyp = Trig.PointToDistance(seg.X1 - _viewX, seg.Y1 - _viewY);
        var rwDistance = Fixed.Mul(hyp, Trig.Sine(distAngle));
        ds.Seg = segIndex;
        ds.X1 = start;
        ds.X2 = stop;
        var rwScale = ScaleFromGlobalAngle(_viewAngle + _xToViewAngle[start], normalAngle, rwDistance);
        ds.Scale1 = rwScale;
        var rwScaleStep = 0;
        if (stop > start)
        {
            ds.Scale2 = ScaleFromGlobalAngle(_viewAngle + _xToViewAngle[stop], normalAngle, rwDistance);
            rwScaleStep = (ds.Scale2 - rwScale) / (stop - start);
        }
        else
        {
            ds.Scale2 = ds.Scale1;
        }

        ds.ScaleStep = rwScaleStep;
        var frontFloor = scene.SectorFloor[front];
        var frontCeiling = scene.SectorCeiling[front];
        var worldTop = frontCeiling - _viewZ;
        var worldBottom = frontFloor - _viewZ;
        int midTexture = 0, topTexture = 0, bottomTexture = 0;
        var maskedTexture = false;
        int midTextureMid = 0, topTextureMid = 0, bottomTextureMid = 0;
        int worldHigh = 0, worldLow = 0;
        bool markFloor, markCeiling;
        var missing = false;
        ds.MaskedTextureCol = DrawSeg.NoClip;
        if (back < 0)
        {
            midTexture = scene.SideMid[side];
            missing = midTexture == 0;

            // A one-sided line ends the view, so it must mark the planes up to it.
            markFloor = markCeiling = true;
            midTextureMid = (flags & LinedefFlags.LowerUnpegged) != 0
                ? frontFloor + (TextureHeight(midTexture) << Fixed.FracBits) - _viewZ
                : worldTop;
            midTextureMid += scene.SideRowOffset[side];
            ds.Silhouette = DrawSeg.SilBottom | DrawSeg.SilTop;
            ds.SprTopClip = DrawSeg.ClipScreenHeight;
            ds.SprBottomClip = DrawSeg.ClipNegOne;
            ds.BottomSilHeight = int.MaxValue;
            ds.TopSilHeight = int.MinValue;
        }
        else
        {
            var backFloor = scene.SectorFloor[back];
            var backCeiling = scene.SectorCeiling[back];
            ds.SprTopClip = ds.SprBottomClip = DrawSeg.NoClip;
            ds.Silhouette = 0;
            if (frontFloor > backFloor)
            {
                ds.Silhouette = DrawSeg.SilBottom;
                ds.BottomSilHeight = frontFloor;
            }
            else if (backFloor > _viewZ)
            {
                ds.Silhouette = DrawSeg.SilBottom;
                ds.BottomSilHeight = int.MaxValue;
            }

            if (frontCeiling < backCeiling)
            {
                ds.Silhouette |= DrawSeg.SilTop;
                ds.TopSilHeight = frontCeiling;
            }
            else if (backCeiling < _viewZ)
            {
                ds.Silhouette |= DrawSeg.SilTop;
                ds.TopSilHeight = int.MinValue;
            }

            if (backCeiling <= frontFloor)
            {
                ds.SprBottomClip = DrawSeg.ClipNegOne;
                ds.BottomSilHeight = int.MaxValue;
                ds.Silhouette |= DrawSeg.SilBottom;
            }

            if (backFloor >= frontCeiling)
            {
                ds.SprTopClip = DrawSeg.ClipScreenHeight;
                ds.TopSilHeight = int.MinValue;
                ds.Silhouette |= DrawSeg.SilTop;
            }

            worldHigh = backCeiling - _viewZ;
            worldLow = backFloor - _viewZ;

            // Outdoor areas: a sky ceiling on both sides hides the upper wall between them.
            if (scene.SectorCeilingPic[front] == scene.SkyFlat && scene.SectorCeilingPic[back] == scene.SkyFlat)
            {
                worldTop = worldHigh;
            }

            var sameLight = scene.SectorLight[back] == scene.SectorLight[front];
            markFloor = worldLow != worldBottom || scene.SectorFloorPic[back] != scene.SectorFloorPic[front] || !sameLight;
            markCeiling = worldHigh != worldTop || scene.SectorCeilingPic[back] != scene.SectorCeilingPic[front] || !sameLight;

            // A closed door.
            if (backCeiling <= frontFloor || backFloor >= frontCeiling)
            {
                markCeiling = markFloor = true;
            }

            if (worldHigh < worldTop)
            {
                topTexture = scene.SideTop[side];
                missing |= topTexture == 0;
                topTextureMid = (flags & LinedefFlags.UpperUnpegged) != 0
                    ? worldTop
                    : backCeiling + (TextureHeight(topTexture) << Fixed.FracBits) - _viewZ;
            }

            if (worldLow > worldBottom)
            {
                bottomTexture = scene.SideBottom[side];
                missing |= bottomTexture == 0;
                bottomTextureMid = (flags & LinedefFlags.LowerUnpegged) != 0 ? worldTop : worldLow;
            }

            topTextureMid += scene.SideRowOffset[side];
            bottomTextureMid += scene.SideRowOffset[side];
            if (scene.SideMid[side] != 0)
            {
                maskedTexture = true;
                ds.MaskedTextureCol = AllocateOpenings(stop + 1 - start) - start;
            }
        }

        if (missing)
        {
            _missingTextureColumns += stop + 1 - start;
            if (scene.SectorMayMove[front] || (back >= 0 && scene.SectorMayMove[back]))
            {
                _missingTextureColumnsAtMovers += stop + 1 - start;
            }
        }

        var segTextured = midTexture != 0 || topTexture != 0 || bottomTexture != 0 || maskedTexture;
        var rwOffset = 0;
        var rwCenterAngle = 0u;
        var wallLights = 0;
        if (segTextured)
        {
            var offset = normalAngle - _rwAngle1;
            if (offset > Trig.Ang180)
            {
                offset = 0u - offset;
            }

            if (offset > Trig.Ang90)
            {
                offset = Trig.Ang90;
            }

            rwOffset = Fixed.Mul(hyp, Trig.Sine(offset));
            if (normalAngle - _rwAngle1 < Trig.Ang180)
            {
                rwOffset = -rwOffset;
            }

            rwOffset += scene.SideTextureOffset[side] + seg.Offset;
            rwCenterAngle = Trig.Ang90 + _viewAngle - normalAngle;
            wallLights = WallLightRow(segIndex, front) * MaxLightScale;
        }

        // A plane on the far side of the eye is invisible and need not be marked.
        if (frontFloor >= _viewZ)
        {
            markFloor = false;
        }

        if (frontCeiling <= _viewZ && scene.SectorCeilingPic[front] != scene.SkyFlat)
        {
            markCeiling = false;
        }

        worldTop >>= 4;
        worldBottom >>= 4;
        var topStep = -Fixed.Mul(rwScaleStep, worldTop);
        var topFrac = (_centerYFrac >> 4) - Fixed.Mul(worldTop, rwScale);
        var bottomStep = -Fixed.Mul(rwScaleStep, worldBottom);
        var bottomFrac = (_centerYFrac >> 4) - Fixed.Mul(worldBottom, rwScale);
        int pixHigh = 0, pixHighStep = 0, pixLow = 0, pixLowStep = 0;
        if (back >= 0)
        {
            worldHigh >>= 4;
            worldLow >>= 4;
            if (worldHigh < worldTop)
            {
                pixHigh = (_centerYFrac >> 4) - Fixed.Mul(worldHigh, rwScale);
                pixHighStep = -Fixed.Mul(rwScaleStep, worldHigh);
            }

            if (worldLow > worldBottom)
            {
                pixLow = (_centerYFrac >> 4) - Fixed.Mul(worldLow, rwScale);
                pixLowStep = -Fixed.Mul(rwScaleStep, worldLow);
            }
        }

        if (markCeiling)
        {
            _ceilingPlane = CheckPlane(_ceilingPlane!, start, stop);
        }

        if (markFloor)
        {
            _floorPlane = CheckPlane(_floorPlane!, start, stop);
        }

        var ceilingPlane = _ceilingPlane;
        var floorPlane = _floorPlane;
        var mid = midTexture == 0 ? null : scene.Textures[midTexture];
        var top = topTexture == 0 ? null : scene.Textures[topTexture];
        var bottom = bottomTexture == 0 ? null : scene.Textures[bottomTexture];
        var floorClip = _floorClip;
        var ceilingClip = _ceilingClip;
        for (var x = start; x <= stop; x++)
        {
            // Mark the ceiling above the wall and the floor below it.
            var yl = (topFrac + HeightUnit - 1) >> HeightBits;
            if (yl < ceilingClip[x] + 1)
            {
                yl = ceilingClip[x] + 1;
            }

            if (markCeiling)
            {
                var planeTop = ceilingClip[x] + 1;
                var planeBottom = Math.Min(yl - 1, floorClip[x] - 1);
                if (planeTop <= planeBottom)
                {
                    ceilingPlane!.Top[x + 1] = (ushort)planeTop;
                    ceilingPlane.Bottom[x + 1] = (ushort)planeBottom;
                }
            }

            var yh = bottomFrac >> HeightBits;
            if (yh >= floorClip[x])
            {
                yh = floorClip[x] - 1;
            }

            if (markFloor)
            {
                var planeTop = Math.Max(yh + 1, ceilingClip[x] + 1);
                var planeBottom = floorClip[x] - 1;
                if (planeTop <= planeBottom)
                {
                    floorPlane!.Top[x + 1] = (ushort)planeTop;
                    floorPlane.Bottom[x + 1] = (ushort)planeBottom;
                }
            }

            var textureColumn = 0;
            var colormap = 0;
            var iscale = 0;
            if (segTextured)
            {
                var angle = (rwCenterAngle + _xToViewAngle[x]) >> Trig.AngleToFineShift;
                textureColumn = (rwOffset - Fixed.Mul(Trig.FineTangent[angle], rwDistance)) >> Fixed.FracBits;
                colormap = _scaleLight[wallLights + ScaleLightIndex(rwScale)];
                iscale = (int)(0xffffffffu / (uint)rwScale);
            }

            if (mid is not null)
            {
                DrawColumn(x, yl, yh, midTextureMid, iscale, mid.Columns, mid.ColumnStart(textureColumn), colormap);
                ceilingClip[x] = _height;
                floorClip[x] = -1;
            }
            else
            {
                if (top is not null)
                {
                    var middle = Math.Min(pixHigh >> HeightBits, floorClip[x] - 1);
                    pixHigh += pixHighStep;
                    if (middle >= yl)
                    {
                        DrawColumn(x, yl, middle, topTextureMid, iscale, top.Columns, top.ColumnStart(textureColumn), colormap);
                        ceilingClip[x] = middle;
                    }
                    else
                    {
                        ceilingClip[x] = yl - 1;
                    }
                }
                else if (markCeiling)
                {
                    ceilingClip[x] = yl - 1;
                }

                if (bottom is not null)
                {
                    var middle = Math.Max((pixLow + HeightUnit - 1) >> HeightBits, ceilingClip[x] + 1);
                    pixLow += pixLowStep;
                    if (middle <= yh)
                    {
                        DrawColumn(x, middle, yh, bottomTextureMid, iscale, bottom.Columns, bottom.ColumnStart(textureColumn), colormap);
                        floorClip[x] = middle;
                    }
                    else
                    {
                        floorClip[x] = yh + 1;
                    }
                }
                else if (markFloor)
                {
                    floorClip[x] = yh + 1;
                }

                if (maskedTexture)
                {
                    _openings[ds.MaskedTextureCol + x] = textureColumn;
                }
            }

            rwScale += rwScaleStep;
            topFrac += topStep;
            bottomFrac += bottomStep;
        }

        // Keep the clip rows behind the wall for sprites and masked textures drawn later.
        if (((ds.Silhouette & DrawSeg.SilTop) != 0 || maskedTexture) && ds.SprTopClip == DrawSeg.NoClip)
        {
            var at = AllocateOpenings(stop + 1 - start);
            Array.Copy(ceilingClip, start, _openings, at, stop + 1 - start);
            ds.SprTopClip = at - start;
        }

        if (((ds.Silhouette & DrawSeg.SilBottom) != 0 || maskedTexture) && ds.SprBottomClip == DrawSeg.NoClip)
        {
            var at = AllocateOpenings(stop + 1 - start);
            Array.Copy(floorClip, start, _openings, at, stop + 1 - start);
            ds.SprBottomClip = at - start;
        }

        if (maskedTexture && (ds.Silhouette & DrawSeg.SilTop) == 0)
        {
            ds.Silhouette |= DrawSeg.SilTop;
            ds.TopSilHeight = int.MinValue;
        }

        if (maskedTexture && (ds.Silhouette & DrawSeg.SilBottom) == 0)
        {
            ds.Silhouette |= DrawSeg.SilBottom;
            ds.BottomSilHeight = int.MaxValue;
        }
    }

    private int TextureHeight(int texture) => texture == 0 ? 0 : _scene.Textures[texture]!.Height;

    /// <summary>The light row of a wall: the sector's level, one darker along x and one lighter along y (fake contrast).</summary>
    private int WallLightRow(int segIndex, int sector)
    {
        ref readonly var seg = ref _scene.Tree.Segs[segIndex];
        var light = _scene.SectorLight[sector] >> LightSegShift;
        if (seg.Y1 == seg.Y2)
        {
            light--;
        }
        else if (seg.X1 == seg.X2)
        {
            light++;
        }

        return LightRow(light);
    }

    /// <summary>R_ScaleFromGlobalAngle: the wall's scale at a view angle, from 1/256 to 64.</summary>
    private int ScaleFromGlobalAngle(uint visAngle, uint normalAngle, int rwDistance)
    {
        var angleA = Trig.Ang90 + (visAngle - _viewAngle);
        var angleB = Trig.Ang90 + (visAngle - normalAngle);
        var sineA = Trig.Sine(angleA);
        var sineB = Trig.Sine(angleB);
        var num = Fixed.Mul(_projection, sineB);
        var den = Fixed.Mul(rwDistance, sineA);
        if (den > num >> Fixed.FracBits)
        {
            var scale = Fixed.Div(num, den);
            return Math.Clamp(scale, 256, 64 * Fixed.FracUnit);
        }

        return 64 * Fixed.FracUnit;
    }

    /// <summary>R_RenderMaskedSegRange: a two-sided line's middle texture, drawn with the sprites, clipped by the wall's rows.</summary>
    private void RenderMaskedSegRange(ref DrawSeg ds, int x1, int x2)
    {
        var scene = _scene;
        var segIndex = ds.Seg;
        var side = scene.SegSide[segIndex];
        var texture = scene.Textures[scene.SideMid[side]]!;
        var picture = texture.Masked!;
        var front = scene.SegFront[segIndex];
        var back = scene.SegBack[segIndex];
        var lights = WallLightRow(segIndex, front) * MaxLightScale;
        var scaleStep = ds.ScaleStep;
        var scale = ds.Scale1 + ((x1 - ds.X1) * scaleStep);
        int textureMid;
        if ((scene.SegFlags[segIndex] & LinedefFlags.LowerUnpegged) != 0)
        {
            textureMid = Math.Max(scene.SectorFloor[front], scene.SectorFloor[back]) + (texture.Height << Fixed.FracBits) - _viewZ;
        }
        else
        {
            textureMid = Math.Min(scene.SectorCeiling[front], scene.SectorCeiling[back]) - _viewZ;
        }

        textureMid += scene.SideRowOffset[side];
        for (var x = x1; x <= x2; x++)
        {
            var column = _openings[ds.MaskedTextureCol + x];
            if (column != int.MaxValue)
            {
                var colormap = _scaleLight[lights + ScaleLightIndex(scale)];
                var topScreen = _centerYFrac - Fixed.Mul(textureMid, scale);
                var iscale = (int)(0xffffffffu / (uint)scale);
                DrawMaskedColumn(
                    picture, column & texture.WidthMask, x, topScreen, scale, iscale, textureMid, colormap,
                    ClipAt(ds.SprTopClip, x), ClipAt(ds.SprBottomClip, x));
                _openings[ds.MaskedTextureCol + x] = int.MaxValue;
            }

            scale += scaleStep;
        }
    }

    private int ClipAt(int reference, int x) => reference switch
    {
        DrawSeg.ClipScreenHeight => _height,
        DrawSeg.ClipNegOne => -1,
        _ => _openings[reference + x],
    };
}
