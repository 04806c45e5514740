using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// The parts of a level the explorer does not change: the grid, the things on the chosen skill, the special lines
/// and, per cell, what can be done from there (lines to use or shoot, things to pick up, special lines a step crosses).
/// </summary>
internal sealed class LevelModel
{
    /// <summary>How far a use reaches from the body's centre (Doom's USERANGE).</summary>
    public const double UseRange = 64;

    /// <summary>Half the box within which the body touches an item: item radius 20 plus body radius 16.</summary>
    public const double TouchReach = 36;

    /// <summary>How long a close-wait-open door stays shut once down (30 s).</summary>
    public const int CloseWaitTics = 30 * 35;

    /// <summary>How far away the agent shoots gun-triggered lines from.</summary>
    public const double GunRange = 1024;

    private readonly CrossingIndex _crossings;
    private readonly List<LineAction>?[] _actionsBySector;
    private readonly IReadOnlyList<LineBlockingChange>[] _blocking;
    private readonly Dictionary<int, List<int>> _linesById;
    private readonly (double Bottom, int Radius)?[] _hung;

    /// <param name="maxCells">The most cells its grid may have (<see cref="NavGrid.MaxCells"/> unless a second look asks more).</param>
    public LevelModel(Level level, LevelGeometry geometry, int skill, int maxCells = NavGrid.MaxCells)
    {
        Level = level;
        Geometry = geometry;
        MaxCells = maxCells;
        SkillFlag = SkillFlagOf(skill);
        ThingPresent = new bool[level.Things.Length];
        for (var t = 0; t < level.Things.Length; t++)
        {
            ref readonly var thing = ref level.Things.ItemRef(t);
            ThingPresent[t] = (thing.Skills & SkillFlag) != 0 && (thing.Modes & GameModes.SinglePlayer) != 0;
        }

        // Lines whose blocking play may change are laid on the grid with their sectors, to be walked once cleared.
        _blocking = new IReadOnlyList<LineBlockingChange>[level.Linedefs.Length];
        for (var line = 0; line < _blocking.Length; line++)
        {
            _blocking[line] = level.Linedefs[line].Special == 0 ? [] : ScriptedLines.BlockingChanges(level, level.Linedefs[line]);
        }

        _linesById = LevelIndex.LinesById(level);
        StartGates = StartScriptGates.Of(level);
        var switchable = new HashSet<int>(_blocking.SelectMany(changes => changes).Concat(StartGates.Select(g => g.Change)).SelectMany(change => LinesWithId(change.LineId)));
        _hung = HungThings(level, geometry);
        Grid = new NavGrid(level, geometry, t => ThingPresent[t], switchable: switchable.Contains, hungBottom: HungBottom, maxCells: maxCells);

        // The gates the scripts run at the start shut or open are so from the first tic: those that wait on a condition
        // (an arena's monsters dead) are assumed past it, as boss deaths are, and a finish says so (StartGates).
        foreach (var gate in StartGates)
        {
            foreach (var line in LinesWithId(gate.Change.LineId))
            {
                Grid.ChangeLine(line, gate.Change, t => ThingPresent[t]);
            }
        }

        NearHung = new bool[Grid.Count];
        for (var t = 0; t < level.Things.Length; t++)
        {
            if (ThingPresent[t] && _hung[t] is { } hung)
            {
                foreach (var cell in Grid.CellsNear(level.Things[t].X, level.Things[t].Y, hung.Radius + (2 * NavGrid.BodyRadius)))
                {
                    NearHung[cell] = true;
                }
            }
        }

        ThingSector = new int[level.Things.Length];
        for (var t = 0; t < level.Things.Length; t++)
        {
            ref readonly var thing = ref level.Things.ItemRef(t);
            ThingSector[t] = Grid.CenterSector[Grid.CellAt(thing.X, thing.Y)];
        }

        SectorsByTag = LevelIndex.SectorsByTag(level);
        Carrying = new CarryingFloors(level, SectorsByTag);
        Actions = new LineAction?[level.Linedefs.Length];
        for (var line = 0; line < Actions.Length; line++)
        {
            Actions[line] = Describe(line);
        }

        _actionsBySector = new List<LineAction>[level.Sectors.Length];
        foreach (var action in Actions)
        {
            foreach (var sector in action?.Sectors ?? [])
            {
                (_actionsBySector[sector] ??= []).Add(action!);
            }
        }

        var useLists = new List<(int Cell, int Value)>();
        var gunLists = new List<(int Cell, int Value)>();
        var scratch = new List<int>();
        foreach (var action in Actions)
        {
            if (action is null)
            {
                continue;
            }

            if (action.Trigger is LineTrigger.Switch or LineTrigger.Door)
            {
                AddUseCells(action.Line, useLists, scratch);
            }

            if (action.Trigger == LineTrigger.Gun || action.Shootable)
            {
                AddGunCells(action.Line, gunLists, scratch);
            }
        }

        _crossings = new CrossingIndex(Grid, geometry, Actions.Where(a => a?.Trigger == LineTrigger.Walk).Select(a => a!.Line));
        UseLines = new CellLists(Grid.Count, useLists);
        GunLines = new CellLists(Grid.Count, gunLists);

        var pickups = new List<(int Cell, int Value)>();
        Items = new ThingTypeInfo?[level.Things.Length];
        KeyDropped = new bool[level.Things.Length];
        for (var t = 0; t < level.Things.Length; t++)
        {
            Items[t] = PlacedItems.Gives(level, level.Things[t].Type, out KeyDropped[t]);
            if (ThingPresent[t] && Items[t] is not null)
            {
                AddTouchCells(t, pickups);
            }
        }

        Pickups = new CellLists(Grid.Count, pickups);
    }

