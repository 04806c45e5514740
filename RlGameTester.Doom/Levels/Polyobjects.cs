using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using RlGameTester.Doom.Geometry;

namespace RlGameTester.Doom.Levels;

/// <summary>
/// ZDoom's polyobjects, placed where the level starts them, for play. A polyobject's lines are drawn anywhere (usually
/// in a closet outside the map) and GZDoom moves them at load to their start spot (MapLoader::PO_Init: each spawn spot
/// thing 9301-9303 and the anchor 9300 with the same angle, the lines from a Polyobj_StartLine chain or the
/// Polyobj_ExplicitLine ones; the lines move by the spot less the anchor). Drawn where they are, a door or wall made of
/// one is no obstacle at all, and a way through it is "reached" though a player is stopped there.
/// <para>
/// Each placed polyobject becomes a closed sector of its own (floor and ceiling at the floor of the sector it stands in)
/// behind its lines, which turn two-sided: the grid, the validator and the proof see a wall there, and a special that
/// moves the polyobject away opens that sector as a door does. Polyobj_DoorSlide and Polyobj_DoorSwing become
/// Door_Raise (open, wait, close), the moves (Polyobj_Move, MoveTimes8, MoveTo, MoveToSpot and their OR_ forms) become
/// Door_Open on the new sector's tag; rotations and Polyobj_Stop keep their special, now naming that tag, so the proof
/// counts the sector among what they may move. Where a moved polyobject ends up is not modelled (it is gone), nor
/// crushing or hurting ones. Polyobjects started by scripts stay shut for the explorer unless a line's script is read as
/// that one call (<see cref="Played"/>, through <see cref="Level.PolyobjectTags"/>); the proof's scripts may move every
/// tagged sector, these too. A polyobject drawn where it starts stands in the sector its lines face.
/// </para>
/// </summary>
public sealed partial class Polyobjects
{
    private const int Anchor = 9300;
    private const int FirstSpawnSpot = 9301;
    private const int LastSpawnSpot = 9303;
    private const int StartLine = 1;
    private const int ExplicitLine = 5;
    private const int DoorOpen = 11;
    private const int DoorRaise = 12;

    // Polyobj_Move, MoveTimes8, OR_MoveToSpot, MoveToSpot, MoveTo, OR_MoveTo, OR_Move, OR_MoveTimes8.
    private static readonly FrozenSet<int> Moves = FrozenSet.ToFrozenSet([4, 6, 59, 86, 88, 89, 92, 93]);

    // Polyobj_RotateLeft, RotateRight, Stop, OR_RotateLeft, OR_RotateRight: not simulated.
    private static readonly FrozenSet<int> Others = FrozenSet.ToFrozenSet([2, 3, 87, 90, 91]);

    private readonly int _firstSector;
    private readonly ImmutableArray<(int Number, int Line)> _placed;

    private Polyobjects(Level level, int firstSector, ImmutableArray<(int Number, int Line)> placed)
    {
        Level = level;
        _firstSector = firstSector;
        _placed = placed;
    }

    /// <summary>
    /// The level with its polyobjects at their start spots and its Polyobj_StartLine and Polyobj_ExplicitLine specials
    /// cleared (the level itself when it has none).
    /// </summary>
    public Level Level { get; }

    /// <summary>How many polyobjects were placed.</summary>
    public int Count => _placed.Length;

    /// <summary>Places a level's polyobjects (Hexen-numbered levels only: Doom's have none).</summary>
    public static Polyobjects Place(Level level, LevelGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(geometry);
        var none = new Polyobjects(level, level.Sectors.Length, []);
        if (level.UsesDoomSpecials || !level.Linedefs.Any(l => l.Special is StartLine or ExplicitLine))
        {
            return none;
        }

        var builder = new Placement(level, geometry);
        foreach (var (number, spot) in Spots(level))
        {
            builder.Add(number, spot);
        }

        return new Polyobjects(builder.Build(), level.Sectors.Length, builder.Placed);
    }

