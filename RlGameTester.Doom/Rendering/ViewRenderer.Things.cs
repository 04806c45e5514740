namespace RlGameTester.Doom.Rendering;

/// <summary>r_things.c: things projected into vissprites, sorted far to near, clipped by the walls in front, drawn.</summary>
public sealed partial class ViewRenderer
{
    private const int MinZ = Fixed.FracUnit * 4;
    private const int ShadowColormap = 6 * 256;
    private const int Unclipped = -2;

    private readonly int[] _spriteTopClip;
    private readonly int[] _spriteBottomClip;
    private readonly int[] _sectorSeen;
    private VisSprite[] _visSprites = new VisSprite[128];
    private int[] _spriteOrder = new int[128];
    private int _visSpriteCount;
    private int _frame;
    private uint _fuzz;

    private void ClearSprites()
    {
        _visSpriteCount = 0;
        _fuzz = 0;
    }

    /// <summary>R_AddSprites: the things of a sector, once a frame, in the sector's light.</summary>
    private void AddSprites(int sector)
    {
        if (_sectorSeen[sector] == _frame)
        {
            return;
        }

        _sectorSeen[sector] = _frame;
        var things = _scene.SectorThings[sector];
        if (things.Length == 0)
        {
            return;
        }

        var lights = LightRow(_scene.SectorLight[sector] >> LightSegShift) * MaxLightScale;
        foreach (ref readonly var thing in things.AsSpan())
        {
            ProjectSprite(thing, lights);
        }
    }

    private void ProjectSprite(in SceneThing thing, int lights)
    {
        var trX = thing.X - _viewX;
        var trY = thing.Y - _viewY;
        var tz = Fixed.Mul(trX, _viewCos) + Fixed.Mul(trY, _viewSin);

        // Behind the eye, or too close to it.
        if (tz < MinZ)
        {
            return;
        }

        var xScale = Fixed.Div(_projection, tz);
        var tx = -(Fixed.Mul(trY, _viewCos) - Fixed.Mul(trX, _viewSin));

        // Too far to the side.
        if (Fixed.Abs(tx) > tz << 2)
        {
            return;
        }

        var frame = thing.Frame;
        var rotation = 0;
        if (frame.Rotates)
        {
            var angle = Trig.PointToAngle(trX, trY);
            rotation = (int)((angle - thing.Angle + (Trig.Ang45 / 2 * 9)) >> 29);
        }

        var picture = frame.Pictures[rotation];
        var flip = frame.Flipped[rotation];
        tx -= picture.LeftOffset << Fixed.FracBits;
        var x1 = (_centerXFrac + Fixed.Mul(tx, xScale)) >> Fixed.FracBits;
        if (x1 > _width)
        {
            return;
        }

        tx += picture.Width << Fixed.FracBits;
        var x2 = ((_centerXFrac + Fixed.Mul(tx, xScale)) >> Fixed.FracBits) - 1;
        if (x2 < 0)
        {
            return;
        }

        if (_visSpriteCount == _visSprites.Length)
        {
            Array.Resize(ref _visSprites, _visSprites.Length * 2);
        }

        ref var vis = ref _visSprites[_visSpriteCount++];
        vis.Scale = xScale;
        vis.GX = thing.X;
        vis.GY = thing.Y;
        vis.GZ = thing.Z;
        vis.GZTop = thing.Z + (picture.TopOffset << Fixed.FracBits);
        vis.TextureMid = vis.GZTop - _viewZ;
        vis.X1 = Math.Max(x1, 0);
        vis.X2 = Math.Min(x2, _width - 1);
        var iscale = Fixed.Div(Fixed.FracUnit, xScale);
        if (flip)
        {
            vis.StartFrac = (picture.Width << Fixed.FracBits) - 1;
            vis.XIScale = -iscale;
        }
        else
        {
            vis.StartFrac = 0;
            vis.XIScale = iscale;
        }

        if (vis.X1 > x1)
        {
            vis.StartFrac += vis.XIScale * (vis.X1 - x1);
        }

        vis.Picture = picture;
        vis.Colormap = thing.Shadow ? -1
            : thing.FullBright ? 0
            : _scaleLight[lights + ScaleLightIndex(xScale)];
    }

    /// <summary>R_DrawMasked: sprites far to near, each with the masked walls in front of it, then the remaining masked walls.</summary>
    private void DrawMasked()
    {
        SortSprites();
        for (var i = 0; i < _visSpriteCount; i++)
        {
            DrawSprite(ref _visSprites[_spriteOrder[i]]);
        }

        for (var i = _drawSegCount - 1; i >= 0; i--)
        {
            ref var ds = ref _drawSegs[i];
            if (ds.MaskedTextureCol != DrawSeg.NoClip)
            {
                RenderMaskedSegRange(ref ds, ds.X1, ds.X2);
            }
        }
    }

    // Ascending scale (far first); equal scales keep the order they were projected in, as vanilla's selection sort does.
    private void SortSprites()
    {
        if (_spriteOrder.Length < _visSpriteCount)
        {
            _spriteOrder = new int[_visSprites.Length];
        }

        for (var i = 0; i < _visSpriteCount; i++)
        {
            _spriteOrder[i] = i;
        }

        var sprites = _visSprites;
        Array.Sort(_spriteOrder, 0, _visSpriteCount, Comparer<int>.Create((a, b) =>
        {
            var byScale = sprites[a].Scale.CompareTo(sprites[b].Scale);
            return byScale != 0 ? byScale : a.CompareTo(b);
        }));
    }