    public Level Level { get; }

    public LevelGeometry Geometry { get; }

    public NavGrid Grid { get; }

    /// <summary>The most cells the level's grids may have (<see cref="NavGrid.MaxCells"/>, or more for a second look).</summary>
    public int MaxCells { get; }

    /// <summary>The blocking changes of the scripts the level starts by itself, made before play (see the constructor).</summary>
    public IReadOnlyList<StartScriptGate> StartGates { get; }

    /// <summary>The lines with a line id (Hexen's Line_SetIdentification, UDMF's <c>id</c> and <c>moreids</c>).</summary>
    public IReadOnlyList<int> LinesWithId(int id) => _linesById.TryGetValue(id, out var lines) ? lines : [];

    public Skills SkillFlag { get; }

    /// <summary>The flag of a skill 1-5 (clamped) that things carry.</summary>
    public static Skills SkillFlagOf(int skill) => (Skills)(1 << (Math.Clamp(skill, 1, 5) - 1));

    /// <summary>Whether each thing is spawned on this skill in single player.</summary>
    public bool[] ThingPresent { get; }

    /// <summary>
    /// Cells from which a body's box is within a body's width of a thing it may pass beneath (<see cref="HungBottom"/>): the
    /// walk creeps there, so that a body come off a higher step (airborne at a run) is on the floor when its box comes
    /// under the thing.
    /// </summary>
    public bool[] NearHung { get; }

    /// <summary>
    /// How low a solid thing hung from the ceiling reaches, at the level's start, where a body may pass beneath it: in the
    /// ZDoom family's ports things have heights, and the player passes over or under them (PlayerPawn's +CANPASS,
    /// PIT_CheckThing with compat_nopassover off), so a body whose top is at or under the thing's bottom is not stopped
    /// (Hacx 2's ceiling lights, 16 units tall, hang over its corridors and stairs). Null for a thing that blocks at any
    /// height (vanilla's things are infinitely tall). The grid judges each cell by the floor under the box there; the
    /// trajectory validator checks every pass against the heights of its tic.
    /// </summary>
    public double? HungBottom(int thing) => _hung[thing]?.Bottom;

    // Each thing's HungBottom and radius, worked out once: the grid asks for them at every cell a thing covers.
    private static (double Bottom, int Radius)?[] HungThings(Level level, LevelGeometry geometry)
    {
        var result = new (double Bottom, int Radius)?[level.Things.Length];
        if (!level.MadeForZDoomPorts)
        {
            return result;
        }

        for (var t = 0; t < result.Length; t++)
        {
            var thing = level.Things[t];
            if (SolidScenery.Hanging(level, thing.Type) is { } hung && geometry.SectorAt(thing.X, thing.Y) is var sector and >= 0)
            {
                result[t] = (level.Sectors[sector].CeilingHeight - thing.Z - hung.Height, hung.Radius);
            }
        }

        return result;
    }

    /// <summary>The sector under each thing (-1 in the void).</summary>
    public int[] ThingSector { get; }

    public Dictionary<int, List<int>> SectorsByTag { get; }