    /// <summary>
    /// A text that names a placed polyobject's sector ("sector 412") by the polyobject and its first line, as a level's
    /// author knows it ("polyobject 3 (line 57)"); the sector does not exist in their editor.
    /// </summary>
    public string Name(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _placed.IsEmpty ? text : SectorNumber().Replace(text, match =>
            int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var sector) && IsPolyobject(sector, out var line)
                ? $"polyobject {_placed[sector - _firstSector].Number} (line {line})"
                : match.Value);
    }

    /// <summary>Whether a sector index is one of the placed polyobjects', and the first line of that polyobject.</summary>
    public bool IsPolyobject(int sector, out int line)
    {
        var i = sector - _firstSector;
        line = i >= 0 && i < _placed.Length ? _placed[i].Line : -1;
        return line >= 0;
    }

    [GeneratedRegex(@"\bsector (\d+)\b")]
    private static partial Regex SectorNumber();

    /// <summary>
    /// A polyobject special naming a placed polyobject (by the tags <see cref="Level.PolyobjectTags"/> gives its
    /// sector), as it is played: the door or move that opens that sector, or the same special on its tag; null for
    /// any other special or polyobject. A line's special is rewritten at placement; a script's call (its lines read as
    /// what their script does) through this.
    /// </summary>
    public static (int Special, SpecialArgs Args)? Played(int special, SpecialArgs args, IReadOnlyDictionary<int, int> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (!tags.TryGetValue(args.Arg0, out var tag))
        {
            return null;
        }

        return special switch
        {
            // Polyobj_DoorSwing (po, speed, angle, delay) and Polyobj_DoorSlide (po, speed, angle, distance, delay).
            7 => (DoorRaise, new SpecialArgs(tag, args.Arg1, args.Arg3, 0, 0)),
            8 => (DoorRaise, new SpecialArgs(tag, args.Arg1, args.Arg4, 0, 0)),
            _ when Moves.Contains(special) => (DoorOpen, new SpecialArgs(tag, args.Arg1, 0, 0, 0)),
            _ when Others.Contains(special) => (special, args with { Arg0 = tag }),
            _ => null,
        };
    }

    // Each polyobject's spawn spot, by its number (the thing's angle); the last in the list wins, as GZDoom reads them.
    private static Dictionary<int, (double X, double Y)> Spots(Level level)
    {
        var spots = new Dictionary<int, (double X, double Y)>();
        for (var t = level.Things.Length - 1; t >= 0; t--)
        {
            var thing = level.Things[t];
            if (thing.Type is >= FirstSpawnSpot and <= LastSpawnSpot)
            {
                spots.TryAdd(thing.Angle, (thing.X, thing.Y));
            }
        }

        return spots;
    }

    // The level being rebuilt: new vertices, sides and sectors appended, the polyobjects' lines rewritten in place.
    private sealed class Placement
    {
        private readonly Level _level;
        private readonly LevelGeometry _geometry;
        private readonly ImmutableArray<Linedef>.Builder _lines;
        private readonly ImmutableArray<Sidedef>.Builder _sides;
        private readonly ImmutableArray<Vertex>.Builder _vertices;
        private readonly ImmutableArray<Sector>.Builder _sectors;
        private readonly Dictionary<int, (double X, double Y)> _anchors = [];
        private readonly Dictionary<int, int> _tags = [];
        private readonly Dictionary<int, int> _mirrors = [];
        private readonly Dictionary<int, int> _sectorOf = [];

        // Each polyobject's first Polyobj_StartLine and its Polyobj_ExplicitLine lines, by its number.
        private readonly Dictionary<int, int> _startLines = [];
        private readonly Dictionary<int, List<int>> _explicitLines = [];
        private readonly HashSet<int> _taken = [];
        private readonly List<(int Number, int Line)> _placed = [];
        private Dictionary<int, List<(int Line, int Next)>>? _sidesFrom;
        private int _nextTag;

        public Placement(Level level, LevelGeometry geometry)
        {
            _level = level;
            _geometry = geometry;
            _lines = level.Linedefs.ToBuilder();
            _sides = level.Sidedefs.ToBuilder();
            _vertices = level.Vertices.ToBuilder();
            _sectors = level.Sectors.ToBuilder();
            _nextTag = level.Sectors.Select(s => s.Tag).DefaultIfEmpty(0).Max() + 1;
            for (var i = 0; i < level.Linedefs.Length; i++)
            {
                var def = level.Linedefs[i];
                if (def.FrontSide < 0)
                {
                    continue;
                }

                if (def.Special == StartLine)
                {
                    _startLines.TryAdd(def.Args.Arg0, i);
                }
                else if (def.Special == ExplicitLine)
                {
                    (_explicitLines.TryGetValue(def.Args.Arg0, out var list) ? list : _explicitLines[def.Args.Arg0] = []).Add(i);
                }
            }

            for (var t = level.Things.Length - 1; t >= 0; t--)
            {
                if (level.Things[t].Type == Anchor)
                {
                    _anchors.TryAdd(level.Things[t].Angle, (level.Things[t].X, level.Things[t].Y));
                }
            }
        }

        public ImmutableArray<(int Number, int Line)> Placed => [.. _placed];

        public void Add(int number, (double X, double Y) spot)
        {
            var lines = Lines(number, out var mirror);
            if (lines.Count == 0 || !_anchors.TryGetValue(number, out var anchor))
            {
                // GZDoom leaves such a polyobject out.
                return;
            }

            var (dx, dy) = (spot.X - anchor.X, spot.Y - anchor.Y);
            var host = _geometry.SectorAt(spot.X, spot.Y);
            if (host < 0 && dx == 0 && dy == 0)
            {
                // Drawn where it starts, its spot is inside its own one-sided lines, which point-in-sector reads as the
                // void: it stands in the sector its lines face.
                host = _level.Sidedefs[_level.Linedefs[lines[0]].FrontSide].Sector;
            }

            if (host < 0)
            {
                // A spot in the void: the polyobject stays drawn.
                return;
            }

            var tag = _nextTag++;
            var sector = _sectors.Count;
            _sectors.Add(_level.Sectors[host] with { CeilingHeight = _level.Sectors[host].FloorHeight, Special = 0, Tag = tag });
            _tags[number] = tag;
            _sectorOf[number] = sector;
            if (mirror != 0)
            {
                _mirrors[mirror] = tag;
            }

            var moved = new Dictionary<int, int>();
            int Moved(int vertex)
            {
                if (!moved.TryGetValue(vertex, out var index))
                {
                    index = _vertices.Count;
                    _vertices.Add(new Vertex(_level.Vertices[vertex].X + dx, _level.Vertices[vertex].Y + dy));
                    moved[vertex] = index;
                }

                return index;
            }

            foreach (var line in lines)
            {
                _taken.Add(line);
                var def = _lines[line];
                var (start, end) = (Moved(def.Start), Moved(def.End));
                var outside = Outside(_vertices[start], _vertices[end], host);
                var face = _sides[def.FrontSide];
                var front = _sides.Count;
                _sides.Add(face with { Sector = outside });
                _sides.Add(face with { Sector = sector });

                // The lines were one-sided where drawn (editors mark those impassable, or blocking everything); moved away,
                // nothing is left of them.
                _lines[line] = def with
                {
                    Start = start,
                    End = end,
                    FrontSide = front,
                    BackSide = front + 1,
                    Flags = (def.Flags | LinedefFlags.TwoSided) & ~(LinedefFlags.Impassable | LinedefFlags.BlocksEverything),
                };
            }

            _placed.Add((number, lines.Min()));
        }

        public Level Build()
        {
            foreach (var (mirror, tag) in _mirrors)
            {
                // A mirror moves with the polyobject that names it: one tag opens both.
                if (_sectorOf.TryGetValue(mirror, out var index))
                {
                    _sectors[index] = _sectors[index] with { Tag = tag };
                    _tags[mirror] = tag;
                }
            }

            for (var i = 0; i < _lines.Count; i++)
            {
                var def = _lines[i];
                if (def.Special is StartLine or ExplicitLine)
                {
                    // GZDoom clears them all once polyobjects are spawned, so that they do not stop a use.
                    _lines[i] = def with { Special = 0, Args = default };
                }
                else if (Played(def.Special, def.Args, _tags) is { } special)
                {
                    _lines[i] = def with { Special = special.Special, Args = special.Args };
                }
            }

            var things = _level.Things.ToBuilder();
            for (var t = 0; t < things.Count; t++)
            {
                if (Played(things[t].Special, things[t].Args, _tags) is { } special)
                {
                    things[t] = things[t] with { Special = special.Special, Args = special.Args };
                }
            }

            return _level.WithPlay(_sectors.ToImmutable(), _lines.ToImmutable(), _sides.ToImmutable(), _vertices.ToImmutable(), things.ToImmutable(), _tags);
        }

        // The polyobject's lines: a Polyobj_StartLine's chain (GZDoom's IterFindPolySides: from the start line's first
        // vertex, every side starting at a vertex reached, on to its end), else its Polyobj_ExplicitLine ones.
        private List<int> Lines(int number, out int mirror)
        {
            mirror = 0;
            if (!_startLines.TryGetValue(number, out var first))
            {
                // GZDoom orders them by their second argument; the first one's third names the mirror.
                var explicitLines = _explicitLines.GetValueOrDefault(number)?.Where(l => !_taken.Contains(l)).OrderBy(l => _level.Linedefs[l].Args.Arg1).ToList() ?? [];
                mirror = explicitLines.Count > 0 ? _level.Linedefs[explicitLines[0]].Args.Arg2 : 0;
                return explicitLines;
            }

            mirror = _level.Linedefs[first].Args.Arg1;
            var vertices = new List<int> { _level.Linedefs[first].Start };
            var seen = new HashSet<int>(vertices);
            var lines = new SortedSet<int>();
            for (var at = 0; at < vertices.Count; at++)
            {
                foreach (var (line, next) in SidesFrom(vertices[at]))
                {
                    if (!_taken.Contains(line) && _level.Linedefs[line].FrontSide >= 0)
                    {
                        lines.Add(line);
                        if (seen.Add(next))
                        {
                            vertices.Add(next);
                        }
                    }
                }
            }

            return [.. lines];
        }

        // The sides that start at a vertex (a front side at its line's start, a back side at its end), and their ends.
        private List<(int Line, int Next)> SidesFrom(int vertex)
        {
            if (_sidesFrom is null)
            {
                _sidesFrom = [];
                for (var i = 0; i < _level.Linedefs.Length; i++)
                {
                    var def = _level.Linedefs[i];
                    if (def.FrontSide >= 0)
                    {
                        (_sidesFrom.TryGetValue(def.Start, out var list) ? list : _sidesFrom[def.Start] = []).Add((i, def.End));
                    }

                    if (def.BackSide >= 0)
                    {
                        (_sidesFrom.TryGetValue(def.End, out var list) ? list : _sidesFrom[def.End] = []).Add((i, def.Start));
                    }
                }
            }

            return _sidesFrom.GetValueOrDefault(vertex) ?? [];
        }

        // The sector a placed line's front side faces: the one just off its middle on that side, as the level is drawn.
        private int Outside(Vertex start, Vertex end, int host)
        {
            var (dx, dy) = (end.X - start.X, end.Y - start.Y);
            var length = Math.Sqrt((dx * dx) + (dy * dy));
            if (length == 0)
            {
                return host;
            }

            // The front side is on the right of the line's direction.
            var (x, y) = (((start.X + end.X) / 2) + (dy / length), ((start.Y + end.Y) / 2) - (dx / length));
            var sector = _geometry.SectorAt(x, y);
            return sector < 0 ? host : sector;
        }
    }
}
