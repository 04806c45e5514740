using System.Globalization;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Levels;
using static RlGameTester.Doom.Exploration.FindingText;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Ways in the sectors' heights allow that the body never takes: gaps narrower than 32 units or blocked by a solid
/// thing into a sector never entered, and teleport lines whose destination has no room for the body.
/// </summary>
internal sealed class GapJudge(RunSnapshot run, ReachJudge reach)
{
    private readonly NavGrid _grid = run.Grid;

    // Two-sided lines the sector heights let a body through, into a sector with room for the body that it never reaches:
    // the way in is narrower than 32 units or blocked by a solid thing.
    public void JudgeNarrowGaps(List<ExplorerFinding> findings)
    {
        var level = run.Model.Level;
        var entered = new bool[level.Sectors.Length];
        var roomy = new bool[level.Sectors.Length];
        for (var c = 0; c < _grid.Count; c++)
        {
            var s = _grid.CenterSector[c];
            if (s < 0)
            {
                continue;
            }

            entered[s] |= run.Reach.EverReachable[c];
            roomy[s] |= _grid.Fits(c);
        }

        var reported = new bool[level.Sectors.Length];
        var count = 0;
        var cells = new List<int>();
        for (var line = 0; line < level.Linedefs.Length && count < SoftlockJudge.MaxStuckSpots; line++)
        {
            ref readonly var def = ref level.Linedefs.ItemRef(line);
            if (def.BlocksPlayer)
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
            _grid.CellsTouchedByLine(line, cells, NavGrid.BodyRadius + _grid.CellSize);
            var nearReached = false;
            var thing = -1;
            foreach (var c in cells)
            {
                nearReached |= run.Reach.EverReachable[c];
                if (_grid.Blocked[c] == NavGrid.ThingBlocked && thing < 0)
                {
                    thing = _grid.BlockingElement[c];
                }
            }

            // Only a narrow gap or a solid thing is this line's doing; anything else is decided elsewhere on the way.
            if (!nearReached || (thing < 0 && run.Model.Geometry.Length(line) >= 2 * NavGrid.BodyRadius))
            {
                continue;
            }

            reported[into] = true;
            count++;
            var (x, y) = run.Model.Geometry.Midpoint(line);
            var width = run.Model.Geometry.Length(line);
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
                reason = $"{run.Model.ThingName(thing)} (thing {thing}) blocks the way";
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
                Severity = FindingSeverity.Minor,
                ElementKind = thing >= 0 ? ElementKind.Thing : ElementKind.Line,
                ElementIndex = thing >= 0 ? thing : line,
                Evidence = evidence,
            });
        }
    }

    private bool SectorsConnect(int from, int into)
    {
        var opening = Math.Min(run.State.Heights.Ceiling[from], run.State.Heights.Ceiling[into]) - Math.Max(run.State.Heights.FloorHigh[from], run.State.Heights.FloorLow[into]);
        return opening >= NavGrid.BodyHeight && run.State.Heights.FloorLow[into] - run.State.Heights.FloorHigh[from] <= NavGrid.MaxStepUp;
    }

    public void JudgeBlockedTeleports(List<ExplorerFinding> findings)
    {
        foreach (var action in run.Model.Actions)
        {
            if (action is not { Teleport: true, TeleportThing: >= 0, TeleportCell: < 0 })
            {
                continue;
            }

            var (lx, ly) = run.Model.Geometry.Midpoint(action.Line);
            if (reach.NearestReachable(lx, ly, 32) < 0)
            {
                continue;
            }

            var destination = run.Model.Level.Things[action.TeleportThing];
            findings.Add(new ExplorerFinding(
                ExplorerFindingKind.StuckSpot,
                $"Stuck spot: teleport line {action.Line} puts the body inside a wall or thing",
                $"The destination (thing {action.TeleportThing}) at ({N(destination.X)}, {N(destination.Y)}) has no room for the body's 32x32 box; a player teleported there is stuck.",
                destination.X,
                destination.Y)
            {
                Severity = FindingSeverity.Major,
                ElementKind = ElementKind.Thing,
                ElementIndex = action.TeleportThing,
                Evidence = new Dictionary<string, string> { ["teleport_line"] = action.Line.ToString(CultureInfo.InvariantCulture) },
            });
        }
    }
}
