namespace RlGameTester.Doom.Rendering;

/// <summary>r_bsp.c: the front-to-back walk, bounding-box culling, and the solid-wall clip ranges.</summary>
public sealed partial class ViewRenderer
{
    // Corners of a node box that bound it as seen from each of the 9 regions around it (top, bottom, left, right).
    private static readonly int[][] CheckCoord =
    [
        [3, 0, 2, 1], [3, 0, 2, 0], [3, 1, 2, 0], [0, 0, 0, 0],
        [2, 0, 2, 1], [0, 0, 0, 0], [3, 1, 3, 0], [0, 0, 0, 0],
        [2, 0, 3, 1], [2, 1, 3, 1], [2, 1, 3, 0], [0, 0, 0, 0],
    ];

    // Solid ranges of columns, sorted, with a sentinel at each end (solidsegs).
    private (int First, int Last)[] _solidSegs = new (int, int)[64];
    private int _solidSegEnd;
    private int _solidSegPeak;
    private int _currentSeg;
    private int _frontSector;
    private int _backSector;
    private Visplane? _floorPlane;
    private Visplane? _ceilingPlane;

    private void ClearClipSegs()
    {
        _solidSegs[0] = (-0x7fffffff, -1);
        _solidSegs[1] = (_width, 0x7fffffff);
        _solidSegEnd = 2;
        _solidSegPeak = 2;
    }

    private void RenderBspNode(int child)
    {
        var nodes = _scene.Tree.Nodes;
        while (child >= 0)
        {
            var node = nodes[child];
            var side = BspTree.PointOnSide(_viewX, _viewY, node);
            RenderBspNode(side == 0 ? node.FrontChild : node.BackChild);
            if (!CheckBBox(side == 0 ? node.BackBox : node.FrontBox))
            {
                return;
            }

            // The far side last, as a loop rather than a call.
            child = side == 0 ? node.BackChild : node.FrontChild;
        }

        Subsector(~child);
    }

    private bool CheckBBox(BspBox box)
    {
        var boxX = _viewX <= box.Left ? 0 : _viewX < box.Right ? 1 : 2;
        var boxY = _viewY >= box.Top ? 0 : _viewY > box.Bottom ? 1 : 2;
        var position = (boxY << 2) + boxX;
        if (position == 5)
        {
            return true;
        }

        var corners = CheckCoord[position];
        var x1 = Corner(box, corners[0]);
        var y1 = Corner(box, corners[1]);
        var x2 = Corner(box, corners[2]);
        var y2 = Corner(box, corners[3]);
        var angle1 = Trig.PointToAngle(x1 - _viewX, y1 - _viewY) - _viewAngle;
        var angle2 = Trig.PointToAngle(x2 - _viewX, y2 - _viewY) - _viewAngle;
        var span = angle1 - angle2;

        // The viewer is inside the box's angular span.
        if (span >= Trig.Ang180)
        {
            return true;
        }

        var tspan = angle1 + _clipAngle;
        if (tspan > 2 * _clipAngle)
        {
            tspan -= 2 * _clipAngle;
            if (tspan >= span)
            {
                return false;
            }

            angle1 = _clipAngle;
        }

        tspan = _clipAngle - angle2;
        if (tspan > 2 * _clipAngle)
        {
            tspan -= 2 * _clipAngle;
            if (tspan >= span)
            {
                return false;
            }

            angle2 = 0u - _clipAngle;
        }

        var sx1 = _viewAngleToX[(angle1 + Trig.Ang90) >> Trig.AngleToFineShift];
        var sx2 = _viewAngleToX[(angle2 + Trig.Ang90) >> Trig.AngleToFineShift];
        if (sx1 == sx2)
        {
            return false;
        }

        sx2--;
        var start = 0;
        while (_solidSegs[start].Last < sx2)
        {
            start++;
        }

        return sx1 < _solidSegs[start].First || sx2 > _solidSegs[start].Last;
    }

    private static int Corner(BspBox box, int which) => which switch
    {
        0 => box.Top,
        1 => box.Bottom,
        2 => box.Left,
        _ => box.Right,
    };

    private void Subsector(int number)
    {
        _subsectorsVisited++;
        var subsector = _scene.Tree.Subsectors[number];
        var sector = _scene.SubsectorSector[number];
        _frontSector = sector;
        var light = _scene.SectorLight[sector];
        _floorPlane = _scene.SectorFloor[sector] < _viewZ
            ? FindPlane(_scene.SectorFloor[sector], _scene.SectorFloorPic[sector], light)
            : null;
        _ceilingPlane = _scene.SectorCeiling[sector] > _viewZ || _scene.SectorCeilingPic[sector] == _scene.SkyFlat
            ? FindPlane(_scene.SectorCeiling[sector], _scene.SectorCeilingPic[sector], light)
            : null;
        AddSprites(sector);
        for (var i = 0; i < subsector.SegCount; i++)
        {
            AddLine(subsector.FirstSeg + i);
        }
    }

