using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration;

/// <content>Reachability and target searches over the grid.</content>
internal sealed partial class ExplorationRun
{
    private enum Goal
    {
        /// <summary>Keys, and lines that open or move something (not yet set off).</summary>
        Progress,

        /// <summary>Items not yet touched and areas not yet seen.</summary>
        Explore,

        /// <summary>Either of the above, from where the exit can still be reached.</summary>
        ProgressOrExploreTowardsExit,
        NormalExit,
        SecretExit,
    }

    private enum TargetKind
    {
        None,
        Pickup,
        Use,
        Gun,
        Cross,
        Coverage,
        ExitSector,
        Boss,
    }

    private readonly record struct Target(int Cell, TargetKind Kind, int Aux);

    /// <summary>
    /// The cell a step from <paramref name="from"/> in direction <paramref name="direction"/> leads to: the neighbour, or
    /// a teleport's arrival when the step crosses a usable teleport line from its front; -1 when the body cannot go.
    /// </summary>
    public int Step(int from, int direction, bool allowExit)
    {
        if (((moveMask[from] >> direction) & 1) == 0)
        {
            return -1;
        }

        var to = from + grid.Offsets[direction];
        if (((model.CrossMask[from] >> direction) & 1) == 0)
        {
            return to;
        }

        foreach (var (line, frontToBack) in model.Crossings(from, direction)!)
        {
            var action = model.Actions[line]!;
            if (action.Exit && !allowExit)
            {
                return -1;
            }

            if (action.Teleport && frontToBack && action.TeleportThing >= 0 && (action.Repeatable || !activated[line]))
            {
                return action.TeleportCell;
            }
        }

        return to;
    }

    /// <summary>
    /// Recomputes which of the 8 steps from a cell the body can take under the current heights; a step lost means the
    /// reachable sets must be searched again, steps gained only grow them.
    /// </summary>
    private void UpdateMoveMask(int c)
    {
        var mask = 0;
        if (grid.Blocked[c] == NavGrid.Free)
        {
            for (var d = 0; d < 8; d++)
            {
                if (grid.CanMoveEither(c, c + grid.Offsets[d]))
                {
                    mask |= 1 << d;
                }
            }
        }

        var old = moveMask[c];
        if (old == mask)
        {
            return;
        }

        if ((old & ~mask) != 0)
        {
            dirty = true;
        }
        else
        {
            grown.Add(c);
        }

        moveMask[c] = (byte)mask;
    }

    /// <summary>After a sector moved: the steps out of and into every cell touching it.</summary>
    private void UpdateMoveMasks(int sector)
    {
        ForgetJumps(sector);
        foreach (var c in grid.CellsOfSector(sector))
        {
            UpdateMoveMask(c);
            for (var d = 0; d < 8; d++)
            {
                var n = c + grid.Offsets[d];
                if (n > 0 && n < grid.Count)
                {
                    UpdateMoveMask(n);
                }
            }
        }
    }

    public bool InReach(int c) => reachStamp[c] == reachGeneration;

    private bool InReturn(int c) => returnStamp[c] == returnGeneration;

    private bool InExitReturn(int c) => exitReturnStamp[c] == exitReturnGeneration;

    /// <summary>Everything reachable from the agent now, and everything from which the agent's spot can be reached again.</summary>
    private void Refresh()
    {
        dirty = false;
        exhausted = 0;
        exitReturnValid = false;
        Reach(cell);
        ReachBack([cell], returnStamp, ++returnGeneration);
    }

    private void Reach(int from)
    {
        reachGeneration++;
        exitInReach = false;
        arrivals.Clear();
        queue.Clear();
        reachStamp[from] = reachGeneration;
        queue.Enqueue(from);
        ContinueReach(null);
    }

    /// <summary>
    /// After a change that only opened new steps (a door, a lift, a lowered floor): extends the reachable set and the
    /// set that can come back from the cells whose steps changed, instead of searching everything again.
    /// </summary>
    private void Grow()
    {
        exhausted = 0;
        exitReturnValid = false;
        growing.Clear();
        growing.AddRange(grown);
        grown.Clear();
        queue.Clear();
        foreach (var c in growing)
        {
            if (InReach(c))
            {
                queue.Enqueue(c);
            }
        }

        ContinueReach(growing);
        var seeds = new List<int>();
        foreach (var c in growing)
        {
            if (!InReach(c) || InReturn(c))
            {
                continue;
            }

            for (var k = 0; k < 16; k++)
            {
                var next = k < 8 ? Step(c, k, allowExit: false) : Jump(c, k & 7, out _);
                if (next >= 0 && InReturn(next))
                {
                    returnStamp[c] = returnGeneration;
                    seeds.Add(c);
                    break;
                }
            }
        }

        ReachBackFrom(seeds, returnStamp, returnGeneration);
    }

