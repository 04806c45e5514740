using System.Globalization;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration.Proof;
using RlGameTester.Doom.Specials;
using static RlGameTester.Doom.Exploration.FindingText;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Keys, items and secret sectors of the skill that no spot the run ever reached gets to. Each is called unreachable
/// only when proven (a key is major then); one the proof's search gets to, or cannot decide, is a minor "not reached by
/// the explorer", naming what let the search through or what stopped it deciding.
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

        // A key a monster drops is not where the monster was placed: only things on the map are judged.
        var unreached = Enumerable.Range(0, level.Things.Length)
            .Where(t => run.Model.ThingPresent[t] && !run.State.Taken[t] && !reachableTouch[t] && !run.Model.KeyDropped[t] && run.Model.Items[t] is not null)
            .ToList();
        var proofs = prover.ThingsUnreachable(unreached);
        for (var i = 0; i < unreached.Count; i++)
        {
            findings.Add(Pickup(unreached[i], proofs[i]));
        }
    }

    // A key or item no spot reached touches is unreachable (a key major) only when proven; otherwise a minor "not
    // reached by the explorer", naming what let the proof's search through or what it cannot decide.
    private ExplorerFinding Pickup(int t, ProofResult proof)
    {
        var thing = run.Model.Level.Things[t];
        var info = run.Model.Items[t]!;
        var isKey = info.Key != DoomKeys.None;
        var (name, what) = (info.Name.ToLowerInvariant(), isKey ? "key" : "item");
        var evidence = new Dictionary<string, string> { ["type"] = thing.Type.ToString(CultureInfo.InvariantCulture) };
        var sector = run.Model.ThingSector[t];
        if (sector >= 0)
        {
            evidence["sector"] = sector.ToString(CultureInfo.InvariantCulture);
        }

        var nearby = NearestReachable(thing.X, thing.Y, 256);
        var where = nearby < 0
            ? "no spot the explorer reached is within 256 units"
            : $"the nearest spot the explorer reached is {N(Math.Max(Math.Abs(_grid.X(nearby) - thing.X), Math.Abs(_grid.Y(nearby) - thing.Y)))} units away, at {At(_grid, nearby)}";
        if (nearby >= 0)
        {
            evidence["nearest_reachable_x"] = N(_grid.X(nearby));
            evidence["nearest_reachable_y"] = N(_grid.Y(nearby));
        }

        var finding = new ExplorerFinding(
            isKey ? ExplorerFindingKind.UnreachableKey : ExplorerFindingKind.UnreachableItem,
            proof.Proven ? $"Unreachable {what}: {name} (thing {t})" : $"{(isKey ? "Key" : "Item")} not reached by the explorer: {name} (thing {t})",
            proof.Proven
                ? $"The {name} at ({N(thing.X)}, {N(thing.Y)}) cannot be picked up on skill {run.Options.Skill}: {where}. {proof.Explanation}"
                : $"The explorer never got to the {name} at ({N(thing.X)}, {N(thing.Y)}) on skill {run.Options.Skill} ({where}). {proof.Explanation}",
            thing.X,
            thing.Y)
        {
            Severity = isKey && proof.Proven ? FindingSeverity.Major : FindingSeverity.Minor,
            ElementKind = ElementKind.Thing,
            ElementIndex = t,
            Evidence = proof.AddTo(evidence),
        };
        return proof.Proven ? finding : finding with { Confidence = ExitVerdictJudge.NotProvenConfidence };
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

        var unentered = Enumerable.Range(0, level.Sectors.Length)
            .Where(s => !entered[s] && run.State.Describe(level.Sectors[s].Special).Secret && run.Model.Geometry.EdgesOfSector(s).Length > 0)
            .ToList();
        var proofs = prover.SectorsUnentered(unentered);
        for (var i = 0; i < unentered.Count; i++)
        {
            var (s, proof) = (unentered[i], proofs[i]);
            var (x, y) = Metadata.ExitFinder.PointInside(run.Model.Geometry, s);
            var finding = new ExplorerFinding(
                ExplorerFindingKind.UnreachableSecret,
                proof.Proven ? $"Unreachable secret: sector {s}" : $"Secret not reached by the explorer: sector {s}",
                proof.Proven
                    ? $"No player can enter the secret sector {s} around ({N(x)}, {N(y)}), so the level's secret count cannot reach 100%. {proof.Explanation}"
                    : $"The explorer never entered the secret sector {s} around ({N(x)}, {N(y)}). {proof.Explanation}",
                x,
                y)
            {
                Severity = FindingSeverity.Minor,
                ElementKind = ElementKind.Sector,
                ElementIndex = s,
                Evidence = proof.AddTo(new Dictionary<string, string> { ["special"] = level.Sectors[s].Special.ToString(CultureInfo.InvariantCulture) }),
            };
            findings.Add(proof.Proven ? finding : finding with { Confidence = ExitVerdictJudge.NotProvenConfidence });
        }
    }
}
