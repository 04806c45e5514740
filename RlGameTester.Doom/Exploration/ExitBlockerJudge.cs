using System.Globalization;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;
using static RlGameTester.Doom.Exploration.FindingText;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Why the exit was not reached: the cheapest way from everything the run reached to an exit, where breaking a rule
/// costs (one break per obstacle; a door some unlocked line opens is free, a locked door costs a quarter), names the
/// first break: a step too high and its line, a locked door and its key, a mover never set off, a low ceiling, a thing.
/// </summary>
internal sealed class ExitBlockerJudge(RunSnapshot run)
{
    /// <summary>The evidence reason of a finding that names no obstacle: the explorer's model sees a way it did not take.</summary>
    public const string NoObstacle = "no obstacle named";

    private const byte OpenableDoor = 1;
    private const byte LockedDoor = 2;
    private const int OrthogonalCost = 10;
    private const int DiagonalCost = 14;
    private const int ViolationCost = 1_000_000;

    private readonly NavGrid _grid = run.Grid;
    private readonly List<ExplorerFinding> _findings = [];
    private readonly PriorityQueue<int, int> _heap = new();
    private readonly int[] _stamp = new int[run.Grid.Count];
    private readonly int[] _distance = new int[run.Grid.Count];
    private readonly int[] _parent = new int[run.Grid.Count];
    private byte[] _doorState = [];
    private int _generation;

    /// <summary>The finding that says why the exit was not reached (none when it was).</summary>
    public IReadOnlyList<ExplorerFinding> Judge()
    {
        _findings.Clear();
        if (!run.Exits.AnyExit())
        {
            _findings.Add(new ExplorerFinding(
                ExplorerFindingKind.ExitUnreachable,
                "Exit unreachable: the level has no exit",
                "No exit line, exit sector or boss whose death ends the level exists on this level, so it cannot be finished.",
                run.Model.Geometry.Bounds.CenterX,
                run.Model.Geometry.Bounds.CenterY)
            {
                Severity = FindingSeverity.Major,
                ElementKind = ElementKind.Level,
                Evidence = new Dictionary<string, string> { ["reason"] = "no exit" },
            });
            return _findings;
        }

        var level = run.Model.Level;
        _doorState = new byte[level.Sectors.Length];
        foreach (var action in run.Model.Actions)
        {
            if (action?.Move is not { Ceiling: true, Target: MoveTarget.DoorOpen })
            {
                continue;
            }

            var locked = action.Keys is { } needed && !needed.IsSatisfiedBy(run.Body.Keys);
            foreach (var sector in action.Sectors)
            {
                _doorState[sector] = locked ? Math.Max(_doorState[sector], LockedDoor) : OpenableDoor;
            }
        }

        var goal = RelaxedSearch();
        if (goal < 0 && ImpassableExitBeside() is { Cell: >= 0 } beside)
        {
            ReportImpassableExit(beside.Cell, beside.Cell, beside.Cell, beside.Exit!);
            return _findings;
        }

        if (goal < 0)
        {
            var (x, y) = (_grid.X(run.Body.Cell), _grid.Y(run.Body.Cell));
            _findings.Add(new ExplorerFinding(
                ExplorerFindingKind.ExitUnreachable,
                "Exit unreachable: no way to any exit, even climbing any step",
                $"Walls separate every exit from everything a player reaches (the furthest the agent got is ({N(x)}, {N(y)})).",
                x,
                y)
            {
                Severity = FindingSeverity.Critical,
                ElementKind = ElementKind.Level,
                Evidence = new Dictionary<string, string> { ["reason"] = "walled off" },
            });
            return _findings;
        }

        var path = new List<int>();
        for (var c = goal; c >= 0; c = _parent[c])
        {
            path.Add(c);
        }

        path.Reverse();
        var furthest = path[0];
        for (var i = 1; i < path.Count; i++)
        {
            var (a, b) = (path[i - 1], path[i]);
            if (IsNeighbour(a, b) && Violation(a, b) > 0)
            {
                ReportExitBlocker(furthest, a, b, goal);
                return _findings;
            }
        }

        // Nothing breaks the rules on the way but a door no line the agent reached opens.
        for (var i = 1; i < path.Count; i++)
        {
            var (a, b) = (path[i - 1], path[i]);
            if (IsNeighbour(a, b) && _grid.Blocked[b] == NavGrid.Free && _grid.Fits(a) && !_grid.CanMoveEither(a, b))
            {
                var evidence = Furthest(furthest, goal);
                ReportLowOpening($"The furthest a player gets towards the exit at {At(_grid, goal)} is {At(_grid, furthest)}", b, _grid.Ceiling[b] - _grid.Floor1[a], evidence);
                return _findings;
            }
        }

        // The step over a walk-over exit line itself may be what cannot be taken (a closed exit pad).
        for (var d = 0; d < 8; d++)
        {
            var into = goal + _grid.Offsets[d];
            if (run.Model.Crossings(goal, d) is { } crossed && crossed.Exists(x => run.Model.Actions[x.Line]!.Exit) &&
                _grid.Blocked[into] == NavGrid.Free && !_grid.CanMoveEither(goal, into))
            {
                var intro = $"The furthest a player gets towards the exit is {At(_grid, furthest)}, next to the exit line";
                var step = Math.Min(_grid.Floor0[into] - _grid.Floor0[goal], _grid.Floor1[into] - _grid.Floor1[goal]);
                if (step > NavGrid.MaxStepUp)
                {
                    ReportExitBlocker(furthest, goal, into, goal);
                }
                else
                {
                    ReportLowOpening(intro, into, _grid.Ceiling[into] - _grid.Floor1[goal], Furthest(furthest, goal));
                }

                return _findings;
            }
        }

        // A walk-over exit on an impassable line: the box stops against the line before the centre crosses it, so the
        // special never fires (P_TryMove refuses the move; only a crossing centre sets a W line off).
        if (ImpassableExitBeside() is { Cell: >= 0 } shut)
        {
            ReportImpassableExit(shut.Cell, furthest, goal, shut.Exit!);
            return _findings;
        }

        // The explorer's model sees a way (ExitVerdictJudge says what the proof makes of it).
        var seen = Furthest(furthest, goal);
        seen["reason"] = NoObstacle;
        _findings.Add(new ExplorerFinding(
            ExplorerFindingKind.ExitUnreachable,
            "Exit unreachable: the agent could not get to the exit",
            // The relaxed search starts from every cell the run ever reached: a path of one cell is the exit itself.
            (furthest == goal
                ? $"The exit at {At(_grid, goal)} was within the agent's reach during the run"
                : $"A path to the exit at {At(_grid, goal)} exists from {At(_grid, furthest)}, within the agent's reach during the run") +
            (run.EndedStuck
                ? $", but its play left it trapped at {At(_grid, run.Body.Cell)}, from where no way leads back (the softlock finding says how)."
                : $", but the agent could not get there within its limits (tick limit {run.Options.TickLimit})."),
            _grid.X(furthest),
            _grid.Y(furthest))
        {
            Severity = FindingSeverity.Major,
            ElementKind = ElementKind.Level,
            Evidence = seen,
        });

        return _findings;
    }

