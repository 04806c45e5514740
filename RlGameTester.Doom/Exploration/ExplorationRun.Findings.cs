using System.Globalization;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration;

/// <content>What the run found, judged on the sector heights it ended with, and the coverage figures.</content>
internal sealed partial class ExplorationRun
{
    private const int ViolationCost = 1_000_000;
    private const int MaxStuckSpots = 10;
    private const double SpotArea = 64 * 64;

    private readonly List<ExplorerFinding> findings = [];

    /// <summary>The findings, most severe first.</summary>
    public List<ExplorerFinding> Analyze(int startThing)
    {
        findings.Clear();
        Reach(StartCell);
        var seeds = new List<int> { StartCell };
        for (var c = 0; c < grid.Count; c++)
        {
            if (InReach(c) && IsExit(c, secret: null))
            {
                seeds.Add(c);
            }
        }

        ReachBack(seeds, returnStamp, ++returnGeneration);
        var deathCells = FindDeathZones(startThing);
        FindSoftlocks(deathCells);
        if (!ExitReached && !Died)
        {
            FindExitBlocker();
        }

        FindUnreachablePickups();
        FindUnreachableSecrets();
        FindNarrowGaps();
        FindBlockedTeleports();
        return [.. findings.OrderBy(f => SeverityRank(f.Severity)).ThenBy(f => f.Kind).ThenBy(f => f.ElementIndex ?? -1)];
    }

    /// <summary>Total floor, floor the body can cover (its box around reachable spots) and floor within 64 units of its walk.</summary>
    public (double Total, double Reachable, double Visited) Coverage()
    {
        var cellArea = grid.CellSize * grid.CellSize;
        var bodyCells = (int)Math.Round(NavGrid.BodyRadius / grid.CellSize);
        var sightCells = (int)Math.Round(BlockSize / grid.CellSize);
        var reachable = Dilate(EverReachable, bodyCells);
        var visited = Dilate(Trail, sightCells);
        long total = 0, reach = 0, seen = 0;
        for (var c = 0; c < grid.Count; c++)
        {
            if (grid.CenterSector[c] < 0)
            {
                continue;
            }

            total++;
            if (reachable[c])
            {
                reach++;
                if (visited[c])
                {
                    seen++;
                }
            }
        }

        return (total * cellArea, reach * cellArea, seen * cellArea);
    }

    private static int SeverityRank(string severity) => severity switch
    {
        "critical" => 0,
        "major" => 1,
        "minor" => 2,
        _ => 3,
    };

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private string At(int c) => $"({N(grid.X(c))}, {N(grid.Y(c))})";

    // Chebyshev dilation by k cells, separably: rows, then columns.
    private bool[] Dilate(bool[] source, int k)
    {
        int columns = grid.Columns, rows = grid.Rows;
        var horizontal = new bool[source.Length];
        for (var r = 0; r < rows; r++)
        {
            var lastSet = int.MinValue / 2;
            var row = r * columns;
            for (var c = 0; c < columns; c++)
            {
                if (source[row + c])
                {
                    lastSet = c;
                }

                if (c - lastSet <= k)
                {
                    horizontal[row + c] = true;
                }
            }

            lastSet = int.MaxValue / 2;
            for (var c = columns - 1; c >= 0; c--)
            {
                if (source[row + c])
                {
                    lastSet = c;
                }

                if (lastSet - c <= k)
                {
                    horizontal[row + c] = true;
                }
            }
        }

        var result = new bool[source.Length];
        for (var c = 0; c < columns; c++)
        {
            var lastSet = int.MinValue / 2;
            for (var r = 0; r < rows; r++)
            {
                if (horizontal[(r * columns) + c])
                {
                    lastSet = r;
                }

                if (r - lastSet <= k)
                {
                    result[(r * columns) + c] = true;
                }
            }

            lastSet = int.MaxValue / 2;
            for (var r = rows - 1; r >= 0; r--)
            {
                if (horizontal[(r * columns) + c])
                {
                    lastSet = r;
                }

                if (lastSet - r <= k)
                {
                    result[(r * columns) + c] = true;
                }
            }
        }

        return result;
    }

