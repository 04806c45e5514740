using System.Buffers.Binary;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Rendering;

/// <summary>
/// Reads a binary level's vanilla-format NODES (28-byte records), SEGS (12) and SSECTORS (4). Anything a renderer
/// could not walk safely (an index out of range, a node whose child is not an earlier node, a seg on a side the line
/// does not have, extended-format magic) makes it decline with the reason, and the caller builds a tree instead.
/// </summary>
internal static class BspNodeReader
{
    private const int NodeSize = 28;
    private const int SegSize = 12;
    private const int SubsectorSize = 4;
    private const int SubsectorFlag = 0x8000;

    public static BspTree? Read(LevelEntry entry, Level level, out string? problem)
    {
        var nodesLump = entry.FindLump("NODES");
        var segsLump = entry.FindLump("SEGS");
        var subsectorsLump = entry.FindLump("SSECTORS");
        if (nodesLump is null || segsLump is null || subsectorsLump is null)
        {
            problem = "the level has no NODES, SEGS or SSECTORS lump";
            return null;
        }

        var nodeData = nodesLump.Data.Span;
        if (nodeData.Length >= 4 && (nodeData[..4].SequenceEqual("XNOD"u8) || nodeData[..4].SequenceEqual("ZNOD"u8) || nodeData[..4].SequenceEqual("xNd4"u8)))
        {
            problem = "its NODES lump is in an extended format (ZDoom or DeePBSP), which vanilla cannot read";
            return null;
        }

        problem = ReadSegs(segsLump, level, out var segs);
        var subsectors = Array.Empty<BspSubsector>();
        var nodes = Array.Empty<BspNode>();
        problem ??= ReadSubsectors(subsectorsLump, segs.Length, out subsectors);
        problem ??= ReadNodes(nodesLump, subsectors.Length, out nodes);
        if (problem is not null)
        {
            return null;
        }

        if (Depth(nodes) > BspBuilder.MaxDepth)
        {
            problem = $"its nodes nest more than {BspBuilder.MaxDepth} deep, more than the renderer walks";
            return null;
        }

        if (nodes.Length == 0 && subsectors.Length != 1)
        {
            problem = $"NODES is empty but SSECTORS holds {subsectors.Length} subsectors";
            return null;
        }

        return new BspTree(segs, subsectors, nodes, BspSource.Level, null);
    }

    private static string? ReadSegs(WadLump lump, Level level, out BspSeg[] segs)
    {
        var data = lump.Data.Span;
        segs = new BspSeg[data.Length / SegSize];
        if (segs.Length == 0)
        {
            return "SEGS is empty";
        }

        for (var i = 0; i < segs.Length; i++)
        {
            var r = data.Slice(i * SegSize, SegSize);
            int v1 = BinaryPrimitives.ReadUInt16LittleEndian(r);
            int v2 = BinaryPrimitives.ReadUInt16LittleEndian(r[2..]);
            var angle = (uint)BinaryPrimitives.ReadUInt16LittleEndian(r[4..]) << 16;
            int line = BinaryPrimitives.ReadUInt16LittleEndian(r[6..]);
            int side = BinaryPrimitives.ReadInt16LittleEndian(r[8..]);
            int offset = BinaryPrimitives.ReadInt16LittleEndian(r[10..]);
            if (v1 >= level.Vertices.Length || v2 >= level.Vertices.Length)
            {
                return $"seg {i} uses a vertex that does not exist";
            }

            if (line >= level.Linedefs.Length || side is not (0 or 1))
            {
                return $"seg {i} names line {line}, side {side}, which does not exist";
            }

            var linedef = level.Linedefs[line];
            if ((side == 0 ? linedef.FrontSide : linedef.BackSide) < 0)
            {
                return $"seg {i} lies on a side line {line} does not have";
            }

            var a = level.Vertices[v1];
            var b = level.Vertices[v2];
            segs[i] = new BspSeg(Fixed.From(a.X), Fixed.From(a.Y), Fixed.From(b.X), Fixed.From(b.Y), angle, offset << Fixed.FracBits, line, side);
        }

        return null;
    }

    private static string? ReadSubsectors(WadLump lump, int segCount, out BspSubsector[] subsectors)
    {
        var data = lump.Data.Span;
        subsectors = new BspSubsector[data.Length / SubsectorSize];
        if (subsectors.Length == 0)
        {
            return "SSECTORS is empty";
        }

        for (var i = 0; i < subsectors.Length; i++)
        {
            int count = BinaryPrimitives.ReadUInt16LittleEndian(data[(i * SubsectorSize)..]);
            int first = BinaryPrimitives.ReadUInt16LittleEndian(data[((i * SubsectorSize) + 2)..]);
            if (count == 0 || first + count > segCount)
            {
                return $"subsector {i} holds segs {first}..{first + count - 1}, outside SEGS ({segCount})";
            }

            subsectors[i] = new BspSubsector(first, count);
        }

        return null;
    }

    private static string? ReadNodes(WadLump lump, int subsectorCount, out BspNode[] nodes)
    {
        var data = lump.Data.Span;
        nodes = new BspNode[data.Length / NodeSize];
        for (var i = 0; i < nodes.Length; i++)
        {
            var r = data.Slice(i * NodeSize, NodeSize);
            var front = Child(BinaryPrimitives.ReadUInt16LittleEndian(r[24..]), i, subsectorCount);
            var back = Child(BinaryPrimitives.ReadUInt16LittleEndian(r[26..]), i, subsectorCount);
            if (front is null || back is null)
            {
                return $"node {i} has a child that is neither an earlier node nor a subsector";
            }

            nodes[i] = new BspNode(
                Short(r, 0), Short(r, 2), Short(r, 4), Short(r, 6),
                new BspBox(Short(r, 8), Short(r, 10), Short(r, 12), Short(r, 14)),
                new BspBox(Short(r, 16), Short(r, 18), Short(r, 20), Short(r, 22)),
                front.Value,
                back.Value);
        }

        return null;
    }

    // Children come before their parents, so one pass in index order finds every node's depth.
    private static int Depth(BspNode[] nodes)
    {
        var depth = new int[nodes.Length];
        var deepest = 0;
        for (var i = 0; i < nodes.Length; i++)
        {
            var front = nodes[i].FrontChild >= 0 ? depth[nodes[i].FrontChild] : 0;
            var back = nodes[i].BackChild >= 0 ? depth[nodes[i].BackChild] : 0;
            depth[i] = Math.Max(front, back) + 1;
            deepest = Math.Max(deepest, depth[i]);
        }

        return deepest;
    }

    // Children must be earlier nodes (node builders write them so), which also rules out cycles.
    private static int? Child(int raw, int node, int subsectorCount)
    {
        if ((raw & SubsectorFlag) != 0)
        {
            var subsector = raw & ~SubsectorFlag;
            return subsector < subsectorCount ? ~subsector : null;
        }

        return raw < node ? raw : null;
    }

    private static int Short(ReadOnlySpan<byte> record, int at) => BinaryPrimitives.ReadInt16LittleEndian(record[at..]) << Fixed.FracBits;
}
