using System.Text;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Levels;
using RlGameTester.Doom.Validation;
using RlGameTester.Doom.Wad;
using static System.FormattableString;

namespace RlGameTester.Doom.Tests.Validation;

/// <summary>
/// Runs written by hand on levels written by hand: a row of rooms 64 units deep along x (UDMF, Doom namespace), and a
/// walk along y = 32, one position a tic, with the lines the body sets off and the jumps it makes at given tics,
/// validated as an explorer run is.
/// </summary>
internal static class HandMadeRuns
{
    public const double WalkY = 32;

    private const int Depth = 64;

    /// <summary>
    /// The rooms from x = 0 eastwards, the player 1 start in the first at (32, 32). Line 0 is the west wall, line i
    /// (1 to n - 1) the two-sided line between rooms i - 1 and i, facing west, with <paramref name="specials"/>[i - 1].
    /// </summary>
    public static string RowOfRooms(Room[] rooms, (int Special, int Tag)[] specials)
    {
        var xs = new List<int> { 0 };
        foreach (var room in rooms)
        {
            xs.Add(xs[^1] + room.Width);
        }

        // Vertex i is (xs[i], 0), vertex n + 1 + i is (xs[i], 64).
        var vertices = xs.Select(x => (x, 0)).Concat(xs.Select(x => (x, Depth))).ToList();
        var top = xs.Count;

        // Each line's front is on its right: walls face in, boundaries face west.
        var lines = new List<HandLine> { new(0, top, 0) };
        for (var i = 1; i < rooms.Length; i++)
        {
            lines.Add(new(top + i, i, i - 1, i, specials[i - 1].Special, specials[i - 1].Tag));
        }

        lines.Add(new(top + rooms.Length, rooms.Length, rooms.Length - 1));
        for (var i = 0; i < rooms.Length; i++)
        {
            lines.Add(new(top + i, top + i + 1, i));
            lines.Add(new(i + 1, i, i));
        }

        return Textmap(vertices, lines, [.. rooms.Select(r => (r.Floor, r.Ceiling, r.Tag))], (32, 32));
    }

    /// <summary>
    /// A level in UDMF's Doom namespace: its vertices, its lines (sides numbered in order, front then back; a one-sided
    /// line blocks, a two-sided one carries its special with the tag in arg0), its sectors and the player 1 start.
    /// </summary>
    public static string Textmap(IReadOnlyList<(int X, int Y)> vertices, IReadOnlyList<HandLine> lines, IReadOnlyList<(int Floor, int Ceiling, int Tag)> sectors, (int X, int Y) start)
    {
        var text = new StringBuilder("namespace = \"doom\";\n");
        foreach (var (x, y) in vertices)
        {
            text.Append(Invariant($"vertex {{ x = {x}.0; y = {y}.0; }}\n"));
        }

        var sides = new List<int>();
        foreach (var line in lines)
        {
            text.Append(Invariant($"linedef {{ v1 = {line.V1}; v2 = {line.V2}; sidefront = {sides.Count}; "));
            sides.Add(line.Front);
            if (line.Back >= 0)
            {
                text.Append(Invariant($"sideback = {sides.Count}; twosided = true; special = {line.Special}; arg0 = {line.Tag}; }}\n"));
                sides.Add(line.Back);
            }
            else
            {
                text.Append("blocking = true; }\n");
            }
        }

        foreach (var sector in sides)
        {
            text.Append(Invariant($"sidedef {{ sector = {sector}; texturemiddle = \"STARTAN3\"; }}\n"));
        }

        foreach (var (floor, ceiling, tag) in sectors)
        {
            text.Append(Invariant($"sector {{ heightfloor = {floor}; heightceiling = {ceiling}; texturefloor = \"FLOOR0_1\"; textureceiling = \"CEIL1_1\"; lightlevel = 192; id = {tag}; }}\n"));
        }

        text.Append(Invariant($"thing {{ x = {start.X}.0; y = {start.Y}.0; angle = 0; type = 1; skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; }}\n"));
        return text.ToString();
    }

    /// <summary>
    /// A textmap of <see cref="RowOfRooms"/> in UDMF's ZDoom namespace (Hexen's numbering): its lines' specials keep arg0,
    /// and a walk-over Exit_Normal (243) gets its activation.
    /// </summary>
    public static string InZDoom(string textmap) => textmap
        .Replace("namespace = \"doom\";", "namespace = \"zdoom\";", StringComparison.Ordinal)
        .Replace("special = 243;", "special = 243; playercross = true;", StringComparison.Ordinal);

    /// <summary>The x of a walk along y = 32 from one x to another, a tic a position, <paramref name="step"/> units a tic (a run).</summary>
    public static IEnumerable<int> Walk(int from, int to, int step = 16)
    {
        for (var x = from; step > 0 ? x < to : x > to; x += step)
        {
            yield return x;
        }

        yield return to;
    }

    public static TrajectoryVerdict Validate(string textmap, int[] xs, params (int Tick, int Line)[] activations) =>
        Validate(Read(textmap), xs, [], activations);

    /// <summary>The run on a level read from a textmap, with the player pressing jump at <paramref name="jumps"/>.</summary>
    public static TrajectoryVerdict Validate(Level level, int[] xs, int[] jumps, params (int Tick, int Line)[] activations)
    {
        var geometry = new Geometry.LevelGeometry(level);
        var events = new List<ExplorerEvent>();
        for (var tick = 0; tick < xs.Length; tick++)
        {
            var sector = geometry.SectorAt(xs[tick], WalkY);
            if (jumps.Contains(tick))
            {
                // Pressed in this tic, where the body stands as it begins.
                var x = xs[Math.Max(tick - 1, 0)];
                events.Add(new ExplorerEvent(tick, ExplorerEventKind.Jump, x, WalkY, geometry.SectorAt(x, WalkY)));
            }

            events.Add(new ExplorerEvent(tick, ExplorerEventKind.Position, xs[tick], WalkY, sector));
            foreach (var (_, line) in activations.Where(a => a.Tick == tick))
            {
                events.Add(new ExplorerEvent(tick, ExplorerEventKind.LineActivated, xs[tick], WalkY, sector) { Line = line });
            }
        }

        return ValidationFixtures.Validate(level, events);
    }

    /// <summary>
    /// In ZDoom's namespace, the start (128 wide), <paramref name="middle"/> (line 1 between them) and a 64-unit exit room
    /// past a walk-over Exit_Normal (line 2).
    /// </summary>
    public static string ThroughOneRoom(Room middle) =>
        InZDoom(RowOfRooms([new Room(128, 0, 128), middle, new Room(64, 0, 128)], [(0, 0), (243, 0)]));

    /// <summary>The textmap with the first occurrence of <paramref name="old"/> (which must be there) replaced.</summary>
    public static string ReplaceFirst(string textmap, string old, string replacement)
    {
        var at = textmap.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the textmap has no \"{old}\"");
        return string.Concat(textmap.AsSpan(0, at), replacement, textmap.AsSpan(at + old.Length));
    }

    public static Level Read(string textmap) => LevelReader.Read(WadFile.Read(LevelFormatTests.UdmfWad(textmap)), "MAP01");
}

/// <summary>A room of <see cref="HandMadeRuns.RowOfRooms"/>: its width along x, heights and tag.</summary>
internal readonly record struct Room(int Width, int Floor, int Ceiling, int Tag = 0);

/// <summary>A line of <see cref="HandMadeRuns.Textmap"/>: its vertices, the sectors on its sides (-1: none), special and tag.</summary>
internal readonly record struct HandLine(int V1, int V2, int Front, int Back = -1, int Special = 0, int Tag = 0);