    private void ReportImpassableExit(int beside, int furthest, int goal, LineAction exit)
    {
        var evidence = Furthest(furthest, goal);
        evidence["blocking_line"] = exit.Line.ToString(CultureInfo.InvariantCulture);
        evidence["impassable_exit"] = "true";
        var (x1, y1, x2, y2) = run.Model.Geometry.Segment(exit.Line);
        AddExitFinding(
            $"Exit unreachable: exit line {exit.Line} is impassable",
            $"A player gets next to exit line {exit.Line} ({exit.Name}) at {At(_grid, beside)}, but the line is flagged impassable: a player's box stops against it and its walk-over special never fires.",
            (x1 + x2) / 2,
            (y1 + y2) / 2,
            ElementKind.Line,
            exit.Line,
            evidence);
    }

    // A cell the relaxed search got to beside an impassable walk-over exit (the box there stops short of the line).
    private (int Cell, LineAction? Exit) ImpassableExitBeside()
    {
        var cells = new List<int>();
        foreach (var action in run.Model.Actions)
        {
            if (action is not { Exit: true, Trigger: LineTrigger.Walk } || !run.Model.Level.Linedefs[action.Line].BlocksPlayer)
            {
                continue;
            }

            _grid.CellsTouchedByLine(action.Line, cells, NavGrid.BodyRadius + _grid.CellSize);
            foreach (var c in cells)
            {
                if (_stamp[c] == _generation && _grid.Blocked[c] == NavGrid.Free)
                {
                    return (c, action);
                }
            }
        }

        return (-1, null);
    }

    private bool IsNeighbour(int a, int b)
    {
        for (var d = 0; d < 8; d++)
        {
            if (a + _grid.Offsets[d] == b)
            {
                return true;
            }
        }

        return false;
    }

