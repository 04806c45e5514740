using System.Buffers.Binary;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Support;

namespace RlGameTester.Doom.Tests.Levels;

/// <summary>
/// The library finds sectors from the line geometry; the node builder's BSP (NODES, SSECTORS, SEGS) is an
/// independent answer for the same question, walked here the way Doom's R_PointInSubsector does.
/// </summary>
public sealed class PointInSectorTests
{
    public static TheoryData<string, string> ShippedLevels()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, wad) in new[] { ("freedoom1", Fixtures.Freedoom1), ("freedoom2", Fixtures.Freedoom2) })
        {
            foreach (var entry in LevelDirectory.Find(wad))
            {
                data.Add(file, entry.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedLevels))]
    public void ThingSectorsAgreeWithTheNodeBuildersBsp(string file, string name)
    {
        var (bytes, wad) = file == "freedoom1" ? (Fixtures.Freedoom1Data, Fixtures.Freedoom1) : (Fixtures.Freedoom2Data, Fixtures.Freedoom2);
        var raw = new EditableLevel(bytes, name);
        var level = LevelReader.Read(wad, name);
        var geometry = new LevelGeometry(level);

        var disagreements = new List<string>();
        for (var i = 0; i < level.Things.Length; i++)
        {
            var thing = level.Things[i];
            var bsp = BspSector(raw, level, (int)thing.X, (int)thing.Y);
            var ours = geometry.SectorAt(thing.X, thing.Y);

            // A BSP always names some sector, even far in the void; only the lines can tell the void apart.
            if (ours < 0)
            {
                Assert.True((name, i) is ("E3M7", 163), $"{name} thing {i} at ({thing.X}, {thing.Y}) is in the void");
                continue;
            }

            if (bsp != ours && !OnALine(geometry, thing.X, thing.Y))
            {
                disagreements.Add($"thing {i} at ({thing.X}, {thing.Y}): BSP {bsp}, lines {ours}");
            }
        }

        Assert.Empty(disagreements);
    }

    [Fact]
    public void PointsOnAGridAgreeWithTheBspWhereverTheBspIsInsideASector()
    {
        var raw = new EditableLevel(Fixtures.Freedoom2Data, "MAP01");
        var level = LevelReader.Read(Fixtures.Freedoom2, "MAP01");
        var geometry = new LevelGeometry(level);
        var bounds = geometry.Bounds;

        var checkedPoints = 0;
        var disagreements = new List<string>();
        for (var x = bounds.MinX + 3; x < bounds.MaxX; x += 37)
        {
            for (var y = bounds.MinY + 5; y < bounds.MaxY; y += 41)
            {
                var ours = geometry.SectorAt(x, y);
                if (ours < 0 || OnALine(geometry, x, y))
                {
                    continue;
                }

                checkedPoints++;
                var bsp = BspSector(raw, level, (int)x, (int)y);
                if (bsp != ours)
                {
                    disagreements.Add($"({x}, {y}): BSP {bsp}, lines {ours}");
                }
            }
        }

        Assert.True(checkedPoints > 1000, $"only {checkedPoints} points inside sectors");
        Assert.Empty(disagreements);
    }

    private static bool OnALine(LevelGeometry geometry, double x, double y)
    {
        for (var i = 0; i < geometry.Level.Linedefs.Length; i++)
        {
            var (x1, y1, x2, y2) = geometry.Segment(i);
            var length = geometry.Length(i);
            var distance = Math.Abs(((x2 - x1) * (y1 - y)) - ((x1 - x) * (y2 - y1))) / Math.Max(length, 1e-9);
            var along = (((x - x1) * (x2 - x1)) + ((y - y1) * (y2 - y1))) / Math.Max(length * length, 1e-9);
            if (distance < 1.5 && along > -0.01 && along < 1.01)
            {
                return true;
            }
        }

        return false;
    }

    // R_PointInSubsector, then the sector of the subsector's first seg's side.
    private static int BspSector(EditableLevel raw, Level level, int x, int y)
    {
        var nodes = raw["NODES"];
        var node = (nodes.Length / 28) - 1;
        while ((node & 0x8000) == 0)
        {
            var n = nodes.AsSpan(node * 28, 28);
            int nx = BinaryPrimitives.ReadInt16LittleEndian(n), ny = BinaryPrimitives.ReadInt16LittleEndian(n[2..]);
            int dx = BinaryPrimitives.ReadInt16LittleEndian(n[4..]), dy = BinaryPrimitives.ReadInt16LittleEndian(n[6..]);
            var back = ((long)(y - ny) * dx) >= ((long)dy * (x - nx));
            node = BinaryPrimitives.ReadUInt16LittleEndian(n[(back ? 26 : 24)..]);
        }

        var subsector = raw["SSECTORS"].AsSpan((node & 0x7FFF) * 4, 4);
        int firstSeg = BinaryPrimitives.ReadUInt16LittleEndian(subsector[2..]);
        var seg = raw["SEGS"].AsSpan(firstSeg * 12, 12);
        int line = BinaryPrimitives.ReadUInt16LittleEndian(seg[6..]);
        int side = BinaryPrimitives.ReadInt16LittleEndian(seg[8..]);
        var sidedef = side == 0 ? level.Linedefs[line].FrontSide : level.Linedefs[line].BackSide;
        return level.Sidedefs[sidedef].Sector;
    }
}