    /// <summary>R_AddLine: clips a seg to the view and sends its visible columns to the solid or passing clipper.</summary>
    private void AddLine(int segIndex)
    {
        _currentSeg = segIndex;
        ref readonly var seg = ref _scene.Tree.Segs[segIndex];
        var angle1 = Trig.PointToAngle(seg.X1 - _viewX, seg.Y1 - _viewY);
        var angle2 = Trig.PointToAngle(seg.X2 - _viewX, seg.Y2 - _viewY);
        var span = angle1 - angle2;

        // Back side: facing away.
        if (span >= Trig.Ang180)
        {
            return;
        }

        _rwAngle1 = angle1;
        angle1 -= _viewAngle;
        angle2 -= _viewAngle;
        var tspan = angle1 + _clipAngle;
        if (tspan > 2 * _clipAngle)
        {
            tspan -= 2 * _clipAngle;
            if (tspan >= span)
            {
                return;
            }

            angle1 = _clipAngle;
        }

        tspan = _clipAngle - angle2;
        if (tspan > 2 * _clipAngle)
        {
            tspan -= 2 * _clipAngle;
            if (tspan >= span)
            {
                return;
            }

            angle2 = 0u - _clipAngle;
        }

        var x1 = _viewAngleToX[(angle1 + Trig.Ang90) >> Trig.AngleToFineShift];
        var x2 = _viewAngleToX[(angle2 + Trig.Ang90) >> Trig.AngleToFineShift];

        // Does not cross a pixel centre.
        if (x1 == x2)
        {
            return;
        }

        var front = _frontSector;
        var back = _scene.SegBack[segIndex];
        _backSector = back;
        if (back < 0)
        {
            ClipSolidWallSegment(x1, x2 - 1);
            return;
        }

        var scene = _scene;

        // A closed door.
        if (scene.SectorCeiling[back] <= scene.SectorFloor[front] || scene.SectorFloor[back] >= scene.SectorCeiling[front])
        {
            ClipSolidWallSegment(x1, x2 - 1);
            return;
        }

        // Nothing changes across the line and nothing is on it: no need to draw it (or mark planes).
        if (scene.SectorCeiling[back] == scene.SectorCeiling[front] && scene.SectorFloor[back] == scene.SectorFloor[front]
            && scene.SectorCeilingPic[back] == scene.SectorCeilingPic[front] && scene.SectorFloorPic[back] == scene.SectorFloorPic[front]
            && scene.SectorLight[back] == scene.SectorLight[front] && scene.SideMid[scene.SegSide[segIndex]] == 0)
        {
            return;
        }

        ClipPassWallSegment(x1, x2 - 1);
    }

    private void ClipSolidWallSegment(int first, int last)
    {
        var start = 0;
        while (_solidSegs[start].Last < first - 1)
        {
            start++;
        }

        if (first < _solidSegs[start].First)
        {
            if (last < _solidSegs[start].First - 1)
            {
                // Entirely visible in a gap: a new range goes in before start.
                StoreWallRange(first, last);
                GrowSolidSegs();
                Array.Copy(_solidSegs, start, _solidSegs, start + 1, _solidSegEnd - start);
                _solidSegEnd++;
                _solidSegPeak = Math.Max(_solidSegPeak, _solidSegEnd);
                _solidSegs[start] = (first, last);
                return;
            }

            StoreWallRange(first, _solidSegs[start].First - 1);
            _solidSegs[start].First = first;
        }

        if (last <= _solidSegs[start].Last)
        {
            return;
        }

        var next = start;
        while (last >= _solidSegs[next + 1].First - 1)
        {
            StoreWallRange(_solidSegs[next].Last + 1, _solidSegs[next + 1].First - 1);
            next++;
            if (last <= _solidSegs[next].Last)
            {
                _solidSegs[start].Last = _solidSegs[next].Last;
                Crunch(start, next);
                return;
            }
        }

        StoreWallRange(_solidSegs[next].Last + 1, last);
        _solidSegs[start].Last = last;
        Crunch(start, next);
    }

    // Removes the ranges start + 1 .. next, now covered by start. Vanilla's loop copies one entry past the end as well
    // and counts it, so its count (which MAXSEGS bounds) falls one less than the ranges do; kept, to count as it does.
    private void Crunch(int start, int next)
    {
        if (next == start)
        {
            return;
        }

        GrowSolidSegs();
        var moved = _solidSegEnd - next;
        Array.Copy(_solidSegs, next + 1, _solidSegs, start + 1, moved);
        _solidSegEnd = start + moved + 1;
        _solidSegPeak = Math.Max(_solidSegPeak, _solidSegEnd);
    }

    private void GrowSolidSegs()
    {
        if (_solidSegEnd + 2 >= _solidSegs.Length)
        {
            Array.Resize(ref _solidSegs, _solidSegs.Length * 2);
        }
    }

    private void ClipPassWallSegment(int first, int last)
    {
        var start = 0;
        while (_solidSegs[start].Last < first - 1)
        {
            start++;
        }

        if (first < _solidSegs[start].First)
        {
            if (last < _solidSegs[start].First - 1)
            {
                StoreWallRange(first, last);
                return;
            }

            StoreWallRange(first, _solidSegs[start].First - 1);
        }

        if (last <= _solidSegs[start].Last)
        {
            return;
        }

        while (last >= _solidSegs[start + 1].First - 1)
        {
            StoreWallRange(_solidSegs[start].Last + 1, _solidSegs[start + 1].First - 1);
            start++;
            if (last <= _solidSegs[start].Last)
            {
                return;
            }
        }

        StoreWallRange(_solidSegs[start].Last + 1, last);
    }
}