    // Dijkstra from every cell ever reached to the nearest exit spot, where stepping into a solid thing, climbing too
    // high or squeezing under a low ceiling is allowed at a huge cost: the path found breaks the fewest rules.
    private int RelaxedSearch()
    {
        _generation++;
        _heap.Clear();
        for (var c = 0; c < _grid.Count; c++)
        {
            if (run.Reach.EverReachable[c])
            {
                _stamp[c] = _generation;
                _distance[c] = 0;
                _parent[c] = -1;
                _heap.Enqueue(c, 0);
            }
        }

        while (_heap.TryDequeue(out var c, out var cost))
        {
            if (cost > _distance[c])
            {
                continue;
            }

            if (_grid.Blocked[c] == NavGrid.Free && run.Exits.IsExit(c, secret: null, relaxed: true))
            {
                return c;
            }

            for (var d = 0; d < 8; d++)
            {
                var n = c + _grid.Offsets[d];
                if (_grid.Blocked[n] is NavGrid.Wall or NavGrid.Void)
                {
                    continue;
                }

                var stepCost = (d & 1) == 0 ? OrthogonalCost : DiagonalCost;
                var next = n;
                var violation = Violation(c, n);
                if (violation > 0 || _grid.Blocked[c] != NavGrid.Free)
                {
                    stepCost += violation;
                }
                else if (run.Steps.Step(c, d, allowExit: true) is var stepped and >= 0)
                {
                    next = stepped;
                }

                var total = cost + stepCost;
                if (_stamp[next] != _generation || total < _distance[next])
                {
                    _stamp[next] = _generation;
                    _distance[next] = total;
                    _parent[next] = c;
                    _heap.Enqueue(next, total);
                }
            }
        }

        return -1;
    }

    // What breaking the rules on a step costs: nothing for a door some unlocked line opens (the agent just never got
    // to it), a quarter for a door whose key is missing (the designer's way, locked), in full for a solid thing, a step
    // too high or a ceiling too low.
    private int Violation(int a, int b)
    {
        if (_grid.Blocked[b] == NavGrid.ThingBlocked)
        {
            return ViolationCost;
        }

        // Once inside an obstacle (a thing's box, a closed door), going on through it costs nothing more.
        if (_grid.Blocked[a] != NavGrid.Free || !_grid.Fits(a) || _grid.CanMoveEither(a, b))
        {
            return 0;
        }

        var step = Math.Min(_grid.Floor0[b] - _grid.Floor0[a], _grid.Floor1[b] - _grid.Floor1[a]);
        if (step > NavGrid.MaxStepUp)
        {
            return ViolationCost;
        }

        var low = -1;
        foreach (var s in _grid.SectorsTouched(b))
        {
            if (low < 0 || run.State.Heights.Ceiling[s] < run.State.Heights.Ceiling[low])
            {
                low = s;
            }
        }

        return _doorState[low] switch
        {
            OpenableDoor => 0,
            LockedDoor => ViolationCost / 4,
            _ => ViolationCost,
        };
    }

    private Dictionary<string, string> Furthest(int furthest, int goal) => new()
    {
        ["furthest_x"] = N(_grid.X(furthest)),
        ["furthest_y"] = N(_grid.Y(furthest)),
        ["exit_x"] = N(_grid.X(goal)),
        ["exit_y"] = N(_grid.Y(goal)),
    };

