using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration.Proof;

/// <summary>
/// Decides which of the explorer's verdicts are proven: a way the explorer did not find is looked for in the
/// <see cref="GenerousWorld"/> (every mover in every position, every key, running jumps in any direction, every
/// trigger). A verdict stands as proven only when even that search finds no way; otherwise the finding names
/// the mechanic and the place that let the search through, or what in the level it cannot bound.
/// </summary>
internal sealed class Prover(RunSnapshot run)
{
    private const string ProofScope = "every mover in every position it can take, every key the level gives, running jumps in any direction and every trigger allowed";

    private GenerousWorld? _world;
    private GenerousSearch? _search;

    private GenerousWorld World => _world ??= new GenerousWorld(run.Model);

    private GenerousSearch Search => _search ??= new GenerousSearch(World, run.Cancellation);

    /// <summary>What the level holds that the proof cannot bound.</summary>
    public IReadOnlyList<ProofLimit> Limits => World.Mechanics.Limits;

    /// <summary>Whether no exit can be reached from the start.</summary>
    public ProofResult ExitUnreachable()
    {
        if (Limits.Count > 0)
        {
            return Undecided();
        }

        var exit = Search.Search(Seeds([run.StartCell]), (c, _) => World.ExitCells[c], exitCrossings: true);
        return exit < 0
            ? ProofResult.Confirmed($"Proven: even with {ProofScope}, no way leads from the start to an exit.")
            : Explain(exit, "reaches an exit");
    }

    /// <summary>Whether a body in the area can never get back to where the start or an exit is reached from.</summary>
    public ProofResult Softlocked(IReadOnlyCollection<int> area) =>
        Trapped(area, (c, height) => World.ExitCells[c] || (run.Reach.InReturn(c) && height >= Math.Min(run.Grid.Floor0[c], run.Grid.Floor1[c])), "to the start or an exit", exitsAreSafe: true);

    /// <summary>Whether a body in the area can never get out to a safe cell (given the highest a body may stand there).</summary>
    public ProofResult Trapped(IReadOnlyCollection<int> area, Func<int, int, bool> safe, string what, bool exitsAreSafe = false)
    {
        // What the level does that the search cannot bound (a script, a slope) may open any way: nothing is proven then.
        if (Limits.Count > 0)
        {
            return Undecided();
        }

        var way = Search.Search(Seeds(area), safe, exitCrossings: exitsAreSafe);
        return way < 0
            ? ProofResult.Confirmed($"Proven: even with {ProofScope}, no way leads out of it {what}.")
            : Explain(way, what);
    }

    /// <summary>Whether the body can never touch each of the things (keys, items) from the start.</summary>
    public ProofResult[] ThingsUnreachable(IReadOnlyList<int> things) =>
        Unreachable([.. things.Select(ThingTarget)], "no spot a player can stand on touches it", "touches it");

    /// <summary>Whether the body can never enter each of the sectors (secrets) from the start.</summary>
    public ProofResult[] SectorsUnentered(IReadOnlyList<int> sectors) =>
        Unreachable([.. sectors.Select(SectorTarget)], "no spot a player can stand on lies in it", "enters it");

    // One search from the start for every target: each cell the search reaches is tried against the targets it may
    // meet, at the highest a body stands there, and the search stops once all are met.
    private ProofResult[] Unreachable(IReadOnlyList<Target> targets, string none, string what)
    {
        if (Limits.Count > 0)
        {
            var undecided = Undecided();
            return [.. targets.Select(_ => undecided)];
        }

        var atCell = new Dictionary<int, List<int>>();
        for (var t = 0; t < targets.Count; t++)
        {
            foreach (var c in targets[t].Cells)
            {
                (atCell.TryGetValue(c, out var list) ? list : atCell[c] = []).Add(t);
            }
        }

        var met = new int[targets.Count];
        Array.Fill(met, -1);
        var left = targets.Count;
        if (left > 0)
        {
            Search.Search(Seeds([run.StartCell]), (c, height) =>
            {
                foreach (var t in atCell.GetValueOrDefault(c) ?? [])
                {
                    if (met[t] < 0 && targets[t].Meets(c, height))
                    {
                        met[t] = c;
                        left--;
                    }
                }

                return left == 0;
            });
        }

        return [.. targets.Select((target, t) => met[t] < 0
            ? ProofResult.Confirmed($"Proven: even with {ProofScope}, {none}.")
            : Explain(met[t], what, target.Sector))];
    }