    private int DamageOf(int sector)
    {
        if (sector < 0 || !sectorDamaging[sector])
        {
            return 0;
        }

        var info = DescribeSector(Heights.Special[sector]);
        if (info.EndsLevel)
        {
            return 0;
        }

        return options.Skill <= 1 ? Math.Max(1, info.Damage >> 1) : info.Damage;
    }

    private bool Damaging(int c) => DamageOf(grid.CenterSector[c]) > 0 && OnSectorFloor(c, grid.CenterSector[c]);

    // Damaging cells from which no safe cell can be reached before the damage kills a body at full health.
    private bool[] FindDeathZones(int startThing)
    {
        var escape = new int[grid.Count];
        Array.Fill(escape, -1);
        queue.Clear();
        for (var c = 0; c < grid.Count; c++)
        {
            if (InReach(c) && !Damaging(c))
            {
                escape[c] = 0;
                queue.Enqueue(c);
            }
        }

        while (queue.Count > 0)
        {
            var to = queue.Dequeue();
            for (var d = 0; d < 8; d++)
            {
                var from = to - grid.Offsets[d];
                if (escape[from] >= 0 || !InReach(from) || Step(from, d, allowExit: false) != to)
                {
                    continue;
                }

                escape[from] = escape[to] + 1;
                queue.Enqueue(from);
            }
        }

        var deadly = new bool[grid.Count];
        var any = false;
        for (var c = 0; c < grid.Count; c++)
        {
            if (!InReach(c) || !Damaging(c))
            {
                continue;
            }

            var damage = DamageOf(grid.CenterSector[c]);
            var survivableTics = (((100 + damage - 1) / damage) - 1) * 32;
            var escapeTics = escape[c] < 0 ? int.MaxValue : (int)Math.Ceiling(escape[c] * grid.CellSize * 1.1 / Speed);
            if (escapeTics > survivableTics)
            {
                deadly[c] = true;
                any = true;
            }
        }

        if (any)
        {
            foreach (var component in ComponentsBySector(deadly))
            {
                var (sector, x, y) = Describe(component);
                var damage = DamageOf(sector);
                var trapped = component.Exists(c => escape[c] < 0);
                findings.Add(new ExplorerFinding(
                    ExplorerFindingKind.DeathZone,
                    trapped ? $"Death zone: a damaging pit in sector {sector} has no way out" : $"Death zone: the damaging floor of sector {sector} cannot be left in time",
                    trapped
                        ? $"A player who gets onto the damaging floor around ({N(x)}, {N(y)}) ({damage} hp every 32 tics) can never leave it and dies."
                        : $"From the damaging floor around ({N(x)}, {N(y)}) ({damage} hp every 32 tics) the nearest safe floor is too far to reach before a player at full health dies.",
                    x,
                    y)
                {
                    Severity = "critical",
                    ElementKind = "sector",
                    ElementIndex = sector,
                    Area = component.Count * grid.CellSize * grid.CellSize,
                    Tick = DeathTickIn(component),
                    Evidence = new Dictionary<string, string>
                    {
                        ["damage"] = damage.ToString(CultureInfo.InvariantCulture),
                        ["special"] = Heights.Special[sector].ToString(CultureInfo.InvariantCulture),
                        ["way_out"] = trapped ? "none" : "too far",
                    },
                });
            }
        }

        // A damaging floor under the start is worth knowing even when it can be left.
        var startSector = grid.CenterSector[StartCell];
        if (Damaging(StartCell) && !deadly[StartCell])
        {
            var thing = model.Level.Things[startThing];
            var damage = DamageOf(startSector);
            findings.Add(new ExplorerFinding(
                ExplorerFindingKind.DeathZone,
                $"Damaging floor at the player start (sector {startSector})",
                $"The player starts on a damaging floor ({damage} hp every 32 tics); it can be left before dying, but every player loses health from the first second.",
                thing.X,
                thing.Y)
            {
                Severity = "minor",
                ElementKind = "sector",
                ElementIndex = startSector,
                Evidence = new Dictionary<string, string>
                {
                    ["damage"] = damage.ToString(CultureInfo.InvariantCulture),
                    ["special"] = Heights.Special[startSector].ToString(CultureInfo.InvariantCulture),
                    ["escape_tics"] = escape[StartCell] < 0 ? "never" : ((int)Math.Ceiling(escape[StartCell] * grid.CellSize * 1.1 / Speed)).ToString(CultureInfo.InvariantCulture),
                    ["escapable"] = "true",
                },
            });
        }

        return deadly;
    }

