using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration.Proof;
using static RlGameTester.Doom.Exploration.FindingText;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Reachable cells from which neither the start nor an exit can be reached any more: a softlock where the area is
/// 64x64 units or more, a stuck spot where it is smaller. A proven trap is major: a player who falls in must start
/// again, but the level can be finished by not falling in; it is critical only when the player starts in it. One a
/// more generous search gets out of (the <see cref="Prover"/>) is a minor "possible" trap naming what let it out.
/// </summary>
internal sealed class SoftlockJudge(RunSnapshot run, Prover prover)
{
    public const int MaxStuckSpots = 10;

    /// <summary>The evidence key of the softlock the run's own end makes (the tic it was left trapped).</summary>
    public const string StrandedEvidence = "stranded_at_tick";
    private const double SpotArea = 64 * 64;

    private readonly NavGrid _grid = run.Grid;

    /// <summary>
    /// The traps in what the start reaches, and <paramref name="bodyTrap"/>: where the run itself left the body, every
    /// cell it still reaches, when none of them leads back to the start or an exit.
    /// </summary>
    public void Judge(bool[] deathCells, List<int> bodyTrap, List<ExplorerFinding> findings)
    {
        var trapped = new bool[_grid.Count];
        for (var c = 0; c < _grid.Count; c++)
        {
            trapped[c] = run.Reach.InReach(c) && !run.Reach.InReturn(c) && !deathCells[c];
        }

        JudgeTraps(trapped, findings);
        if (bodyTrap.Count > 0 && !trapped[run.Body.Cell])
        {
            findings.Add(Prove(Stranded(bodyTrap), bodyTrap));
        }
    }

    private void JudgeTraps(bool[] trapped, List<ExplorerFinding> findings)
    {
        var spots = 0;
        foreach (var component in CellComponents.BySector(_grid, trapped))
        {
            var area = component.Count * _grid.CellSize * _grid.CellSize;
            if (area < SpotArea && spots++ >= MaxStuckSpots)
            {
                continue;
            }

            findings.Add(Prove(Finding(component, trapped, area), component));
        }
    }

    private ExplorerFinding Finding(List<int> component, bool[] trapped, double area)
    {
        var (sector, x, y) = CellComponents.Describe(_grid, component);
        var (climb, climbCell) = LowestClimbOut(component, trapped);
        var evidence = new Dictionary<string, string>
        {
            ["sector"] = N(sector),
            ["floor"] = N(run.State.Heights.FloorHigh[sector]),
        };
        if (climbCell >= 0)
        {
            evidence["lowest_climb_out"] = N(climb);
            evidence["climb_out_x"] = N(_grid.X(climbCell));
            evidence["climb_out_y"] = N(_grid.Y(climbCell));
        }

        int? tick = component.Contains(run.Body.Cell) && !run.ExitReached ? run.Body.LastTick : null;
        var climbText = climbCell >= 0 ? $" The lowest way up is {climb} units (the body climbs 24)." : string.Empty;
        return area < SpotArea
            ? Trap(
                ExplorerFindingKind.StuckSpot,
                $"Stuck spot: the body can get into a spot at ({N(x)}, {N(y)}) but not out",
                $"A player who steps into the small spot at ({N(x)}, {N(y)}) in sector {sector} cannot move out of it again.{climbText}",
                (x, y, sector, area, tick),
                evidence) with { Severity = FindingSeverity.Major }
            : Trap(
                ExplorerFindingKind.Softlock,
                $"Softlock: falling into the area around ({N(x)}, {N(y)}) leaves no way back and no exit",
                $"A player who gets into sector {sector} around ({N(x)}, {N(y)}) ({N(area)} square units) can reach neither the start nor an exit from there.{climbText}",
                (x, y, sector, area, tick),
                evidence);
    }

    // A trap's finding, critical until Prove says otherwise.
    private static ExplorerFinding Trap(ExplorerFindingKind kind, string title, string description, (double X, double Y, int Sector, double Area, int? Tick) at, Dictionary<string, string> evidence) =>
        new(kind, title, description, at.X, at.Y)
        {
            Severity = FindingSeverity.Critical,
            ElementKind = ElementKind.Sector,
            ElementIndex = at.Sector,
            Area = at.Area,
            Tick = at.Tick,
            Evidence = evidence,
        };

    // The run's own way in shut behind the body (a door closed by a line it crossed, a lift it rode): the last line it
    // set off is named, since a player who plays the same way is trapped the same way (Batman Doom Reborn MAP20's
    // airlock: its small door used before the line that shuts it is crossed).
    private ExplorerFinding Stranded(List<int> component)
    {
        var cell = run.Body.Cell;
        var sector = _grid.CenterSector[cell];
        double x = _grid.X(cell), y = _grid.Y(cell);
        var area = component.Count * _grid.CellSize * _grid.CellSize;
        var evidence = new Dictionary<string, string>
        {
            ["sector"] = N(sector),
            ["floor"] = N(run.State.Heights.FloorHigh[sector]),
            [StrandedEvidence] = N(run.Body.LastTick),
        };
        var cause = string.Empty;
        if (run.Events.LastOrDefault(e => e is { Kind: ExplorerEventKind.LineActivated, Line: not null }) is { Line: { } line } last)
        {
            evidence["last_line"] = N(line);
            cause = $" The last line it set off before that was line {line} ({last.Detail}) at tic {N(last.Tick)}.";
        }

        return Trap(
            ExplorerFindingKind.Softlock,
            $"Softlock: the explorer's own run left it trapped around ({N(x)}, {N(y)})",
            $"Playing the level, the explorer ended in sector {sector} around ({N(x)}, {N(y)}) ({N(area)} square units), from where it reaches neither the start nor an exit: a way it came by shut behind it.{cause}",
            (x, y, sector, area, run.Body.LastTick),
            evidence);
    }

    private ExplorerFinding Prove(ExplorerFinding finding, List<int> component)
    {
        var proof = prover.Softlocked(component);
        if (proof.Proven)
        {
            return finding with
            {
                Description = $"{finding.Description} {proof.Explanation}",
                Severity = component.Contains(run.StartCell) ? FindingSeverity.Critical : FindingSeverity.Major,
                Evidence = proof.AddTo(finding.Evidence),
            };
        }

        var title = finding.Kind == ExplorerFindingKind.Softlock
            ? $"Possible softlock (not proven) in sector {finding.ElementIndex}"
            : $"Possible stuck spot (not proven) at ({N(finding.X)}, {N(finding.Y)})";
        return finding with
        {
            Title = title,
            Description = $"{finding.Description} {proof.Explanation}",
            Severity = FindingSeverity.Minor,
            Confidence = ExitVerdictJudge.NotProvenConfidence,
            Evidence = proof.AddTo(finding.Evidence),
        };
    }

    private (int Climb, int Cell) LowestClimbOut(List<int> component, bool[] inside)
    {
        var best = int.MaxValue;
        var bestCell = -1;
        foreach (var c in component)
        {
            for (var d = 0; d < 8; d++)
            {
                var n = c + _grid.Offsets[d];
                if (inside[n] || _grid.Blocked[n] != NavGrid.Free || _grid.Ceiling[n] - _grid.Floor1[n] < NavGrid.BodyHeight)
                {
                    continue;
                }

                var climb = _grid.Floor1[n] - _grid.Floor1[c];
                if (climb > NavGrid.MaxStepUp && climb < best)
                {
                    best = climb;
                    bestCell = n;
                }
            }
        }

        return (best, bestCell);
    }
}
