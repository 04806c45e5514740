using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Rendering;

/// <summary>
/// A plain node builder for levels without usable nodes: each linedef side becomes a seg; a set of segs that all face
/// each other (convex) is a subsector; otherwise the seg line that splits the fewest segs and balances the two sides
/// best (among up to <see cref="Candidates"/> evenly spread lines, then any line that divides at all) partitions it, and
/// segs crossing it are split. It does not build closed subsectors (no minisegs): Doom's renderer needs none.
/// </summary>
internal static class BspBuilder
{
    /// <summary>Deeper than this, a set of segs becomes a subsector as it is, so no input can overflow the stack.</summary>
    public const int MaxDepth = 2048;

    private const int Candidates = 48;

    // Lines tried beyond the sample before a set is taken as convex: a huge convex set must not cost n squared.
    private const int ExtraCandidates = 256;
    private const double OnLine = 1.0 / 64;

    public static BspTree Build(Level level, string note)
    {
        var segs = new List<WorkSeg>(level.Linedefs.Length * 2);
        for (var i = 0; i < level.Linedefs.Length; i++)
        {
            var line = level.Linedefs[i];
            var a = level.Vertices[line.Start];
            var b = level.Vertices[line.End];
            if (a.X == b.X && a.Y == b.Y)
            {
                continue;
            }

            if (line.FrontSide >= 0)
            {
                segs.Add(new WorkSeg(a.X, a.Y, b.X, b.Y, i, 0, 0));
            }

            if (line.BackSide >= 0)
            {
                segs.Add(new WorkSeg(b.X, b.Y, a.X, a.Y, i, 1, 0));
            }
        }

        var builder = new State(level);
        if (segs.Count == 0)
        {
            return new BspTree([], [new BspSubsector(0, 0)], [], BspSource.Built, note + "; the level has no lines to build from");
        }

        // Children are added before their parent, so the root ends up last, where the renderer starts.
        builder.Partition(segs, 0);
        return new BspTree([.. builder.Segs], [.. builder.Subsectors], [.. builder.Nodes], BspSource.Built, note);
    }

    private readonly record struct WorkSeg(double X1, double Y1, double X2, double Y2, int Line, int Side, double Offset);

    private sealed class State(Level level)
    {
        public List<BspSeg> Segs { get; } = [];

        public List<BspSubsector> Subsectors { get; } = [];

        public List<BspNode> Nodes { get; } = [];

        /// <summary>Returns the child code of the tree built for the segs (a node index, or ~subsector).</summary>
        public int Partition(List<WorkSeg> segs, int depth)
        {
            var splitter = depth < MaxDepth ? ChooseSplitter(segs) : null;
            if (splitter is null)
            {
                return Leaf(segs);
            }

            var s = splitter.Value;
            var front = new List<WorkSeg>();
            var back = new List<WorkSeg>();
            foreach (var seg in segs)
            {
                Divide(seg, s, front, back);
            }

            if (front.Count == 0 || back.Count == 0)
            {
                return Leaf(segs);
            }

            var frontChild = Partition(front, depth + 1);
            var backChild = Partition(back, depth + 1);
            var line = level.Linedefs[s.Line];
            var a = level.Vertices[line.Start];
            var b = level.Vertices[line.End];
            var (x, y, dx, dy) = s.Side == 0 ? (a.X, a.Y, b.X - a.X, b.Y - a.Y) : (b.X, b.Y, a.X - b.X, a.Y - b.Y);
            Nodes.Add(new BspNode(Fixed.From(x), Fixed.From(y), Fixed.From(dx), Fixed.From(dy), Box(front), Box(back), frontChild, backChild));
            return Nodes.Count - 1;
        }

        private int Leaf(List<WorkSeg> segs)
        {
            Subsectors.Add(new BspSubsector(Segs.Count, segs.Count));
            foreach (var seg in segs)
            {
                var angle = Math.Atan2(seg.Y2 - seg.Y1, seg.X2 - seg.X1) / (Math.PI * 2);
                angle -= Math.Floor(angle);
                Segs.Add(new BspSeg(
                    Fixed.From(seg.X1), Fixed.From(seg.Y1), Fixed.From(seg.X2), Fixed.From(seg.Y2),
                    (uint)(ulong)(angle * 4294967296.0), Fixed.From(seg.Offset), seg.Line, seg.Side));
            }

            return ~(Subsectors.Count - 1);
        }