    private int? DeathTickIn(List<int> component)
    {
        if (!Died)
        {
            return null;
        }

        var death = events[^1];
        return component.Contains(grid.CellAt(death.X, death.Y)) ? death.Tick : null;
    }

    // Reachable cells from which neither the start nor an exit can be reached any more.
    private void FindSoftlocks(bool[] deathCells)
    {
        var trapped = new bool[grid.Count];
        var any = false;
        for (var c = 0; c < grid.Count; c++)
        {
            if (InReach(c) && !InReturn(c) && !deathCells[c])
            {
                trapped[c] = true;
                any = true;
            }
        }

        if (!any)
        {
            return;
        }

        var spots = 0;
        foreach (var component in ComponentsBySector(trapped))
        {
            var area = component.Count * grid.CellSize * grid.CellSize;
            var (sector, x, y) = Describe(component);
            var (climb, climbCell) = LowestClimbOut(component, trapped);
            var evidence = new Dictionary<string, string>
            {
                ["sector"] = sector.ToString(CultureInfo.InvariantCulture),
                ["floor"] = Heights.FloorHigh[sector].ToString(CultureInfo.InvariantCulture),
            };
            if (climbCell >= 0)
            {
                evidence["lowest_climb_out"] = climb.ToString(CultureInfo.InvariantCulture);
                evidence["climb_out_x"] = N(grid.X(climbCell));
                evidence["climb_out_y"] = N(grid.Y(climbCell));
            }

            var agentStuck = component.Contains(cell) && !ExitReached;
            var climbText = climbCell >= 0 ? $" The lowest way up is {climb} units (the body climbs 24)." : string.Empty;
            if (area < SpotArea)
            {
                if (spots++ >= MaxStuckSpots)
                {
                    continue;
                }

                findings.Add(new ExplorerFinding(
                    ExplorerFindingKind.StuckSpot,
                    $"Stuck spot: the body can get into a spot at ({N(x)}, {N(y)}) but not out",
                    $"A player who steps into the small spot at ({N(x)}, {N(y)}) in sector {sector} cannot move out of it again.{climbText}",
                    x,
                    y)
                {
                    Severity = "major",
                    ElementKind = "sector",
                    ElementIndex = sector,
                    Area = area,
                    Tick = agentStuck ? lastTick : null,
                    Evidence = evidence,
                });
                continue;
            }

            findings.Add(new ExplorerFinding(
                ExplorerFindingKind.Softlock,
                $"Softlock: falling into the area around ({N(x)}, {N(y)}) leaves no way back and no exit",
                $"A player who gets into sector {sector} around ({N(x)}, {N(y)}) ({N(area)} square units) can reach neither the start nor an exit from there.{climbText}",
                x,
                y)
            {
                Severity = "critical",
                ElementKind = "sector",
                ElementIndex = sector,
                Area = area,
                Tick = agentStuck ? lastTick : null,
                Evidence = evidence,
            });
        }
    }