    private void ReportExitBlocker(int furthest, int a, int b, int goal)
    {
        var evidence = Furthest(furthest, goal);
        var intro = $"The furthest a player gets towards the exit at {At(_grid, goal)} is {At(_grid, furthest)}";
        if (_grid.Blocked[b] == NavGrid.ThingBlocked)
        {
            var thing = _grid.BlockingElement[b];
            var t = run.Model.Level.Things[thing];
            evidence["blocking_thing"] = thing.ToString(CultureInfo.InvariantCulture);
            AddExitFinding(
                $"Exit unreachable: {run.Model.ThingName(thing)} (thing {thing}) blocks the way",
                $"{intro}; the solid {run.Model.ThingName(thing).ToLowerInvariant()} at ({N(t.X)}, {N(t.Y)}) leaves no room for the body's 32x32 box to pass.",
                t.X,
                t.Y,
                ElementKind.Thing,
                thing,
                evidence);
            return;
        }

        var room = Math.Max(_grid.Ceiling[b] - _grid.Floor0[b], _grid.Ceiling[b] - _grid.Floor1[b]);
        var step = Math.Min(_grid.Floor0[b] - _grid.Floor0[a], _grid.Floor1[b] - _grid.Floor1[a]);
        var head = _grid.Ceiling[b] - Math.Min(_grid.Floor0[a], _grid.Floor1[a]);
        if (step <= NavGrid.MaxStepUp && (room < NavGrid.BodyHeight || head < NavGrid.BodyHeight))
        {
            ReportLowOpening(intro, b, Math.Min(room, head), evidence);
            return;
        }

        // The step: the highest sector the box at b touches, and the line between it and where the body stands.
        var high = -1;
        foreach (var s in _grid.SectorsTouched(b))
        {
            if (high < 0 || run.State.Heights.FloorHigh[s] > run.State.Heights.FloorHigh[high])
            {
                high = s;
            }
        }

        var line = StepLine(a, b, high);
        evidence["step"] = step.ToString(CultureInfo.InvariantCulture);
        evidence["blocking_sector"] = high.ToString(CultureInfo.InvariantCulture);

        // A floor some line would move (lower, or lift) that nobody set off: that line is what the way is waiting for.
        LineAction? mover = null;
        foreach (var action in run.Model.Actions)
        {
            if (action is { Move.Ceiling: false } && !run.State.Activated[action.Line] && Array.IndexOf(action.Sectors, high) >= 0 &&
                (mover is null || Distance(action.Line, b) < Distance(mover.Line, b)))
            {
                mover = action;
            }
        }

        if (mover is not null)
        {
            var (mx, my) = run.Model.Geometry.Midpoint(mover.Line);
            evidence["mover_line"] = mover.Line.ToString(CultureInfo.InvariantCulture);
            if (line >= 0)
            {
                evidence["blocking_line"] = line.ToString(CultureInfo.InvariantCulture);
            }

            var keyText = mover.Keys is { } needed && !needed.IsSatisfiedBy(run.Body.Keys) ? $" (it needs the {needed.Description})" : string.Empty;
            AddExitFinding(
                $"Exit unreachable: sector {high} stays {step} units up (line {mover.Line} that moves it is never set off)",
                $"{intro}; from there the way on climbs {step} units into sector {high}, and line {mover.Line} ({mover.Name}) at ({N(mx)}, {N(my)}) that would move its floor cannot be reached{keyText}.",
                mx,
                my,
                ElementKind.Line,
                mover.Line,
                evidence);
            return;
        }

        if (line >= 0)
        {
            evidence["blocking_line"] = line.ToString(CultureInfo.InvariantCulture);
            var (x, y) = run.Model.Geometry.Midpoint(line);
            AddExitFinding(
                $"Exit unreachable: the step up at line {line} is {step} units (the body climbs 24)",
                $"{intro}; from there the way on climbs {step} units into sector {high} at line {line} ({N(x)}, {N(y)}), and a player climbs at most 24.",
                x,
                y,
                ElementKind.Line,
                line,
                evidence);
            return;
        }

        AddExitFinding(
            $"Exit unreachable: the step up into sector {high} is {step} units (the body climbs 24)",
            $"{intro}; from there the way on climbs {step} units into sector {high}, and a player climbs at most 24.",
            _grid.X(b),
            _grid.Y(b),
            ElementKind.Sector,
            high,
            evidence);
    }