    // Breadth-first over the steps from the cells queued (already marked), marking what they reach.
    private void ContinueReach(List<int>? reached)
    {
        while (queue.Count > 0)
        {
            var c = queue.Dequeue();
            EverReachable[c] = true;
            if (!exitInReach && IsExit(c, secret: null))
            {
                exitInReach = true;
            }

            for (var k = 0; k < 16; k++)
            {
                var d = k & 7;
                var next = k < 8 ? Step(c, d, allowExit: false) : Jump(c, d, out _);
                if (next < 0)
                {
                    continue;
                }

                if (next != c + grid.Offsets[d])
                {
                    if (!arrivals.TryGetValue(next, out var sources))
                    {
                        sources = [];
                        arrivals.Add(next, sources);
                    }

                    if (!sources.Contains(c))
                    {
                        sources.Add(c);
                    }
                }

                if (reachStamp[next] != reachGeneration)
                {
                    reachStamp[next] = reachGeneration;
                    reached?.Add(next);
                    queue.Enqueue(next);
                }
            }
        }
    }

    // Cells of the reachable set from which one of the seeds can be reached (a search backwards along the steps).
    private void ReachBack(IEnumerable<int> seeds, int[] stamp, int generation)
    {
        var marked = new List<int>();
        foreach (var seed in seeds)
        {
            if (stamp[seed] != generation)
            {
                stamp[seed] = generation;
                marked.Add(seed);
            }
        }

        ReachBackFrom(marked, stamp, generation);
    }

    private void ReachBackFrom(List<int> marked, int[] stamp, int generation)
    {
        queue.Clear();
        foreach (var seed in marked)
        {
            queue.Enqueue(seed);
        }

        while (queue.Count > 0)
        {
            var to = queue.Dequeue();
            for (var d = 0; d < 8; d++)
            {
                var from = to - grid.Offsets[d];
                if (stamp[from] == generation || !InReach(from) || Step(from, d, allowExit: false) != to)
                {
                    continue;
                }

                stamp[from] = generation;
                queue.Enqueue(from);
            }

            if (arrivals.TryGetValue(to, out var sources))
            {
                foreach (var from in sources)
                {
                    if (stamp[from] != generation)
                    {
                        stamp[from] = generation;
                        queue.Enqueue(from);
                    }
                }
            }
        }
    }

    private void EnsureExitReturn()
    {
        if (exitReturnValid)
        {
            return;
        }

        exitReturnValid = true;
        var seeds = new List<int>();
        for (var c = 0; c < grid.Count; c++)
        {
            if (InReach(c) && IsExit(c, secret: null))
            {
                seeds.Add(c);
            }
        }

        ReachBack(seeds, exitReturnStamp, ++exitReturnGeneration);
    }

    private bool CanReachStart()
    {
        Reach(cell);
        return InReach(StartCell);
    }