    private (int Climb, int Cell) LowestClimbOut(List<int> component, bool[] inside)
    {
        var best = int.MaxValue;
        var bestCell = -1;
        foreach (var c in component)
        {
            for (var d = 0; d < 8; d++)
            {
                var n = c + grid.Offsets[d];
                if (inside[n] || grid.Blocked[n] != NavGrid.Free || grid.Ceiling[n] - grid.Floor1[n] < NavGrid.BodyHeight)
                {
                    continue;
                }

                var climb = grid.Floor1[n] - grid.Floor1[c];
                if (climb > NavGrid.MaxStepUp && climb < best)
                {
                    best = climb;
                    bestCell = n;
                }
            }
        }

        return (best, bestCell);
    }

    // Connected areas, merged when most of them lies in the same sector (one finding per sector).
    private List<List<int>> ComponentsBySector(bool[] mask)
    {
        var bySector = new Dictionary<int, List<int>>();
        var order = new List<int>();
        foreach (var component in Components(mask))
        {
            var sector = Describe(component).Sector;
            if (bySector.TryGetValue(sector, out var merged))
            {
                merged.AddRange(component);
            }
            else
            {
                bySector.Add(sector, component);
                order.Add(sector);
            }
        }

        return order.ConvertAll(sector => bySector[sector]);
    }

    private List<List<int>> Components(bool[] mask)
    {
        var seen = new bool[grid.Count];
        var result = new List<List<int>>();
        for (var c = 0; c < grid.Count; c++)
        {
            if (!mask[c] || seen[c])
            {
                continue;
            }

            var component = new List<int>();
            seen[c] = true;
            queue.Clear();
            queue.Enqueue(c);
            while (queue.Count > 0)
            {
                var x = queue.Dequeue();
                component.Add(x);
                for (var d = 0; d < 8; d++)
                {
                    var n = x + grid.Offsets[d];
                    if (mask[n] && !seen[n])
                    {
                        seen[n] = true;
                        queue.Enqueue(n);
                    }
                }
            }

            result.Add(component);
        }

        return result;
    }

    // The sector most of a component lies in, and the component's cell nearest to its centroid.
    private (int Sector, double X, double Y) Describe(List<int> component)
    {
        var counts = new Dictionary<int, int>();
        double sx = 0, sy = 0;
        foreach (var c in component)
        {
            counts[grid.CenterSector[c]] = counts.GetValueOrDefault(grid.CenterSector[c]) + 1;
            sx += grid.X(c);
            sy += grid.Y(c);
        }

        var sector = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
        sx /= component.Count;
        sy /= component.Count;
        var nearest = component.MinBy(c => Math.Abs(grid.X(c) - sx) + Math.Abs(grid.Y(c) - sy));
        return (sector, grid.X(nearest), grid.Y(nearest));
    }

    private void FindUnreachablePickups()
    {
        var level = model.Level;
        var reachableTouch = new bool[level.Things.Length];
        for (var c = 0; c < grid.Count; c++)
        {
            if (!EverReachable[c])
            {
                continue;
            }

            foreach (var thing in model.Pickups[c])
            {
                if (!reachableTouch[thing] && Touches(c, thing))
                {
                    reachableTouch[thing] = true;
                }
            }
        }

        for (var t = 0; t < level.Things.Length; t++)
        {
            if (!model.ThingPresent[t] || taken[t] || reachableTouch[t] || ThingTypes.Find(level.Things[t].Type) is not { IsPickup: true } info)
            {
                continue;
            }

            var thing = level.Things[t];
            var isKey = info.Key != DoomKeys.None;
            var name = info.Name.ToLowerInvariant();
            var evidence = new Dictionary<string, string> { ["type"] = thing.Type.ToString(CultureInfo.InvariantCulture) };
            var sector = model.ThingSector[t];
            if (sector >= 0)
            {
                evidence["sector"] = sector.ToString(CultureInfo.InvariantCulture);
            }

            var nearby = NearestReachable(thing.X, thing.Y, 256);
            var where = nearby < 0
                ? "no spot a player reaches is within 256 units"
                : $"the nearest spot a player reaches is {N(Math.Max(Math.Abs(grid.X(nearby) - thing.X), Math.Abs(grid.Y(nearby) - thing.Y)))} units away, at {At(nearby)}";
            if (nearby >= 0)
            {
                evidence["nearest_reachable_x"] = N(grid.X(nearby));
                evidence["nearest_reachable_y"] = N(grid.Y(nearby));
            }

            findings.Add(new ExplorerFinding(
                isKey ? ExplorerFindingKind.UnreachableKey : ExplorerFindingKind.UnreachableItem,
                $"Unreachable {(isKey ? "key" : "item")}: {name} (thing {t})",
                $"The {name} at ({N(thing.X)}, {N(thing.Y)}) cannot be picked up on skill {options.Skill}: {where}.",
                thing.X,
                thing.Y)
            {
                Severity = isKey ? "major" : "minor",
                ElementKind = "thing",
                ElementIndex = t,
                Evidence = evidence,
            });
        }
    }