    // The opening is too low: a locked door without its key, a door nothing reachable opens, or a low ceiling.
    private void ReportLowOpening(string intro, int b, int room, Dictionary<string, string> evidence)
    {
        // The sector whose ceiling comes down over the body.
        var low = -1;
        foreach (var s in _grid.SectorsTouched(b))
        {
            if (low < 0 || run.State.Heights.Ceiling[s] < run.State.Heights.Ceiling[low])
            {
                low = s;
            }
        }

        evidence["blocking_sector"] = low.ToString(CultureInfo.InvariantCulture);
        evidence["opening"] = room.ToString(CultureInfo.InvariantCulture);
        LineAction? locked = null;
        LineAction? door = null;
        foreach (var action in run.Model.Actions)
        {
            if (action?.Move is null || Array.IndexOf(action.Sectors, low) < 0)
            {
                continue;
            }

            if (action.Keys is { } needed && !needed.IsSatisfiedBy(run.Body.Keys))
            {
                if (locked is null || Distance(action.Line, b) < Distance(locked.Line, b))
                {
                    locked = action;
                }
            }
            else if (door is null || Distance(action.Line, b) < Distance(door.Line, b))
            {
                door = action;
            }
        }

        if (locked is not null)
        {
            var key = locked.Keys!;
            var (x, y) = run.Model.Geometry.Midpoint(locked.Line);
            var keyThing = KeyThingFor(key);
            string keyText;
            if (keyThing < 0)
            {
                keyText = $"there is no {key.Description} on skill {run.Options.Skill}";
                evidence["key_present"] = "false";
            }
            else
            {
                var t = run.Model.Level.Things[keyThing];
                var where = $"thing {keyThing} at ({N(t.X)}, {N(t.Y)})";
                keyText = run.Model.KeyDropped[keyThing]
                    ? $"the {key.Description} that {ThingNames.Of(run.Model.Level, t.Type)} ({where}) drops when killed cannot be reached"
                    : $"the {key.Description} ({where}) cannot be reached";
                evidence["key_thing"] = keyThing.ToString(CultureInfo.InvariantCulture);
                evidence["key_present"] = "true";
            }

            evidence["blocking_line"] = locked.Line.ToString(CultureInfo.InvariantCulture);
            evidence["key_needed"] = key.Description;
            AddExitFinding(
                $"Exit unreachable: the locked door at line {locked.Line} needs the {key.Description}",
                $"{intro}; the door (sector {low}) opened by line {locked.Line} ({locked.Name}) needs the {key.Description}, and {keyText}.",
                x,
                y,
                ElementKind.Line,
                locked.Line,
                evidence);
            return;
        }

        if (door is not null && !run.State.Activated[door.Line])
        {
            var (x, y) = run.Model.Geometry.Midpoint(door.Line);
            evidence["blocking_line"] = door.Line.ToString(CultureInfo.InvariantCulture);
            AddExitFinding(
                $"Exit unreachable: sector {low} stays closed (line {door.Line} is never set off)",
                $"{intro}; sector {low} is only {room} units high there (the body needs 56), and line {door.Line} ({door.Name}) that would move it cannot be reached or set off.",
                x,
                y,
                ElementKind.Line,
                door.Line,
                evidence);
            return;
        }

        AddExitFinding(
            $"Exit unreachable: the opening into sector {low} is {room} units high (the body needs 56)",
            $"{intro}; the way on passes under a ceiling only {room} units above the floor in sector {low}, and nothing a player can reach moves it.",
            _grid.X(b),
            _grid.Y(b),
            ElementKind.Sector,
            low,
            evidence);
    }

    // A key on the map first; else a monster that drops one.
    private int KeyThingFor(KeyRequirement key)
    {
        foreach (var dropped in (bool[])[false, true])
        {
            for (var t = 0; t < run.Model.Level.Things.Length; t++)
            {
                if (run.Model.ThingPresent[t] && run.Model.KeyDropped[t] == dropped && run.Model.Items[t] is { Key: not DoomKeys.None } info &&
                    key.IsSatisfiedBy(info.Key | run.Body.Keys))
                {
                    return t;
                }
            }
        }

        return -1;
    }

    private double Distance(int line, int c)
    {
        var (x, y) = run.Model.Geometry.Midpoint(line);
        return Math.Abs(x - _grid.X(c)) + Math.Abs(y - _grid.Y(c));
    }

    // The two-sided line touching the body's box at b that has the high sector on one side, nearest to where it stood.
    private int StepLine(int a, int b, int high)
    {
        var lines = new List<int>();
        double bx = _grid.X(b), by = _grid.Y(b);
        run.Model.Geometry.Grid.LinesInBox(bx - NavGrid.BodyRadius, by - NavGrid.BodyRadius, bx + NavGrid.BodyRadius, by + NavGrid.BodyRadius, lines);
        var best = -1;
        var bestDistance = double.MaxValue;
        foreach (var line in lines)
        {
            ref readonly var def = ref run.Model.Level.Linedefs.ItemRef(line);
            if (def.FrontSide < 0 || def.BackSide < 0)
            {
                continue;
            }

            var front = run.Model.Level.Sidedefs[def.FrontSide].Sector;
            var back = run.Model.Level.Sidedefs[def.BackSide].Sector;
            if ((front != high && back != high) || front == back)
            {
                continue;
            }

            var (x1, y1, x2, y2) = run.Model.Geometry.Segment(line);
            if (!NavGrid.Touches(x1, y1, x2, y2, bx, by, NavGrid.BodyRadius))
            {
                continue;
            }

            var d = Distance(line, a);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = line;
            }
        }

        return best;
    }

    private void AddExitFinding(string title, string description, double x, double y, ElementKind elementKind, int element, Dictionary<string, string> evidence) =>
        _findings.Add(new ExplorerFinding(ExplorerFindingKind.ExitUnreachable, title, description, x, y)
        {
            Severity = FindingSeverity.Critical,
            ElementKind = elementKind,
            ElementIndex = element,
            Evidence = evidence,
        });
}