    /// <summary>Dijkstra from the agent to the nearest cell meeting the goal; null when there is none.</summary>
    private Target? Search(Goal goal, bool requireReturn)
    {
        if (goal == Goal.ProgressOrExploreTowardsExit)
        {
            EnsureExitReturn();
        }

        var allowExit = goal is Goal.NormalExit or Goal.SecretExit;
        searchGeneration++;
        buckets.Clear();
        searchStamp[cell] = searchGeneration;
        distance[cell] = 0;
        parent[cell] = -1;
        hurt[cell] = 0;
        var protectedUntil = Math.Max(suitUntil, invulnerableUntil);

        // Keys, switches and the exit are worth most of the health; a look around or an item is worth half of it.
        var budget = goal is Goal.Explore or Goal.ProgressOrExploreTowardsExit ? (health / 2) - 10 : health - 10;
        buckets.Push(cell, 0);
        while (buckets.TryPop(out var c, out var cost))
        {
            if (cost != distance[c])
            {
                continue;
            }

            if ((!requireReturn || InReturn(c)) && Matches(c, goal, allowExit) is { } target)
            {
                return target;
            }

            for (var k = 0; k < 16; k++)
            {
                var d = directionOrder[k & 7];
                var jumpTics = 0.0;
                var next = k < 8 ? Step(c, d, allowExit) : Jump(c, d, out jumpTics);
                if (next < 0)
                {
                    continue;
                }

                var stepCost = k >= 8 ? (int)Math.Ceiling(jumpTics * 20)
                    : next != c + grid.Offsets[d] ? OrthogonalCost + (TeleportFreezeTics * 20)
                    : (d & 1) == 0 ? OrthogonalCost : DiagonalCost;
                // Damage expected on the way (hp per step at running speed, and while waiting for a lift on a damaging
                // floor): paths that would kill are not taken.
                var sector = grid.CenterSector[next];
                var damage = hurt[c];
                var here = grid.CenterSector[c];
                if (here >= 0 && sectorDamaging[here] && next == c + grid.Offsets[d] && grid.CanMove(c, next, 0) != grid.CanMove(c, next, 1))
                {
                    damage += sectorDamage[here] * LiftRideTics / 32.0;
                    stepCost += LiftRideTics * 20;
                }

                if (sector >= 0 && sectorDamaging[sector])
                {
                    stepCost += DamagePenalty;
                    if (lastTick + (cost / 20) >= protectedUntil || sectorEndsLevel[sector])
                    {
                        damage += sectorDamage[sector] * grid.CellSize / Speed / 32;
                        if (damage >= budget && !(allowExit && sectorEndsLevel[sector]))
                        {
                            continue;
                        }
                    }
                }

                var total = cost + stepCost;
                if (searchStamp[next] != searchGeneration || total < distance[next])
                {
                    searchStamp[next] = searchGeneration;
                    distance[next] = total;
                    parent[next] = c;
                    parentDirection[next] = (sbyte)d;
                    hurt[next] = damage;
                    buckets.Push(next, total);
                }
            }
        }

        return null;
    }

    private Target? Matches(int c, Goal goal, bool allowExit)
    {
        switch (goal)
        {
            case Goal.Progress:
                return ProgressAt(c);
            case Goal.Explore:
                return ExploreAt(c);
            case Goal.ProgressOrExploreTowardsExit:
                return InExitReturn(c) ? ProgressAt(c) ?? ExploreAt(c) : null;
            default:
                return ExitAt(c, goal == Goal.SecretExit, allowExit);
        }
    }

    private Target? ProgressAt(int c)
    {
        foreach (var thing in model.Pickups[c])
        {
            if (!taken[thing] && model.Level.Things[thing].Type is 5 or 6 or 13 or 38 or 39 or 40 && Touches(c, thing))
            {
                return new Target(c, TargetKind.Pickup, thing);
            }
        }

        foreach (var line in model.UseLines[c])
        {
            if (Wanted(line))
            {
                return new Target(c, TargetKind.Use, line);
            }
        }

        foreach (var line in model.GunLines[c])
        {
            if (Wanted(line))
            {
                return new Target(c, TargetKind.Gun, line);
            }
        }

        if (model.CrossMask[c] != 0)
        {
            for (var d = 0; d < 8; d++)
            {
                var crossed = model.Crossings(c, d);
                if (crossed is null)
                {
                    continue;
                }

                foreach (var (line, _) in crossed)
                {
                    if (Wanted(line) && Step(c, d, allowExit: false) >= 0)
                    {
                        return new Target(c, TargetKind.Cross, d);
                    }
                }
            }
        }

        return null;
    }

    // Lines worth going to: those that open or move something, and crushers on a level a crushed boss ends.
    private bool Wanted(int line) =>
        !activated[line] && model.Actions[line] is { } action && (action.Progress || (action.Crusher && bossExitTypes.Count > 0)) &&
        (action.Keys is null || action.Keys.IsSatisfiedBy(keys));