    /// <summary>Boom's conveyors: the floors that carry bodies.</summary>
    public CarryingFloors Carrying { get; }

    /// <summary>What each line does, or null for lines without a special the explorer acts on.</summary>
    public LineAction?[] Actions { get; }

    /// <summary>Per cell, a bit for each of the 8 steps that crosses a walk-over special line.</summary>
    public byte[] CrossMask => _crossings.Mask;

    /// <summary>Switch and manual-door lines usable from each cell.</summary>
    public CellLists UseLines { get; }

    /// <summary>Gun lines shootable from each cell (in sight within <see cref="GunRange"/>, or in a sector on either side).</summary>
    public CellLists GunLines { get; }

    /// <summary>
    /// What each thing gives the body that touches it (<see cref="PlacedItems"/>), or null. A mod's monster that drops a
    /// key counts as that key where it stands (<see cref="KeyDropped"/>): the explorer does not fight, so it assumes the
    /// monster is killed there, as it assumes a boss in view is.
    /// </summary>
    public ThingTypeInfo?[] Items { get; }

    /// <summary>Whether each thing's item is a key its monster drops when killed, rather than a thing on the map.</summary>
    public bool[] KeyDropped { get; }

    /// <summary>Pickups (thing indices) the body touches in each cell, before the height check.</summary>
    public CellLists Pickups { get; }

    /// <summary>The sector on the line's front side (a special's "line's own sector" targets read it), or null.</summary>
    public int? FrontSector(int line) => Level.Linedefs[line].FrontSide is >= 0 and var side ? Level.Sidedefs[side].Sector : null;

    public IReadOnlyList<LineAction> ActionsOnSector(int sector) => _actionsBySector[sector] ?? (IReadOnlyList<LineAction>)[];

    /// <summary>The walk-over lines a step from <paramref name="cell"/> in <paramref name="direction"/> crosses.</summary>
    public List<(int Line, bool FrontToBack)>? Crossings(int cell, int direction) =>
        _crossings[cell, direction];

    /// <summary>
    /// Walk-over lines play does not set off: a trap an earlier attempt fell into (a door that shut behind it, a floor
    /// that sank under it), for another attempt to go round. Steps and jumps across them are not taken.
    /// </summary>
    public IReadOnlySet<int> Avoided { get; init; } = new HashSet<int>();