    private int NearestReachable(double x, double y, double range)
    {
        var center = grid.CellAt(x, y);
        var reach = (int)Math.Ceiling(range / grid.CellSize);
        int col0 = center % grid.Columns, row0 = center / grid.Columns;
        var best = -1;
        var bestDistance = double.MaxValue;
        for (var r = Math.Max(0, row0 - reach); r <= Math.Min(grid.Rows - 1, row0 + reach); r++)
        {
            for (var c = Math.Max(0, col0 - reach); c <= Math.Min(grid.Columns - 1, col0 + reach); c++)
            {
                var index = (r * grid.Columns) + c;
                if (!EverReachable[index])
                {
                    continue;
                }

                var d = Math.Max(Math.Abs(grid.X(index) - x), Math.Abs(grid.Y(index) - y));
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = index;
                }
            }
        }

        return best;
    }

    private void FindUnreachableSecrets()
    {
        var level = model.Level;
        var entered = new bool[level.Sectors.Length];
        for (var c = 0; c < grid.Count; c++)
        {
            if (EverReachable[c] && grid.CenterSector[c] >= 0)
            {
                entered[grid.CenterSector[c]] = true;
            }
        }

        for (var s = 0; s < level.Sectors.Length; s++)
        {
            if (entered[s] || !DescribeSector(level.Sectors[s].Special).Secret || model.Geometry.EdgesOfSector(s).Length == 0)
            {
                continue;
            }

            var (x, y) = Metadata.ExitFinder.PointInside(model.Geometry, s);
            findings.Add(new ExplorerFinding(
                ExplorerFindingKind.UnreachableSecret,
                $"Unreachable secret: sector {s}",
                $"No player can enter the secret sector {s} around ({N(x)}, {N(y)}), so the level's secret count cannot reach 100%.",
                x,
                y)
            {
                Severity = "minor",
                ElementKind = "sector",
                ElementIndex = s,
                Evidence = new Dictionary<string, string> { ["special"] = level.Sectors[s].Special.ToString(CultureInfo.InvariantCulture) },
            });
        }
    }

    // Two-sided lines the sector heights let a body through, into a sector with room for the body that it never reaches:
    // the way in is narrower than 32 units or blocked by a solid thing.
    private void FindNarrowGaps()
    {
        var level = model.Level;
        var entered = new bool[level.Sectors.Length];
        var roomy = new bool[level.Sectors.Length];
        for (var c = 0; c < grid.Count; c++)
        {
            var s = grid.CenterSector[c];
            if (s < 0)
            {
                continue;
            }

            entered[s] |= EverReachable[c];
            roomy[s] |= grid.Fits(c);
        }

        var reported = new bool[level.Sectors.Length];
        var count = 0;
        var cells = new List<int>();
        for (var line = 0; line < level.Linedefs.Length && count < MaxStuckSpots; line++)
        {
            ref readonly var def = ref level.Linedefs.ItemRef(line);
            if (def.FrontSide < 0 || def.BackSide < 0 || def.HasFlag(LinedefFlags.Impassable))
            {
                continue;
            }

            var a = level.Sidedefs[def.FrontSide].Sector;
            var b = level.Sidedefs[def.BackSide].Sector;
            var (from, into) = entered[a] && !entered[b] ? (a, b) : entered[b] && !entered[a] ? (b, a) : (-1, -1);
            if (from < 0 || reported[into] || !roomy[into] || !SectorsConnect(from, into))
            {
                continue;
            }

            // The line's own neighbourhood must have been reached, else the sectors' paths simply never met here.
            grid.CellsTouchedByLine(line, cells, NavGrid.BodyRadius + grid.CellSize);
            var nearReached = false;
            var thing = -1;
            foreach (var c in cells)
            {
                nearReached |= EverReachable[c];
                if (grid.Blocked[c] == NavGrid.ThingBlocked && thing < 0)
                {
                    thing = grid.BlockingElement[c];
                }
            }

            // Only a narrow gap or a solid thing is this line's doing; anything else is decided elsewhere on the way.
            if (!nearReached || (thing < 0 && model.Geometry.Length(line) >= 2 * NavGrid.BodyRadius))
            {
                continue;
            }

            reported[into] = true;
            count++;
            var (x, y) = model.Geometry.Midpoint(line);
            var width = model.Geometry.Length(line);
            var evidence = new Dictionary<string, string>
            {
                ["line"] = line.ToString(CultureInfo.InvariantCulture),
                ["sector"] = into.ToString(CultureInfo.InvariantCulture),
                ["gap_width"] = N(width),
            };
            string reason;
            if (thing >= 0)
            {
                evidence["blocking_thing"] = thing.ToString(CultureInfo.InvariantCulture);
                reason = $"{model.ThingName(thing)} (thing {thing}) blocks the way";
            }
            else
            {
                reason = $"the gap is {N(width)} units wide (the body needs 32)";
            }

            findings.Add(new ExplorerFinding(
                ExplorerFindingKind.StuckSpot,
                $"Stuck spot: the body cannot pass line {line} into sector {into}",
                $"The sectors' heights connect sector {from} to sector {into} through line {line} at ({N(x)}, {N(y)}), but {reason}, so a player never gets in.",
                x,
                y)
            {
                Severity = "minor",
                ElementKind = thing >= 0 ? "thing" : "line",
                ElementIndex = thing >= 0 ? thing : line,
                Evidence = evidence,
            });
        }
    }

    private bool SectorsConnect(int from, int into)
    {
        var opening = Math.Min(Heights.Ceiling[from], Heights.Ceiling[into]) - Math.Max(Heights.FloorHigh[from], Heights.FloorLow[into]);
        return opening >= NavGrid.BodyHeight && Heights.FloorLow[into] - Heights.FloorHigh[from] <= NavGrid.MaxStepUp;
    }

    private void FindBlockedTeleports()
    {
        foreach (var action in model.Actions)
        {
            if (action is not { Teleport: true, TeleportThing: >= 0, TeleportCell: < 0 })
            {
                continue;
            }

            var (lx, ly) = model.Geometry.Midpoint(action.Line);
            if (NearestReachable(lx, ly, 32) < 0)
            {
                continue;
            }

            var destination = model.Level.Things[action.TeleportThing];
            findings.Add(new ExplorerFinding(
                ExplorerFindingKind.StuckSpot,
                $"Stuck spot: teleport line {action.Line} puts the body inside a wall or thing",
                $"The destination (thing {action.TeleportThing}) at ({N(destination.X)}, {N(destination.Y)}) has no room for the body's 32x32 box; a player teleported there is stuck.",
                destination.X,
                destination.Y)
            {
                Severity = "major",
                ElementKind = "thing",
                ElementIndex = action.TeleportThing,
                Evidence = new Dictionary<string, string> { ["teleport_line"] = action.Line.ToString(CultureInfo.InvariantCulture) },
            });
        }
    }
}
