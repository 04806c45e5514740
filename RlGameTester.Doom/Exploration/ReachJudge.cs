using System.Globalization;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration.Proof;
using RlGameTester.Doom.Specials;
using static RlGameTester.Doom.Exploration.FindingText;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Keys, items and secret sectors of the skill that no spot the run ever reached gets to. An unreachable key is major
/// only when proven; a key a more generous search gets to is a minor "not reached by the explorer".
/// </summary>
internal sealed class ReachJudge(RunSnapshot run, Prover prover)
{
    private readonly NavGrid _grid = run.Grid;

    public void JudgePickups(List<ExplorerFinding> findings)
    {
        var level = run.Model.Level;
        var reachableTouch = new bool[level.Things.Length];
        for (var c = 0; c < _grid.Count; c++)
        {
            if (!run.Reach.EverReachable[c])
            {
                continue;
            }

            foreach (var thing in run.Model.Pickups[c])
            {
                if (!reachableTouch[thing] && run.State.Touches(c, thing))
                {
                    reachableTouch[thing] = true;
                }
            }
        }

        for (var t = 0; t < level.Things.Length; t++)
        {
            // A key a monster drops is not where the monster was placed: only things on the map are judged.
            if (!run.Model.ThingPresent[t] || run.State.Taken[t] || reachableTouch[t] || run.Model.KeyDropped[t] || run.Model.Items[t] is not { } info)
            {
                continue;
            }

            var thing = level.Things[t];
            var isKey = info.Key != DoomKeys.None;
            var name = info.Name.ToLowerInvariant();
            var evidence = new Dictionary<string, string> { ["type"] = thing.Type.ToString(CultureInfo.InvariantCulture) };
            var sector = run.Model.ThingSector[t];
            if (sector >= 0)
            {
                evidence["sector"] = sector.ToString(CultureInfo.InvariantCulture);
            }

            var nearby = NearestReachable(thing.X, thing.Y, 256);
            var where = nearby < 0
                ? "no spot a player reaches is within 256 units"
                : $"the nearest spot a player reaches is {N(Math.Max(Math.Abs(_grid.X(nearby) - thing.X), Math.Abs(_grid.Y(nearby) - thing.Y)))} units away, at {At(_grid, nearby)}";
            if (nearby >= 0)
            {
                evidence["nearest_reachable_x"] = N(_grid.X(nearby));
                evidence["nearest_reachable_y"] = N(_grid.Y(nearby));
            }

            var finding = new ExplorerFinding(
                isKey ? ExplorerFindingKind.UnreachableKey : ExplorerFindingKind.UnreachableItem,
                $"Unreachable {(isKey ? "key" : "item")}: {name} (thing {t})",
                $"The {name} at ({N(thing.X)}, {N(thing.Y)}) cannot be picked up on skill {run.Options.Skill}: {where}.",
                thing.X,
                thing.Y)
            {
                Severity = isKey ? FindingSeverity.Major : FindingSeverity.Minor,
                ElementKind = ElementKind.Thing,
                ElementIndex = t,
                Evidence = evidence,
            };
            findings.Add(isKey ? ProveKey(finding, t, name) : finding);
        }
    }

    private ExplorerFinding ProveKey(ExplorerFinding finding, int thing, string name)
    {
        var proof = prover.ThingUnreachable(thing);
        return proof.Proven
            ? finding with { Description = $"{finding.Description} {proof.Explanation}", Evidence = proof.AddTo(finding.Evidence) }
            : finding with
            {
                Title = $"Key not reached by the explorer: {name} (thing {thing})",
                Description = $"The explorer never got to the {name} at ({N(finding.X)}, {N(finding.Y)}). {proof.Explanation}",
                Severity = FindingSeverity.Minor,
                Confidence = ExitVerdictJudge.NotProvenConfidence,
                Evidence = proof.AddTo(finding.Evidence),
            };
    }

    public int NearestReachable(double x, double y, double range)
    {
        var center = _grid.CellAt(x, y);
        var reach = (int)Math.Ceiling(range / _grid.CellSize);
        int col0 = center % _grid.Columns, row0 = center / _grid.Columns;
        var best = -1;
        var bestDistance = double.MaxValue;
        for (var r = Math.Max(0, row0 - reach); r <= Math.Min(_grid.Rows - 1, row0 + reach); r++)
        {
            for (var c = Math.Max(0, col0 - reach); c <= Math.Min(_grid.Columns - 1, col0 + reach); c++)
            {
                var index = (r * _grid.Columns) + c;
                if (!run.Reach.EverReachable[index])
                {
                    continue;
                }

                var d = Math.Max(Math.Abs(_grid.X(index) - x), Math.Abs(_grid.Y(index) - y));
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = index;
                }
            }
        }

        return best;
    }

    public void JudgeSecrets(List<ExplorerFinding> findings)
    {
        var level = run.Model.Level;
        var entered = new bool[level.Sectors.Length];
        for (var c = 0; c < _grid.Count; c++)
        {
            if (run.Reach.EverReachable[c] && _grid.CenterSector[c] >= 0)
            {
                entered[_grid.CenterSector[c]] = true;
            }
        }

        for (var s = 0; s < level.Sectors.Length; s++)
        {
            if (entered[s] || !run.State.Describe(level.Sectors[s].Special).Secret || run.Model.Geometry.EdgesOfSector(s).Length == 0)
            {
                continue;
            }

            var (x, y) = Metadata.ExitFinder.PointInside(run.Model.Geometry, s);
            findings.Add(new ExplorerFinding(
                ExplorerFindingKind.UnreachableSecret,
                $"Unreachable secret: sector {s}",
                $"No player can enter the secret sector {s} around ({N(x)}, {N(y)}), so the level's secret count cannot reach 100%.",
                x,
                y)
            {
                Severity = FindingSeverity.Minor,
                ElementKind = ElementKind.Sector,
                ElementIndex = s,
                Evidence = new Dictionary<string, string> { ["special"] = level.Sectors[s].Special.ToString(CultureInfo.InvariantCulture) },
            });
        }
    }
}