    /// <summary>Whether a step sets off a line play avoids (<see cref="Avoided"/>).</summary>
    public bool CrossesAvoided(int cell, int direction)
    {
        if (Avoided.Count == 0 || Crossings(cell, direction) is not { } crossed)
        {
            return false;
        }

        foreach (var (line, frontToBack) in crossed)
        {
            if (Avoided.Contains(line) && Actions[line]!.CrossedToSetOff(frontToBack))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a step crosses a line no jump flies over: a teleport or exit line (where it lands would depend on it), or
    /// one play avoids.
    /// </summary>
    public bool StopsJumps(int cell, int direction)
    {
        if (Crossings(cell, direction) is not { } crossed)
        {
            return false;
        }

        foreach (var (line, _) in crossed)
        {
            if (Actions[line]!.Teleport || Actions[line]!.Exit)
            {
                return true;
            }
        }

        return CrossesAvoided(cell, direction);
    }

    /// <summary>The cell a body teleported to a destination thing stands in: the thing's cell, or the nearest free one within 16 units.</summary>
    public int ArrivalCell(double x, double y)
    {
        var best = Grid.CellAt(x, y);
        if (Grid.Blocked[best] == NavGrid.Free)
        {
            return best;
        }

        var reach = (int)Math.Ceiling(NavGrid.BodyRadius / Grid.CellSize);
        var bestDistance = double.MaxValue;
        var found = -1;
        for (var dy = -reach; dy <= reach; dy++)
        {
            for (var dx = -reach; dx <= reach; dx++)
            {
                var cell = best + (dy * Grid.Columns) + dx;
                if (cell < 0 || cell >= Grid.Count || Grid.Blocked[cell] != NavGrid.Free)
                {
                    continue;
                }

                var d = Math.Abs(Grid.X(cell) - x) + Math.Abs(Grid.Y(cell) - y);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    found = cell;
                }
            }
        }

        return found;
    }

    public string ThingName(int thing)
    {
        return ThingNames.Of(Level, Level.Things[thing].Type);
    }

    private int[] Tagged(int tag) => tag != 0 && SectorsByTag.TryGetValue(tag, out var list) ? [.. list] : [];

    private int[] BackSector(in Linedef line) => line.BackSide < 0 ? [] : [Level.Sidedefs[line.BackSide].Sector];

    private LineAction? Describe(int index)
    {
        ref readonly var line = ref Level.Linedefs.ItemRef(index);
        if (line.Special == 0)
        {
            return null;
        }

        return Level.UsesDoomSpecials ? DescribeDoom(index, line) : DescribeHexen(index, line);
    }

    private LineAction? DescribeDoom(int index, in Linedef line)
    {
        var info = LinedefSpecials.FindDoom(line.Special);

        // Monster-only specials (teleports 125, 126 and Boom's 264-269) never act for the player.
        if (info is null || info.Trigger == LineTrigger.None || line.Special is 125 or 126 or (>= 264 and <= 269))
        {
            return null;
        }

        // A door that closes and opens again 30 s later: shut until then (SectorMoves leaves it out as moving nothing for good).
        var reopening = CloseWaitOpenSpeed(line.Special);
        var move = reopening is { } speed ? new SectorMove(true, MoveTarget.OwnFloor, MoveKind.Permanent, Speed: speed) : SectorMoves.FindDoom(line.Special);

        // Crushers start or stop; the stop lines (57, 74, 168, 188) crush nothing.
        var crusher = info.Effect == LineEffect.Crusher && line.Special is not (57 or 74 or 168 or 188);
        var sectors = move is null && !crusher ? [] : info.Trigger == LineTrigger.Door ? BackSector(line) : Tagged(line.Tag);
        var action = new LineAction
        {
            Line = index,
            Trigger = info.Trigger,
            Repeatable = info.Repeatable,
            Name = $"{info.TriggerCode} {info.Name}",
            Move = move,
            Sectors = sectors,
            Keys = info.Keys,
            Exit = info.Effect is LineEffect.Exit or LineEffect.SecretExit,
            SecretExit = info.Effect == LineEffect.SecretExit,
            Crusher = crusher,
            ReopenAfter = reopening is null ? 0 : CloseWaitTics,
            Teleport = info.Effect == LineEffect.Teleport,
        };
        if (action.Teleport)
        {
            FindTeleportDestination(action, line.Tag, 0);
        }

        return action;
    }

    // Doom's close-wait-open doors (vld_close30ThenOpen, EV_DoDoor) and Boom's generalised ones of that kind: speed or null.
    private static int? CloseWaitOpenSpeed(int special) => special switch
    {
        16 or 76 or 175 or 196 => 2,
        >= GeneralizedRanges.DoorBase and < GeneralizedRanges.CeilingBase when ((special >> 5) & 3) == 2 => 2 << ((special >> 3) & 3),
        _ => null,
    };

    private LineAction? DescribeHexen(int index, in Linedef raw)
    {
        var info = LinedefSpecials.FindHexen(raw.Special);
        if (info is null)
        {
            return null;
        }

        // A line whose script makes one sector move is that move (ScriptedLines); its name says both.
        var line = ScriptedLines.Effective(Level, raw);
        var acts = LinedefSpecials.FindHexen(line.Special) ?? info;
        var name = line.Special == raw.Special ? info.Name : $"{info.Name} {raw.Args.Arg0} ({acts.Name})";

        var activation = line.Activation;
        var trigger = (activation & (LineActivation.PlayerUse | LineActivation.PlayerPush)) != 0 ? LineTrigger.Switch
            : (activation & LineActivation.PlayerCross) != 0 ? LineTrigger.Walk
            : (activation & LineActivation.Impact) != 0 ? LineTrigger.Gun
            : LineTrigger.None;
        if (trigger == LineTrigger.None)
        {
            return null;
        }

        var move = SectorMoves.FindHexen(line.Special, line.Args);
        var sectors = move is null ? [] : line.Args.Arg0 == 0 ? BackSector(line)
            : [.. Tagged(line.Args.Arg0).Concat(ScriptedLines.MoreTags(Level, raw).SelectMany(Tagged)).Distinct()];
        var blocking = _blocking[index];
        if (blocking.Count > 0 && line.Special == raw.Special && raw.Special != LineBlockingChange.Special)
        {
            name = $"{info.Name} {raw.Args.Arg0} (Line_SetBlocking)";
        }

        var action = new LineAction
        {
            Line = index,
            Trigger = trigger,
            Repeatable = (activation & LineActivation.Repeatable) != 0,
            Name = $"{ExitFinderCode(activation)} {name}",
            Move = move,
            Sectors = sectors,
            Keys = LinedefSpecials.HexenLineLock(raw, line),
            Exit = acts.Effect is LineEffect.Exit or LineEffect.SecretExit,
            SecretExit = acts.Effect == LineEffect.SecretExit,
            Teleport = line.Special is 70 or 71,
            Shootable = (activation & LineActivation.Impact) != 0,
            FrontSideOnly = (activation & LineActivation.FirstSideOnly) != 0,
            Blocking = blocking,
            Assumption = ScriptedLines.Assumption(Level, raw),
        };
        if (action.Teleport)
        {
            FindTeleportDestination(action, HexenTeleports.Tag(line.Special, line.Args), line.Args.Arg0);
        }

        return action;
    }

    private static string ExitFinderCode(LineActivation activation) => Metadata.ExitFinder.ActivationCode(activation);

    // Vanilla EV_Teleport: the first sector (by index) with the tag that holds a destination thing; within it, the first
    // such thing. Hexen's Teleport names the destination by thing id instead (the tag, when given, narrows it); with no
    // destination of that id and no tag, GZDoom lands on a map spot with it, else on any thing with it.
    private void FindTeleportDestination(LineAction action, int tag, int tid)
    {
        var best = FindDestinationThing(tag, tid);
        if (best < 0 && tid != 0 && tag == 0)
        {
            best = FirstWithTid(tid, HexenTeleports.IsMapSpot);
            best = best >= 0 ? best : FirstWithTid(tid, _ => true);
        }

        if (best >= 0)
        {
            action.TeleportThing = best;
            action.TeleportCell = ArrivalCell(Level.Things[best].X, Level.Things[best].Y);
        }
    }

    private int FirstWithTid(int tid, Func<int, bool> type)
    {
        for (var t = 0; t < Level.Things.Length; t++)
        {
            if (ThingPresent[t] && Level.Things[t].Tid == tid && type(Level.Things[t].Type))
            {
                return t;
            }
        }

        return -1;
    }

    private int FindDestinationThing(int tag, int tid)
    {
        var best = -1;
        for (var t = 0; t < Level.Things.Length; t++)
        {
            ref readonly var thing = ref Level.Things.ItemRef(t);
            if (!ThingPresent[t] || !HexenTeleports.IsDestination(thing.Type))
            {
                continue;
            }

            if (tid != 0)
            {
                if (thing.Tid != tid || (tag != 0 && (ThingSector[t] < 0 || Level.Sectors[ThingSector[t]].Tag != tag)))
                {
                    continue;
                }

                best = t;
                break;
            }

            if (tag == 0 || ThingSector[t] < 0 || Level.Sectors[ThingSector[t]].Tag != tag)
            {
                continue;
            }

            if (best < 0 || ThingSector[t] < ThingSector[best])
            {
                best = t;
            }
        }

        return best;
    }

    // Use lines: cells on the front side (either side with ZDoom's playeruseback) whose centre is within the use range,
    // with no one-sided wall in between.
    private void AddUseCells(int line, List<(int Cell, int Value)> lists, List<int> scratch)
    {
        var usedFromBack = (Level.Linedefs[line].Activation & LineActivation.PlayerUseBack) != 0;
        var (x1, y1, x2, y2) = Geometry.Segment(line);
        var length2 = ((x2 - x1) * (x2 - x1)) + ((y2 - y1) * (y2 - y1));
        var colLow = Math.Max(0, (int)Math.Floor((Math.Min(x1, x2) - UseRange - Grid.OriginX) / Grid.CellSize));
        var colHigh = Math.Min(Grid.Columns - 1, (int)Math.Ceiling((Math.Max(x1, x2) + UseRange - Grid.OriginX) / Grid.CellSize));
        var rowLow = Math.Max(0, (int)Math.Floor((Math.Min(y1, y2) - UseRange - Grid.OriginY) / Grid.CellSize));
        var rowHigh = Math.Min(Grid.Rows - 1, (int)Math.Ceiling((Math.Max(y1, y2) + UseRange - Grid.OriginY) / Grid.CellSize));
        for (var r = rowLow; r <= rowHigh; r++)
        {
            for (var c = colLow; c <= colHigh; c++)
            {
                var cell = (r * Grid.Columns) + c;
                if (Grid.Blocked[cell] != NavGrid.Free)
                {
                    continue;
                }

                double px = Grid.X(cell), py = Grid.Y(cell);
                if (!usedFromBack && !NavGrid.OnFront(x1, y1, x2, y2, px, py))
                {
                    continue;
                }

                var t = length2 == 0 ? 0 : Math.Clamp((((px - x1) * (x2 - x1)) + ((py - y1) * (y2 - y1))) / length2, 0, 1);
                var qx = x1 + (t * (x2 - x1));
                var qy = y1 + (t * (y2 - y1));
                var distance2 = ((px - qx) * (px - qx)) + ((py - qy) * (py - qy));
                if (distance2 > UseRange * UseRange || Grid.WallBetween(px, py, qx, qy, line, scratch))
                {
                    continue;
                }

                lists.Add((cell, line));
            }
        }
    }

    // Gun lines: shot from any spot within range that sees the line's middle past every one-sided wall (from the front
    // for a one-sided line), sampled every other cell, and from anywhere in the sectors on its two sides.
    private void AddGunCells(int line, List<(int Cell, int Value)> lists, List<int> scratch)
    {
        ref readonly var def = ref Level.Linedefs.ItemRef(line);
        var seen = new HashSet<int>();
        foreach (var side in (ReadOnlySpan<int>)[def.FrontSide, def.BackSide])
        {
            if (side < 0)
            {
                continue;
            }

            var sector = Level.Sidedefs[side].Sector;
            foreach (var cell in Grid.CellsOfSector(sector))
            {
                if (Grid.CenterSector[cell] == sector && Grid.Blocked[cell] == NavGrid.Free && seen.Add(cell))
                {
                    lists.Add((cell, line));
                }
            }
        }

        var (x1, y1, x2, y2) = Geometry.Segment(line);
        var (mx, my) = Geometry.Midpoint(line);
        var reach = (int)Math.Ceiling(GunRange / Grid.CellSize);
        var center = Grid.CellAt(mx, my);
        int col0 = center % Grid.Columns, row0 = center / Grid.Columns;
        for (var r = Math.Max(1, row0 - reach); r <= Math.Min(Grid.Rows - 2, row0 + reach); r += 2)
        {
            for (var c = Math.Max(1, col0 - reach); c <= Math.Min(Grid.Columns - 2, col0 + reach); c += 2)
            {
                var cell = (r * Grid.Columns) + c;
                double px = Grid.X(cell), py = Grid.Y(cell);
                if (((px - mx) * (px - mx)) + ((py - my) * (py - my)) > GunRange * GunRange ||
                    (def.BackSide < 0 && !NavGrid.OnFront(x1, y1, x2, y2, px, py)) ||
                    Grid.WallBetween(px, py, mx, my, line, scratch))
                {
                    continue;
                }

                foreach (var n in (ReadOnlySpan<int>)[cell, cell + 1, cell + Grid.Columns, cell + Grid.Columns + 1])
                {
                    if (Grid.Blocked[n] == NavGrid.Free && seen.Add(n))
                    {
                        lists.Add((n, line));
                    }
                }
            }
        }
    }

    private void AddTouchCells(int thing, List<(int Cell, int Value)> lists)
    {
        ref readonly var t = ref Level.Things.ItemRef(thing);
        var colLow = Math.Max(0, (int)Math.Floor((t.X - TouchReach - Grid.OriginX) / Grid.CellSize));
        var colHigh = Math.Min(Grid.Columns - 1, (int)Math.Ceiling((t.X + TouchReach - Grid.OriginX) / Grid.CellSize));
        var rowLow = Math.Max(0, (int)Math.Floor((t.Y - TouchReach - Grid.OriginY) / Grid.CellSize));
        var rowHigh = Math.Min(Grid.Rows - 1, (int)Math.Ceiling((t.Y + TouchReach - Grid.OriginY) / Grid.CellSize));
        for (var r = rowLow; r <= rowHigh; r++)
        {
            for (var c = colLow; c <= colHigh; c++)
            {
                var cell = (r * Grid.Columns) + c;
                if (Grid.Blocked[cell] == NavGrid.Free &&
                    Math.Abs(Grid.X(cell) - t.X) < TouchReach && Math.Abs(Grid.Y(cell) - t.Y) < TouchReach)
                {
                    lists.Add((cell, thing));
                }
            }
        }
    }
}
