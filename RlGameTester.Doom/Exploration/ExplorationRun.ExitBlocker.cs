using System.Globalization;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration;

/// <content>Why the exit was not reached: the cheapest way from what was reached to an exit, counting rule breaks.</content>
internal sealed partial class ExplorationRun
{
    private const byte OpenableDoor = 1;
    private const byte LockedDoor = 2;

    private byte[] doorState = [];

    private void FindExitBlocker()
    {
        var level = model.Level;
        var anyExit = bossExitCells is not null;
        foreach (var action in model.Actions)
        {
            anyExit |= action is { Exit: true };
        }

        for (var s = 0; s < level.Sectors.Length && !anyExit; s++)
        {
            anyExit |= DescribeSector(level.Sectors[s].Special).EndsLevel;
        }

        if (!anyExit)
        {
            findings.Add(new ExplorerFinding(
                ExplorerFindingKind.ExitUnreachable,
                "Exit unreachable: the level has no exit",
                "No exit line, exit sector or boss whose death ends the level exists on this level, so it cannot be finished.",
                model.Geometry.Bounds.CenterX,
                model.Geometry.Bounds.CenterY)
            {
                Severity = "major",
                ElementKind = "level",
                Evidence = new Dictionary<string, string> { ["reason"] = "no exit" },
            });
            return;
        }

        doorState = new byte[level.Sectors.Length];
        foreach (var action in model.Actions)
        {
            if (action?.Move is not { Ceiling: true, Target: MoveTarget.DoorOpen })
            {
                continue;
            }

            var locked = action.Keys is { } needed && !needed.IsSatisfiedBy(keys);
            foreach (var sector in action.Sectors)
            {
                doorState[sector] = locked ? Math.Max(doorState[sector], LockedDoor) : OpenableDoor;
            }
        }

        var goal = RelaxedSearch();
        if (goal < 0)
        {
            var (x, y) = (grid.X(cell), grid.Y(cell));
            findings.Add(new ExplorerFinding(
                ExplorerFindingKind.ExitUnreachable,
                "Exit unreachable: no way to any exit, even climbing any step",
                $"Walls separate every exit from everything a player reaches (the furthest the agent got is ({N(x)}, {N(y)})).",
                x,
                y)
            {
                Severity = "critical",
                ElementKind = "level",
                Evidence = new Dictionary<string, string> { ["reason"] = "walled off" },
            });
            return;
        }

        var path = new List<int>();
        for (var c = goal; c >= 0; c = parent[c])
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
                return;
            }
        }

        // Nothing breaks the rules on the way but a door no line the agent reached opens.
        for (var i = 1; i < path.Count; i++)
        {
            var (a, b) = (path[i - 1], path[i]);
            if (IsNeighbour(a, b) && grid.Blocked[b] == NavGrid.Free && grid.Fits(a) && !grid.CanMoveEither(a, b))
            {
                var evidence = Furthest(furthest, goal);
                ReportLowOpening($"The furthest a player gets towards the exit at {At(goal)} is {At(furthest)}", b, grid.Ceiling[b] - grid.Floor1[a], evidence);
                return;
            }
        }

        // The step over a walk-over exit line itself may be what cannot be taken (a closed exit pad).
        for (var d = 0; d < 8; d++)
        {
            var into = goal + grid.Offsets[d];
            if (model.Crossings(goal, d) is { } crossed && crossed.Exists(x => model.Actions[x.Line]!.Exit) &&
                grid.Blocked[into] == NavGrid.Free && !grid.CanMoveEither(goal, into))
            {
                var intro = $"The furthest a player gets towards the exit is {At(furthest)}, next to the exit line";
                var step = Math.Min(grid.Floor0[into] - grid.Floor0[goal], grid.Floor1[into] - grid.Floor1[goal]);
                if (step > NavGrid.MaxStepUp)
                {
                    ReportExitBlocker(furthest, goal, into, goal);
                }
                else
                {
                    ReportLowOpening(intro, into, grid.Ceiling[into] - grid.Floor1[goal], Furthest(furthest, goal));
                }

                return;
            }
        }

        findings.Add(new ExplorerFinding(
            ExplorerFindingKind.ExitUnreachable,
            "Exit unreachable: the agent could not get to the exit",
            $"A path to the exit at {At(goal)} exists from {At(furthest)}, but the agent could not take it within its limits (tick limit {options.TickLimit}).",
            grid.X(furthest),
            grid.Y(furthest))
        {
            Severity = "major",
            ElementKind = "level",
            Evidence = Furthest(furthest, goal),
        });
    }

    private bool IsNeighbour(int a, int b)
    {
        for (var d = 0; d < 8; d++)
        {
            if (a + grid.Offsets[d] == b)
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
        searchGeneration++;
        heap.Clear();
        for (var c = 0; c < grid.Count; c++)
        {
            if (EverReachable[c])
            {
                searchStamp[c] = searchGeneration;
                distance[c] = 0;
                parent[c] = -1;
                heap.Enqueue(c, 0);
            }
        }

        while (heap.TryDequeue(out var c, out var cost))
        {
            if (cost > distance[c])
            {
                continue;
            }

            if (grid.Blocked[c] == NavGrid.Free && IsExit(c, secret: null, relaxed: true))
            {
                return c;
            }

            for (var d = 0; d < 8; d++)
            {
                var n = c + grid.Offsets[d];
                if (grid.Blocked[n] is NavGrid.Wall or NavGrid.Void)
                {
                    continue;
                }

                var stepCost = (d & 1) == 0 ? OrthogonalCost : DiagonalCost;
                var next = n;
                var violation = Violation(c, n);
                if (violation > 0 || grid.Blocked[c] != NavGrid.Free)
                {
                    stepCost += violation;
                }
                else if (Step(c, d, allowExit: true) is var stepped and >= 0)
                {
                    next = stepped;
                }

                var total = cost + stepCost;
                if (searchStamp[next] != searchGeneration || total < distance[next])
                {
                    searchStamp[next] = searchGeneration;
                    distance[next] = total;
                    parent[next] = c;
                    heap.Enqueue(next, total);
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
        if (grid.Blocked[b] == NavGrid.ThingBlocked)
        {
            return ViolationCost;
        }

        // Once inside an obstacle (a thing's box, a closed door), going on through it costs nothing more.
        if (grid.Blocked[a] != NavGrid.Free || !grid.Fits(a) || grid.CanMoveEither(a, b))
        {
            return 0;
        }

        var step = Math.Min(grid.Floor0[b] - grid.Floor0[a], grid.Floor1[b] - grid.Floor1[a]);
        if (step > NavGrid.MaxStepUp)
        {
            return ViolationCost;
        }

        var low = -1;
        foreach (var s in grid.SectorsTouched(b))
        {
            if (low < 0 || Heights.Ceiling[s] < Heights.Ceiling[low])
            {
                low = s;
            }
        }

        return doorState[low] switch
        {
            OpenableDoor => 0,
            LockedDoor => ViolationCost / 4,
            _ => ViolationCost,
        };
    }

    private Dictionary<string, string> Furthest(int furthest, int goal) => new()
    {
        ["furthest_x"] = N(grid.X(furthest)),
        ["furthest_y"] = N(grid.Y(furthest)),
        ["exit_x"] = N(grid.X(goal)),
        ["exit_y"] = N(grid.Y(goal)),
    };

    private void ReportExitBlocker(int furthest, int a, int b, int goal)
    {
        var evidence = Furthest(furthest, goal);
        var intro = $"The furthest a player gets towards the exit at {At(goal)} is {At(furthest)}";
        if (grid.Blocked[b] == NavGrid.ThingBlocked)
        {
            var thing = grid.BlockingElement[b];
            var t = model.Level.Things[thing];
            evidence["blocking_thing"] = thing.ToString(CultureInfo.InvariantCulture);
            AddExitFinding(
                $"Exit unreachable: {model.ThingName(thing)} (thing {thing}) blocks the way",
                $"{intro}; the solid {model.ThingName(thing).ToLowerInvariant()} at ({N(t.X)}, {N(t.Y)}) leaves no room for the body's 32x32 box to pass.",
                t.X,
                t.Y,
                "thing",
                thing,
                evidence);
            return;
        }

        var room = Math.Max(grid.Ceiling[b] - grid.Floor0[b], grid.Ceiling[b] - grid.Floor1[b]);
        var step = Math.Min(grid.Floor0[b] - grid.Floor0[a], grid.Floor1[b] - grid.Floor1[a]);
        var head = grid.Ceiling[b] - Math.Min(grid.Floor0[a], grid.Floor1[a]);
        if (step <= NavGrid.MaxStepUp && (room < NavGrid.BodyHeight || head < NavGrid.BodyHeight))
        {
            ReportLowOpening(intro, b, Math.Min(room, head), evidence);
            return;
        }

        // The step: the highest sector the box at b touches, and the line between it and where the body stands.
        var high = -1;
        foreach (var s in grid.SectorsTouched(b))
        {
            if (high < 0 || Heights.FloorHigh[s] > Heights.FloorHigh[high])
            {
                high = s;
            }
        }

        var line = StepLine(a, b, high);
        evidence["step"] = step.ToString(CultureInfo.InvariantCulture);
        evidence["blocking_sector"] = high.ToString(CultureInfo.InvariantCulture);

        // A floor some line would move (lower, or lift) that nobody set off: that line is what the way is waiting for.
        LineAction? mover = null;
        foreach (var action in model.Actions)
        {
            if (action is { Move.Ceiling: false } && !activated[action.Line] && Array.IndexOf(action.Sectors, high) >= 0 &&
                (mover is null || Distance(action.Line, b) < Distance(mover.Line, b)))
            {
                mover = action;
            }
        }

        if (mover is not null)
        {
            var (mx, my) = model.Geometry.Midpoint(mover.Line);
            evidence["mover_line"] = mover.Line.ToString(CultureInfo.InvariantCulture);
            if (line >= 0)
            {
                evidence["blocking_line"] = line.ToString(CultureInfo.InvariantCulture);
            }

            var keyText = mover.Keys is { } needed && !needed.IsSatisfiedBy(keys) ? $" (it needs the {needed.Description})" : string.Empty;
            AddExitFinding(
                $"Exit unreachable: sector {high} stays {step} units up (line {mover.Line} that moves it is never set off)",
                $"{intro}; from there the way on climbs {step} units into sector {high}, and line {mover.Line} ({mover.Name}) at ({N(mx)}, {N(my)}) that would move its floor cannot be reached{keyText}.",
                mx,
                my,
                "line",
                mover.Line,
                evidence);
            return;
        }

        if (line >= 0)
        {
            evidence["blocking_line"] = line.ToString(CultureInfo.InvariantCulture);
            var (x, y) = model.Geometry.Midpoint(line);
            AddExitFinding(
                $"Exit unreachable: the step up at line {line} is {step} units (the body climbs 24)",
                $"{intro}; from there the way on climbs {step} units into sector {high} at line {line} ({N(x)}, {N(y)}), and a player climbs at most 24.",
                x,
                y,
                "line",
                line,
                evidence);
            return;
        }

        AddExitFinding(
            $"Exit unreachable: the step up into sector {high} is {step} units (the body climbs 24)",
            $"{intro}; from there the way on climbs {step} units into sector {high}, and a player climbs at most 24.",
            grid.X(b),
            grid.Y(b),
            "sector",
            high,
            evidence);
    }

    // The opening is too low: a locked door without its key, a door nothing reachable opens, or a low ceiling.
    private void ReportLowOpening(string intro, int b, int room, Dictionary<string, string> evidence)
    {
        // The sector whose ceiling comes down over the body.
        var low = -1;
        foreach (var s in grid.SectorsTouched(b))
        {
            if (low < 0 || Heights.Ceiling[s] < Heights.Ceiling[low])
            {
                low = s;
            }
        }

        evidence["blocking_sector"] = low.ToString(CultureInfo.InvariantCulture);
        evidence["opening"] = room.ToString(CultureInfo.InvariantCulture);
        LineAction? locked = null;
        LineAction? door = null;
        foreach (var action in model.Actions)
        {
            if (action?.Move is null || Array.IndexOf(action.Sectors, low) < 0)
            {
                continue;
            }

            if (action.Keys is { } needed && !needed.IsSatisfiedBy(keys))
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
            var (x, y) = model.Geometry.Midpoint(locked.Line);
            var keyThing = KeyThingFor(key);
            string keyText;
            if (keyThing < 0)
            {
                keyText = $"there is no {key.Description} on skill {options.Skill}";
                evidence["key_present"] = "false";
            }
            else
            {
                var t = model.Level.Things[keyThing];
                keyText = $"the {key.Description} (thing {keyThing} at ({N(t.X)}, {N(t.Y)})) cannot be reached";
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
                "line",
                locked.Line,
                evidence);
            return;
        }

        if (door is not null && !activated[door.Line])
        {
            var (x, y) = model.Geometry.Midpoint(door.Line);
            evidence["blocking_line"] = door.Line.ToString(CultureInfo.InvariantCulture);
            AddExitFinding(
                $"Exit unreachable: sector {low} stays closed (line {door.Line} is never set off)",
                $"{intro}; sector {low} is only {room} units high there (the body needs 56), and line {door.Line} ({door.Name}) that would move it cannot be reached or set off.",
                x,
                y,
                "line",
                door.Line,
                evidence);
            return;
        }

        AddExitFinding(
            $"Exit unreachable: the opening into sector {low} is {room} units high (the body needs 56)",
            $"{intro}; the way on passes under a ceiling only {room} units above the floor in sector {low}, and nothing a player can reach moves it.",
            grid.X(b),
            grid.Y(b),
            "sector",
            low,
            evidence);
    }

    private int KeyThingFor(KeyRequirement key)
    {
        for (var t = 0; t < model.Level.Things.Length; t++)
        {
            if (model.ThingPresent[t] && ThingTypes.Find(model.Level.Things[t].Type) is { Key: not DoomKeys.None } info &&
                key.IsSatisfiedBy(info.Key | keys))
            {
                return t;
            }
        }

        return -1;
    }

    private double Distance(int line, int c)
    {
        var (x, y) = model.Geometry.Midpoint(line);
        return Math.Abs(x - grid.X(c)) + Math.Abs(y - grid.Y(c));
    }

    // The two-sided line touching the body's box at b that has the high sector on one side, nearest to where it stood.
    private int StepLine(int a, int b, int high)
    {
        var lines = new List<int>();
        double bx = grid.X(b), by = grid.Y(b);
        model.Geometry.Grid.LinesInBox(bx - NavGrid.BodyRadius, by - NavGrid.BodyRadius, bx + NavGrid.BodyRadius, by + NavGrid.BodyRadius, lines);
        var best = -1;
        var bestDistance = double.MaxValue;
        foreach (var line in lines)
        {
            ref readonly var def = ref model.Level.Linedefs.ItemRef(line);
            if (def.FrontSide < 0 || def.BackSide < 0)
            {
                continue;
            }

            var front = model.Level.Sidedefs[def.FrontSide].Sector;
            var back = model.Level.Sidedefs[def.BackSide].Sector;
            if ((front != high && back != high) || front == back)
            {
                continue;
            }

            var (x1, y1, x2, y2) = model.Geometry.Segment(line);
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

    private void AddExitFinding(string title, string description, double x, double y, string elementKind, int element, Dictionary<string, string> evidence) =>
        findings.Add(new ExplorerFinding(ExplorerFindingKind.ExitUnreachable, title, description, x, y)
        {
            Severity = "critical",
            ElementKind = elementKind,
            ElementIndex = element,
            Evidence = evidence,
        });
}