        private static WorkSeg? ChooseSplitter(List<WorkSeg> segs)
        {
            WorkSeg? best = null;
            var bestScore = long.MaxValue;
            var step = Math.Max(1, segs.Count / Candidates);
            for (var i = 0; i < segs.Count; i += step)
            {
                var score = Score(segs, segs[i]);
                if (score >= 0 && score < bestScore)
                {
                    bestScore = score;
                    best = segs[i];
                }
            }

            if (best is not null)
            {
                return best;
            }

            // No sampled line divides the set: look at more before calling it convex.
            var extra = Math.Max(1, segs.Count / ExtraCandidates);
            for (var i = step / 2; i < segs.Count; i += extra)
            {
                if (Score(segs, segs[i]) >= 0)
                {
                    return segs[i];
                }
            }

            return null;
        }

        /// <summary>Splits times 8 plus the imbalance; -1 when the line leaves every seg on one side.</summary>
        private static long Score(List<WorkSeg> segs, WorkSeg splitter)
        {
            long front = 0, back = 0, splits = 0;
            foreach (var seg in segs)
            {
                switch (Classify(seg, splitter, out _, out _))
                {
                    case 0:
                        front++;
                        break;
                    case 1:
                        back++;
                        break;
                    default:
                        splits++;
                        break;
                }
            }

            return back + splits == 0 || front + splits == 0 ? -1 : (splits * 8) + Math.Abs(front - back);
        }

        /// <summary>0 front, 1 back, 2 crossing (with the endpoints' signed distances).</summary>
        private static int Classify(WorkSeg seg, WorkSeg splitter, out double d1, out double d2)
        {
            var dx = splitter.X2 - splitter.X1;
            var dy = splitter.Y2 - splitter.Y1;
            var length = Math.Sqrt((dx * dx) + (dy * dy));

            // Positive on the right-hand (front) side, as Doom's node lines face.
            d1 = (((seg.X1 - splitter.X1) * dy) - ((seg.Y1 - splitter.Y1) * dx)) / length;
            d2 = (((seg.X2 - splitter.X1) * dy) - ((seg.Y2 - splitter.Y1) * dx)) / length;
            var s1 = Math.Abs(d1) < OnLine ? 0 : Math.Sign(d1);
            var s2 = Math.Abs(d2) < OnLine ? 0 : Math.Sign(d2);
            if (s1 == 0 && s2 == 0)
            {
                // On the line: the same direction is in front.
                return ((seg.X2 - seg.X1) * dx) + ((seg.Y2 - seg.Y1) * dy) > 0 ? 0 : 1;
            }

            if (s1 >= 0 && s2 >= 0)
            {
                return 0;
            }

            return s1 <= 0 && s2 <= 0 ? 1 : 2;
        }

        private static void Divide(WorkSeg seg, WorkSeg splitter, List<WorkSeg> front, List<WorkSeg> back)
        {
            switch (Classify(seg, splitter, out var d1, out var d2))
            {
                case 0:
                    front.Add(seg);
                    return;
                case 1:
                    back.Add(seg);
                    return;
            }

            var t = d1 / (d1 - d2);
            var x = seg.X1 + ((seg.X2 - seg.X1) * t);
            var y = seg.Y1 + ((seg.Y2 - seg.Y1) * t);
            var along = Math.Sqrt(((x - seg.X1) * (x - seg.X1)) + ((y - seg.Y1) * (y - seg.Y1)));
            var first = seg with { X2 = x, Y2 = y };
            var second = seg with { X1 = x, Y1 = y, Offset = seg.Offset + along };
            (d1 > 0 ? front : back).Add(first);
            (d1 > 0 ? back : front).Add(second);
        }

        private static BspBox Box(List<WorkSeg> segs)
        {
            double top = double.MinValue, bottom = double.MaxValue, left = double.MaxValue, right = double.MinValue;
            foreach (var seg in segs)
            {
                top = Math.Max(top, Math.Max(seg.Y1, seg.Y2));
                bottom = Math.Min(bottom, Math.Min(seg.Y1, seg.Y2));
                left = Math.Min(left, Math.Min(seg.X1, seg.X2));
                right = Math.Max(right, Math.Max(seg.X1, seg.X2));
            }

            return new BspBox(Fixed.From(Math.Ceiling(top)), Fixed.From(Math.Floor(bottom)), Fixed.From(Math.Floor(left)), Fixed.From(Math.Ceiling(right)));
        }
    }
}