    // The body touches an item within its height (P_TouchSpecialThing), standing anywhere from its lowest floor to its highest.
    private Target ThingTarget(int thing)
    {
        var t = run.Model.Level.Things[thing];
        var grid = World.Grid;
        var sector = run.Model.ThingSector[thing];
        var (low, high) = sector < 0 ? (int.MinValue / 2, int.MaxValue / 2) : (World.Ranges.FloorMin[sector], World.Ranges.FloorMax[sector]);
        return new Target(
            [.. grid.CellsNear(t.X, t.Y, LevelModel.TouchReach + grid.CellSize)],
            (c, height) => low <= height + NavGrid.BodyHeight && high + 16 >= grid.Floor0[c],
            sector);
    }

    // A player is in a sector where the body's centre is (P_PlayerInSpecialSector reads the centre's subsector).
    private Target SectorTarget(int sector)
    {
        var grid = World.Grid;
        return new Target([.. grid.CellsOfSector(sector).ToArray().Where(c => grid.CenterSector[c] == sector)], (_, _) => true, sector);
    }

    // The explorer's cells are spots where its 32x32 box stands: its height there is the highest floor of the sectors
    // that box touches, each at the highest it may be.
    private IEnumerable<(int Cell, int Height)> Seeds(IEnumerable<int> cells)
    {
        foreach (var c in cells)
        {
            var height = int.MinValue;
            foreach (var s in run.Grid.SectorsTouched(c))
            {
                height = Math.Max(height, World.Ranges.FloorMax[s]);
            }

            if (height != int.MinValue)
            {
                yield return (c, height);
            }
        }
    }

    private ProofResult Undecided()
    {
        var first = Limits[0];
        var text = string.Join("; ", Limits.Select(l => l.Description).Distinct().Take(3));
        return new ProofResult(false, first.Mechanic, $"Not proven: the simulation cannot decide this level ({text}).", ElementKind: first.Line is null ? null : ElementKind.Line, Element: first.Line);
    }

    // Names the first move of the generous way the explorer's model does not allow, and what allowed it. For a goal the
    // explorer never reached, only moves after the way's last reached cell count: before it the way may hug a wall
    // closer than the explorer's box, in places the explorer passed anyway.
    private ProofResult Explain(int goal, string what, int thingSector = -1)
    {
        var moves = Search.PathTo(goal);
        var reached = run.Reach.EverReachable;
        var i = reached[goal] ? FirstMoveThatLeaves(moves, reached) : FirstOtherMove(moves, LastReached(moves, reached) + 1);
        if (i <= 0)
        {
            // Every move is one the explorer makes: what differs is how high a body may stand on the way (a floor that moves).
            // (For a thing, also the floor it stands on: a key on a pillar is touched only once the pillar comes down.)
            var last = moves[^1].Cell;
            return (MovedSector(last, last) ?? (thingSector >= 0 && Moved(thingSector) ? thingSector : null)) is { } raised
                ? MoverThrough(raised, last)
                : Through("explorer limit", $"the explorer could take every move of the way a player {what} by, but did not within its limits (time, damage, planning)", last, null, null);
        }

        var (from, to) = (moves[i - 1].Cell, moves[i].Cell);
        switch (moves[i].Via)
        {
            case ProofStep.Teleport:
                var line = moves[i].TeleportLine;
                var teleport = World.Mechanics.Teleports.Find(t => t.Line == line);
                return Through(TeleportMechanic(line), $"{teleport?.Mechanic ?? $"line {line}"} takes a player on to where it {what}", from, ElementKind.Line, line);
            case ProofStep.Jump:
                return Through("running jump", $"a running jump from {FindingText.At(World.Grid, from)} lands where the way on {what}", from, null, null);
        }

        var grid = run.Grid;
        if (grid.Blocked[to] == NavGrid.ThingBlocked)
        {
            var thing = grid.BlockingElement[to];
            return Through(run.Model.Level.Things[thing].Type == Barrels.Type ? "exploding barrel" : "tight squeeze", $"a player may get past {run.Model.ThingName(thing).ToLowerInvariant()} (thing {thing}) at {FindingText.At(grid, to)}, which the explorer's box does not pass", to, ElementKind.Thing, thing);
        }

        if (grid.Blocked[to] != NavGrid.Free)
        {
            return Through("tight squeeze", $"the gap at {FindingText.At(grid, to)} may let a player through, which the explorer's box on its {grid.CellSize}-unit grid does not pass", to, null, null);
        }

        if (MovedSector(from, to) is { } sector)
        {
            return MoverThrough(sector, to);
        }

        if (World.JumpHeight > 0 && World.Grid.Floor0[to] - World.Grid.Floor0[from] > NavGrid.MaxStepUp)
        {
            return Through("player jump", $"a jump (the level's format, or its mod, is played by ports that let the player jump) climbs the step at {FindingText.At(grid, to)}", to, null, null);
        }

        if (grid.Floor0[to] > World.Grid.Floor0[to] || grid.Ceiling[to] < World.Grid.Ceiling[to])
        {
            return Through("tight squeeze", $"the way passes closer to a ledge or wall at {FindingText.At(grid, to)} than the explorer's box on its {grid.CellSize}-unit grid does", to, null, null);
        }

        return Through("explorer limit", $"the step at {FindingText.At(grid, to)} is one the explorer's stricter model (a 32-unit box on {grid.CellSize}-unit cells) does not take", to, null, null);
    }