    private Target? ExploreAt(int c)
    {
        foreach (var thing in model.Pickups[c])
        {
            if (!thingDone[thing] && Touches(c, thing))
            {
                return new Target(c, TargetKind.Pickup, thing);
            }
        }

        // Damaging floors are crossed when needed, not toured.
        var sector = grid.CenterSector[c];
        return visitedBlock[BlockOf(grid.X(c), grid.Y(c))] || (sector >= 0 && sectorDamaging[sector]) ? null : new Target(c, TargetKind.Coverage, 0);
    }

    private bool IsExit(int c, bool? secret, bool relaxed = false) =>
        (secret != true && ExitAt(c, false, true, relaxed) is not null) || (secret != false && ExitAt(c, true, true, relaxed) is not null);

    // Relaxed: a walk-over exit counts whether or not the step over it can be taken now (for the exit blocker search).
    private Target? ExitAt(int c, bool secret, bool allowExit, bool relaxed = false)
    {
        foreach (var line in model.UseLines[c])
        {
            if (model.Actions[line] is { Exit: true } action && action.SecretExit == secret)
            {
                return new Target(c, TargetKind.Use, line);
            }
        }

        foreach (var line in model.GunLines[c])
        {
            if (model.Actions[line] is { Exit: true } action && action.SecretExit == secret)
            {
                return new Target(c, TargetKind.Gun, line);
            }
        }

        if (allowExit && model.CrossMask[c] != 0)
        {
            for (var d = 0; d < 8; d++)
            {
                var crossed = model.Crossings(c, d);
                if (crossed is null || (!relaxed && !grid.CanMoveEither(c, c + grid.Offsets[d])))
                {
                    continue;
                }

                foreach (var (line, _) in crossed)
                {
                    if (model.Actions[line] is { Exit: true } action && action.SecretExit == secret)
                    {
                        return new Target(c, TargetKind.Cross, d);
                    }
                }
            }
        }

        if (!secret)
        {
            var sector = grid.CenterSector[c];
            if (sector >= 0 && sectorDamaging[sector] && OnSectorFloor(c, sector) && DescribeSector(Heights.Special[sector]).EndsLevel)
            {
                return new Target(c, TargetKind.ExitSector, sector);
            }

            if (bossExitCells is not null && bossExitCells[c])
            {
                return new Target(c, TargetKind.Boss, 0);
            }
        }

        return null;
    }

    private bool OnSectorFloor(int c, int sector) =>
        grid.Floor0[c] == Heights.FloorLow[sector] || grid.Floor1[c] == Heights.FloorHigh[sector];

    /// <summary>Whether the body in a cell touches a pickup, heights included (the item sits on its sector's floor).</summary>
    public bool Touches(int c, int thing)
    {
        var sector = model.ThingSector[thing];
        if (sector < 0)
        {
            return false;
        }

        for (var config = 0; config < 2; config++)
        {
            var itemZ = config == 0 ? Heights.FloorLow[sector] : Heights.FloorHigh[sector];
            var bodyZ = config == 0 ? grid.Floor0[c] : grid.Floor1[c];
            if (itemZ <= bodyZ + NavGrid.BodyHeight && itemZ + 16 >= bodyZ)
            {
                return true;
            }
        }

        return false;
    }

    private int BlockOf(double x, double y) =>
        ((int)((y - grid.OriginY) / BlockSize) * blockColumns) + (int)((x - grid.OriginX) / BlockSize);

    private void MarkVisited(int c)
    {
        double x = grid.X(c), y = grid.Y(c);
        var col0 = Math.Max(0, (int)((x - BlockSize - grid.OriginX) / BlockSize));
        var col1 = Math.Min(blockColumns - 1, (int)((x + BlockSize - grid.OriginX) / BlockSize));
        var row0 = Math.Max(0, (int)((y - BlockSize - grid.OriginY) / BlockSize));
        var row1 = (int)((y + BlockSize - grid.OriginY) / BlockSize);
        for (var r = row0; r <= row1; r++)
        {
            for (var col = col0; col <= col1; col++)
            {
                var index = (r * blockColumns) + col;
                if (index < visitedBlock.Length)
                {
                    visitedBlock[index] = true;
                }
            }
        }
    }

    private List<(int Cell, int Direction)> PathTo(int goal)
    {
        var path = new List<(int, int)>();
        for (var c = goal; c != cell; c = parent[c])
        {
            path.Add((c, parentDirection[c]));
        }

        path.Reverse();
        return path;
    }
}