    /// <summary>R_DrawSprite: clips the sprite by every wall range in front of it, then draws it.</summary>
    private void DrawSprite(ref VisSprite sprite)
    {
        var clipBottom = _spriteBottomClip;
        var clipTop = _spriteTopClip;
        for (var x = sprite.X1; x <= sprite.X2; x++)
        {
            clipBottom[x] = clipTop[x] = Unclipped;
        }

        for (var i = _drawSegCount - 1; i >= 0; i--)
        {
            ref var ds = ref _drawSegs[i];
            if (ds.X1 > sprite.X2 || ds.X2 < sprite.X1 || (ds.Silhouette == 0 && ds.MaskedTextureCol == DrawSeg.NoClip))
            {
                continue;
            }

            var r1 = Math.Max(ds.X1, sprite.X1);
            var r2 = Math.Min(ds.X2, sprite.X2);
            var lowScale = Math.Min(ds.Scale1, ds.Scale2);
            var scale = Math.Max(ds.Scale1, ds.Scale2);
            ref readonly var seg = ref _scene.Tree.Segs[ds.Seg];
            if (scale < sprite.Scale
                || (lowScale < sprite.Scale && BspTree.PointOnLineSide(sprite.GX, sprite.GY, seg.X1, seg.Y1, seg.X2 - seg.X1, seg.Y2 - seg.Y1) == 0))
            {
                // The wall is behind the sprite: only its masked middle, which must be drawn first.
                if (ds.MaskedTextureCol != DrawSeg.NoClip)
                {
                    RenderMaskedSegRange(ref ds, r1, r2);
                }

                continue;
            }

            var silhouette = ds.Silhouette;
            if (sprite.GZ >= ds.BottomSilHeight)
            {
                silhouette &= ~DrawSeg.SilBottom;
            }

            if (sprite.GZTop <= ds.TopSilHeight)
            {
                silhouette &= ~DrawSeg.SilTop;
            }

            for (var x = r1; x <= r2; x++)
            {
                if ((silhouette & DrawSeg.SilBottom) != 0 && clipBottom[x] == Unclipped)
                {
                    clipBottom[x] = ClipAt(ds.SprBottomClip, x);
                }

                if ((silhouette & DrawSeg.SilTop) != 0 && clipTop[x] == Unclipped)
                {
                    clipTop[x] = ClipAt(ds.SprTopClip, x);
                }
            }
        }

        for (var x = sprite.X1; x <= sprite.X2; x++)
        {
            if (clipBottom[x] == Unclipped)
            {
                clipBottom[x] = _height;
            }

            if (clipTop[x] == Unclipped)
            {
                clipTop[x] = -1;
            }
        }

        var picture = sprite.Picture;
        var topScreen = _centerYFrac - Fixed.Mul(sprite.TextureMid, sprite.Scale);
        var iscale = Fixed.Abs(sprite.XIScale);
        var frac = sprite.StartFrac;
        for (var x = sprite.X1; x <= sprite.X2; x++, frac += sprite.XIScale)
        {
            var column = frac >> Fixed.FracBits;

            // Vanilla would read outside the patch (it checks only in debug builds); nothing is drawn here.
            if (column < 0 || column >= picture.Width)
            {
                continue;
            }

            DrawMaskedColumn(picture, column, x, topScreen, sprite.Scale, iscale, sprite.TextureMid, sprite.Colormap, clipTop[x], clipBottom[x]);
        }
    }

    /// <summary>R_DrawMaskedColumn: the posts of one picture column, clipped to rows between the clips (exclusive).</summary>
    private void DrawMaskedColumn(
        MaskedPicture picture, int column, int x, int topScreen, int scale, int iscale, int textureMid, int colormap, int ceilingClip, int floorClip)
    {
        var posts = picture.Posts;
        var columnStart = column * picture.Height;
        for (var p = picture.PostStart[column]; p < picture.PostStart[column + 1]; p += 2)
        {
            var delta = posts[p];
            var postTop = topScreen + (scale * delta);
            var postBottom = postTop + (scale * posts[p + 1]);
            var yl = (postTop + Fixed.FracUnit - 1) >> Fixed.FracBits;
            var yh = (postBottom - 1) >> Fixed.FracBits;
            if (yh >= floorClip)
            {
                yh = floorClip - 1;
            }

            if (yl <= ceilingClip)
            {
                yl = ceilingClip + 1;
            }

            if (yl > yh)
            {
                continue;
            }

            var mid = textureMid - (delta << Fixed.FracBits);
            if (colormap < 0)
            {
                DrawFuzzColumn(x, yl, yh);
            }
            else
            {
                DrawColumn(x, yl, yh, mid, iscale, picture.Pixels, columnStart + delta, colormap);
            }
        }
    }

    /// <summary>
    /// The spectre's shadow: each pixel darkened (COLORMAP 6) from the pixel just above or below it, chosen by a fixed
    /// pseudo-random sequence restarted every frame (vanilla uses a 50-entry table that runs on between frames).
    /// </summary>
    private void DrawFuzzColumn(int x, int yl, int yh)
    {
        yl = Math.Max(yl, 1);
        yh = Math.Min(yh, _height - 2);
        for (var y = yl; y <= yh; y++)
        {
            _fuzz = (_fuzz * 1103515245) + 12345;
            var from = (y + ((_fuzz & 0x10000) != 0 ? 1 : -1)) * _width;
            _screen[(y * _width) + x] = _colormaps[ShadowColormap + _screen[from + x]];
        }
    }
}
