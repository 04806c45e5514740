namespace RlGameTester.Doom.Exploration;

/// <content>
/// Running jumps: a body that runs off a ledge keeps its speed in the air (Doom applies neither thrust nor friction
/// while airborne) and falls as P_ZMovement lets it (2 units the first tic it falls, one more each tic after), so it
/// can cross a pit onto a far ledge lower than, or at most 24 units above, where it is by then.
/// </content>
internal sealed partial class ExplorationRun
{
    // Doom's run: thrust 50 * 2048 / 65536 units a tic, friction 0xE800 / 0x10000 on the ground.
    private const double RunThrust = 50.0 * 2048 / 65536;
    private const double GroundFriction = 0xE800 / 65536.0;
    private const double MaxRunUp = 1024;
    private const double MaxJumpLength = 768;

    // Landing cell (or -1) and air time in tics, per cell * 8 + direction, until some sector moves.
    private readonly Dictionary<int, (int Landing, double Tics)> jumps = [];

    // Cells a jump found passes over or lands on: a sector moving under one may take the jump away.
    private bool[]? jumpCells;

    /// <summary>
    /// Where a running jump from <paramref name="from"/> in <paramref name="direction"/> lands, when it crosses a drop
    /// that walking cannot come back up from onto floor that walking could not reach from the pit; else -1. The run-up
    /// is the straight stretch of level floor behind the ledge; no jump crosses a teleport or exit line.
    /// </summary>
    private int Jump(int from, int direction, out double tics)
    {
        tics = 0;
        if (((moveMask[from] >> direction) & 1) == 0)
        {
            return -1;
        }

        var offset = grid.Offsets[direction];
        var first = from + offset;
        var z0 = grid.Floor0[from];
        if (grid.Floor1[from] != z0 || grid.Floor0[first] > z0 - NavGrid.MaxStepUp - 1 || grid.Floor1[first] > z0 - NavGrid.MaxStepUp - 1)
        {
            return -1;
        }

        var key = (from * 8) + direction;
        if (jumps.TryGetValue(key, out var known))
        {
            tics = known.Tics;
            return known.Landing;
        }

        var landing = TraceJump(from, direction, z0, out tics);
        jumps[key] = (landing, tics);
        return landing;
    }

    private int TraceJump(int from, int direction, int z0, out double tics)
    {
        tics = 0;
        var offset = grid.Offsets[direction];
        var length = (direction & 1) == 0 ? grid.CellSize : grid.CellSize * Math.Sqrt(2);

        // The run-up: level steps towards the ledge.
        var runUp = 0;
        var maxRunUp = (int)(MaxRunUp / length);
        for (var b = from - offset; runUp < maxRunUp; b -= offset)
        {
            if (grid.Blocked[b] != NavGrid.Free || ((moveMask[b] >> direction) & 1) == 0 ||
                grid.Floor0[b] != z0 || grid.Floor1[b] != z0)
            {
                break;
            }

            runUp++;
        }

        var speed = RunSpeedAfter(runUp * length);
        if (speed <= 1)
        {
            return -1;
        }

        var minFloor = int.MaxValue;
        var c = from;
        var maxCells = (int)(MaxJumpLength / length);
        for (var i = 1; i <= maxCells; i++)
        {
            if (((model.CrossMask[c] >> direction) & 1) != 0)
            {
                foreach (var (line, _) in model.Crossings(c, direction)!)
                {
                    var action = model.Actions[line]!;
                    if (action.Teleport || action.Exit)
                    {
                        return -1;
                    }
                }
            }

            c += offset;
            if (grid.Blocked[c] != NavGrid.Free || grid.Floor0[c] != grid.Floor1[c])
            {
                return -1;
            }

            // Air time when the box reaches this cell, counted from the tic it left the ledge; z falls 0, 2, 5, 9...
            var fallTics = (int)Math.Ceiling(((i - 1) * length / speed) - 1e-9);
            var z = fallTics < 1 ? z0 : z0 - ((fallTics * (fallTics + 1) / 2) - 1);
            var floor = grid.Floor0[c];
            var ceiling = grid.Ceiling[c];
            if (ceiling - floor < NavGrid.BodyHeight || ceiling - Math.Max(z, floor) < NavGrid.BodyHeight || floor - z > NavGrid.MaxStepUp)
            {
                return -1;
            }

            if (floor >= z)
            {
                if (i < 2 || floor - NavGrid.MaxStepUp <= minFloor)
                {
                    return -1;
                }

                tics = i * length / speed;
                jumpCells ??= new bool[grid.Count];
                for (var k = 0; k <= i; k++)
                {
                    jumpCells[from + (k * offset)] = true;
                }

                return c;
            }

            minFloor = Math.Min(minFloor, floor);
            if (z0 - z > 1024)
            {
                return -1;
            }
        }

        return -1;
    }

    // Distance a tic at full run after a straight run-up from standing: each tic adds the thrust, friction takes its share.
    private static double RunSpeedAfter(double runUp)
    {
        double momentum = 0, travelled = 0, step = 0;
        for (var tic = 0; tic < 200 && travelled < runUp; tic++)
        {
            step = momentum + RunThrust;
            travelled += step;
            momentum = step * GroundFriction;
        }

        return step;
    }

    /// <summary>Sectors moved: jumps are traced again, and a jump over a moved sector may be gone (search everything again).</summary>
    private void ForgetJumps(int sector)
    {
        jumps.Clear();
        if (jumpCells is null || dirty)
        {
            return;
        }

        foreach (var c in grid.CellsOfSector(sector))
        {
            if (jumpCells[c])
            {
                dirty = true;
                return;
            }
        }
    }

    /// <summary>A running jump along a planned path: lines crossed in the air are set off; the body lands on the far ledge.</summary>
    private bool JumpOnce(int direction, int landing)
    {
        var from = cell;
        if (Jump(from, direction, out var tics) != landing)
        {
            return false;
        }

        angle = direction * 45;
        Advance(from, landing, tics);
        if (Died || ExitReached)
        {
            return false;
        }

        cell = landing;
        Trail[landing] = true;
        MarkVisited(landing);
        var keepGoing = true;
        for (var c = from; c != landing; c += grid.Offsets[direction])
        {
            Trail[c] = true;
            if (model.Crossings(c, direction) is { } crossed)
            {
                foreach (var (line, _) in crossed)
                {
                    if (!activated[line] && Activate(model.Actions[line]!))
                    {
                        keepGoing = false;
                    }
                }
            }
        }

        PickUp(cell);
        return keepGoing && !ExitReached && !Died;
    }
}