    // The first move the explorer does not make, preferring one into a cell it never reached.
    private int FirstMoveThatLeaves(List<ProofMove> path, bool[] reached)
    {
        var i = -1;
        for (var k = 1; k < path.Count; k++)
        {
            if (!IsExplorerMove(path[k - 1].Cell, path[k]) && (i < 0 || !reached[path[k].Cell]))
            {
                i = k;
                if (!reached[path[k].Cell])
                {
                    break;
                }
            }
        }

        return i;
    }

    private int FirstOtherMove(List<ProofMove> path, int from)
    {
        for (var k = Math.Max(1, from); k < path.Count; k++)
        {
            if (!IsExplorerMove(path[k - 1].Cell, path[k]))
            {
                return k;
            }
        }

        return -1;
    }

    // The last move of the way to a cell the explorer reached at about that height: a way that comes back over a pit
    // the explorer walked, on a pillar above it, did not come back to where the explorer was (freedoom2 MAP13: what
    // stopped the explorer was the barrels in a corridor far back, not the jump off the pillar).
    private int LastReached(List<ProofMove> path, bool[] reached)
    {
        for (var k = path.Count - 1; k >= 0; k--)
        {
            var c = path[k].Cell;
            if (reached[c] && path[k].Height <= Math.Max(run.Grid.Floor0[c], run.Grid.Floor1[c]) + NavGrid.MaxStepUp)
            {
                return k;
            }
        }

        return -1;
    }

    private bool IsExplorerMove(int from, ProofMove move)
    {
        var to = move.Cell;
        if (move.Via != ProofStep.Walk)
        {
            return false;
        }

        for (var d = 0; d < 8; d++)
        {
            if (from + run.Grid.Offsets[d] == to)
            {
                return run.Steps.Step(from, d, allowExit: true) == to;
            }
        }

        return false;
    }

    private ProofResult MoverThrough(int sector, int cell)
    {
        var mover = World.Ranges.MovedBy[sector];
        var mechanic = mover?.Move is null ? "not simulated: " + (World.Mechanics.Limits.FirstOrDefault()?.Mechanic ?? "unknown special")
            : mover.Line is { } moverLine && run.State.Activated[moverLine] ? "mover position" : "mover never set off";
        var range = $"floor {World.Ranges.FloorMin[sector]}..{World.Ranges.FloorMax[sector]}, ceiling up to {World.Ranges.CeilingMax[sector]}";
        return Through(mechanic, $"sector {sector} may be moved ({range}) by {mover?.Mechanic ?? "something"}, which opens the way on at {FindingText.At(run.Grid, cell)}", cell, mover?.Line is null ? ElementKind.Sector : ElementKind.Line, mover?.Line ?? sector);
    }

    private ProofResult Through(string mechanic, string how, int cell, ElementKind? elementKind, int? element) =>
        new(false, mechanic, $"Not proven: with {ProofScope}, {how}.", World.Grid.X(cell), World.Grid.Y(cell), elementKind, element);

    // A sector around the step whose heights the generous search may choose differently from where the run left them.
    private int? MovedSector(int from, int to)
    {
        foreach (var cell in (ReadOnlySpan<int>)[to, from])
        {
            foreach (var s in run.Grid.SectorsTouched(cell))
            {
                if (Moved(s))
                {
                    return s;
                }
            }
        }

        return null;
    }

    private bool Moved(int sector)
    {
        var (heights, ranges) = (run.State.Heights, World.Ranges);
        return ranges.FloorMin[sector] < heights.FloorLow[sector] || ranges.FloorMax[sector] > heights.FloorHigh[sector] || ranges.CeilingMax[sector] > heights.Ceiling[sector];
    }

    private string TeleportMechanic(int line)
    {
        var special = run.Model.Level.Linedefs[line].Special;
        var info = run.Model.Level.UsesDoomSpecials ? LinedefSpecials.FindDoom(special) : LinedefSpecials.FindHexen(special);
        return info switch
        {
            { Effect: LineEffect.LineTeleport } => "line-to-line teleport",
            { Trigger: LineTrigger.Switch } => "switch teleport",
            _ when special is >= 207 and <= 210 && run.Model.Level.UsesDoomSpecials => "silent teleport",
            _ => "teleport",
        };
    }

    // Cells where a goal may be met, and whether it is met there at the highest a body stands.
    private sealed record Target(IReadOnlyList<int> Cells, Func<int, int, bool> Meets, int Sector);
}
