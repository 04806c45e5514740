using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Rendering;

/// <summary>
/// A level's binary space partition, what Doom's renderer walks front to back: the level's own vanilla-format nodes
/// when it has sound ones, otherwise a tree built here (<see cref="Source"/> and <see cref="Note"/> say which and why).
/// Immutable; share it between renderers.
/// </summary>
public sealed class BspTree
{
    internal BspTree(BspSeg[] segs, BspSubsector[] subsectors, BspNode[] nodes, BspSource source, string? note)
    {
        Segs = segs;
        Subsectors = subsectors;
        Nodes = nodes;
        Source = source;
        Note = note;
    }

    public BspSource Source { get; }

    /// <summary>Why the tree was built rather than read (null when read).</summary>
    public string? Note { get; }

    public int SegCount => Segs.Length;

    public int SubsectorCount => Subsectors.Length;

    public int NodeCount => Nodes.Length;

    internal BspSeg[] Segs { get; }

    internal BspSubsector[] Subsectors { get; }

    internal BspNode[] Nodes { get; }

    /// <summary>
    /// The tree for a level: read from the lumps of its <paramref name="entry"/> (a binary level's NODES, SEGS and
    /// SSECTORS) when they are vanilla-format and sound, built from its lines otherwise (UDMF, ZDoom extended or GL
    /// nodes, missing or damaged lumps, or no entry given).
    /// </summary>
    public static BspTree For(Level level, LevelEntry? entry)
    {
        ArgumentNullException.ThrowIfNull(level);
        string note;
        if (entry is null)
        {
            note = "no level lumps were given";
        }
        else if (entry.Format == LevelFormat.Udmf)
        {
            note = "UDMF levels carry no vanilla-format nodes";
        }
        else
        {
            var read = BspNodeReader.Read(entry, level, out var problem);
            if (read is not null)
            {
                return read;
            }

            note = problem!;
        }

        return BspBuilder.Build(level, note);
    }

    /// <summary>The subsector holding a point, by walking the nodes as R_PointInSubsector does.</summary>
    internal int SubsectorAt(int x, int y)
    {
        if (Nodes.Length == 0)
        {
            return 0;
        }

        var child = Nodes.Length - 1;
        while (child >= 0)
        {
            var node = Nodes[child];
            child = PointOnSide(x, y, node) == 0 ? node.FrontChild : node.BackChild;
        }

        return ~child;
    }

    /// <summary>0 when the point is on the node's front (right-hand) side, 1 on its back, with vanilla's precision.</summary>
    internal static int PointOnSide(int x, int y, in BspNode node) => PointOnLineSide(x, y, node.X, node.Y, node.Dx, node.Dy);

    internal static int PointOnLineSide(int x, int y, int lx, int ly, int ldx, int ldy)
    {
        if (ldx == 0)
        {
            return x <= lx ? (ldy > 0 ? 1 : 0) : (ldy < 0 ? 1 : 0);
        }

        if (ldy == 0)
        {
            return y <= ly ? (ldx < 0 ? 1 : 0) : (ldx > 0 ? 1 : 0);
        }

        var dx = x - lx;
        var dy = y - ly;

        // Opposite signs decide it without a multiplication.
        if (((ldy ^ ldx ^ dx ^ dy) & unchecked((int)0x80000000)) != 0)
        {
            return ((ldy ^ dx) & unchecked((int)0x80000000)) != 0 ? 1 : 0;
        }

        var left = Fixed.Mul(ldy >> Fixed.FracBits, dx);
        var right = Fixed.Mul(dy, ldx >> Fixed.FracBits);
        return right < left ? 0 : 1;
    }
}
