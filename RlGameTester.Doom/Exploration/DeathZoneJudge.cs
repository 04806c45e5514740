using System.Globalization;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration.Proof;
using static RlGameTester.Doom.Exploration.FindingText;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Damaging floors a body at full health cannot leave before it dies (no safe floor reachable, or too far), and a
/// damaging floor under the player start. A death zone the <see cref="Prover"/> finds no way off at all is major (a
/// player who falls in dies, but the level can be finished by not falling in), critical when the player starts in it;
/// one only too far for a body at 100 health (a player may carry 200 health, armour or a radiation suit), or one a
/// more generous search gets out of, is a minor "possible" death zone.
/// </summary>
internal sealed class DeathZoneJudge(RunSnapshot run, Prover prover)
{
    private readonly NavGrid _grid = run.Grid;

    /// <summary>Damage a hit of the sector's floor does to a body on it (0 for exit sectors, which end the level instead).</summary>
    public int DamageOf(int sector)
    {
        if (!run.State.IsDamaging(sector))
        {
            return 0;
        }

        var info = run.State.Describe(run.State.Heights.Special[sector]);
        if (info.EndsLevel)
        {
            return 0;
        }

        var damage = run.State.FullDamageOf(sector);
        return run.Options.Skill <= 1 ? Math.Max(1, damage >> 1) : damage;
    }

    /// <summary>Adds the findings; returns the deadly cells (left out of the softlocks).</summary>
    public bool[] Judge(List<ExplorerFinding> findings)
    {
        var escape = EscapeDistances();
        var deadly = new bool[_grid.Count];
        var any = false;
        for (var c = 0; c < _grid.Count; c++)
        {
            if (!run.Reach.InReach(c) || !Damaging(c))
            {
                continue;
            }

            var damage = DamageOf(_grid.CenterSector[c]);
            var survivableTics = (((100 + damage - 1) / damage) - 1) * 32;
            var escapeTics = escape[c] < 0 ? int.MaxValue : EscapeTics(escape[c]);
            if (escapeTics > survivableTics)
            {
                deadly[c] = true;
                any = true;
            }
        }

        if (any)
        {
            foreach (var component in CellComponents.BySector(_grid, deadly))
            {
                findings.Add(Prove(DeathZone(component, escape), component, escape));
            }
        }

        // A damaging floor under the start is worth knowing even when it can be left.
        if (Damaging(run.StartCell) && !deadly[run.StartCell])
        {
            findings.Add(StartOnDamagingFloor(escape[run.StartCell]));
        }

        return deadly;
    }

    private bool Damaging(int c) => DamageOf(_grid.CenterSector[c]) > 0 && run.State.OnSectorFloor(c, _grid.CenterSector[c]);

    private int EscapeTics(int cells) => (int)Math.Ceiling(cells * _grid.CellSize * 1.1 / Walker.Speed);

    // Steps from each reachable damaging cell to the nearest reachable safe one (-1: none), a search backwards.
    private int[] EscapeDistances()
    {
        var escape = new int[_grid.Count];
        Array.Fill(escape, -1);
        var queue = new Queue<int>();
        for (var c = 0; c < _grid.Count; c++)
        {
            if (run.Reach.InReach(c) && !Damaging(c))
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
                var from = to - _grid.Offsets[d];
                if (escape[from] >= 0 || !run.Reach.InReach(from) || run.Steps.Step(from, d, allowExit: false) != to)
                {
                    continue;
                }

                escape[from] = escape[to] + 1;
                queue.Enqueue(from);
            }
        }

        return escape;
    }

    private ExplorerFinding DeathZone(List<int> component, int[] escape)
    {
        var (sector, x, y) = CellComponents.Describe(_grid, component);
        var damage = DamageOf(sector);
        var trapped = component.Exists(c => escape[c] < 0);
        return new ExplorerFinding(
            ExplorerFindingKind.DeathZone,
            trapped ? $"Death zone: a damaging pit in sector {sector} has no way out" : $"Death zone: the damaging floor of sector {sector} cannot be left in time",
            trapped
                ? $"A player who gets onto the damaging floor around ({N(x)}, {N(y)}) ({damage} hp every 32 tics) can never leave it and dies."
                : $"From the damaging floor around ({N(x)}, {N(y)}) ({damage} hp every 32 tics) the nearest safe floor is too far to reach before a player at full health dies.",
            x,
            y)
        {
            Severity = FindingSeverity.Critical,
            ElementKind = ElementKind.Sector,
            ElementIndex = sector,
            Area = component.Count * _grid.CellSize * _grid.CellSize,
            Tick = DeathTickIn(component),
            Evidence = new Dictionary<string, string>
            {
                ["damage"] = N(damage),
                ["special"] = N(run.State.Heights.Special[sector]),
                ["way_out"] = trapped ? "none" : "too far",
            },
        };
    }

    // A pit is judged from the cells that have no way out in the run's model; a floor only too far, by its health.
    private ExplorerFinding Prove(ExplorerFinding finding, List<int> component, int[] escape)
    {
        var trapped = component.FindAll(c => escape[c] < 0);
        ProofResult proof = trapped.Count > 0
            ? prover.Trapped(trapped, SafeFloor, "to a floor that does not hurt")
            : new ProofResult(false, "health and armour", "Not proven: a player with more health (up to 200), armour or a radiation suit may get out in time.");
        if (proof.Proven)
        {
            return finding with
            {
                Description = $"{finding.Description} {proof.Explanation}",
                Severity = component.Contains(run.StartCell) ? FindingSeverity.Critical : FindingSeverity.Major,
                Evidence = proof.AddTo(finding.Evidence),
            };
        }

        return finding with
        {
            Title = $"Possible death zone (not proven): {finding.Title["Death zone: ".Length..]}",
            Description = $"{finding.Description} {proof.Explanation}",
            Severity = FindingSeverity.Minor,
            Confidence = ExitVerdictJudge.NotProvenConfidence,
            Evidence = proof.AddTo(finding.Evidence),
        };
    }

    // A body is safe where its centre is over a floor that does not hurt (Doom hurts only a body whose centre's sector
    // does, standing on that sector's floor).
    private bool SafeFloor(int c, int height)
    {
        var sector = _grid.CenterSector[c];
        return sector >= 0 && DamageOf(sector) == 0;
    }

    private ExplorerFinding StartOnDamagingFloor(int escapeCells)
    {
        var thing = run.Model.Level.Things[run.StartThing];
        var startSector = _grid.CenterSector[run.StartCell];
        var damage = DamageOf(startSector);
        return new ExplorerFinding(
            ExplorerFindingKind.DeathZone,
            $"Damaging floor at the player start (sector {startSector})",
            $"The player starts on a damaging floor ({damage} hp every 32 tics); it can be left before dying, but every player loses health from the first second.",
            thing.X,
            thing.Y)
        {
            Severity = FindingSeverity.Minor,
            ElementKind = ElementKind.Sector,
            ElementIndex = startSector,
            Evidence = new Dictionary<string, string>
            {
                ["damage"] = N(damage),
                ["special"] = N(run.State.Heights.Special[startSector]),
                ["escape_tics"] = escapeCells < 0 ? "never" : EscapeTics(escapeCells).ToString(CultureInfo.InvariantCulture),
                ["escapable"] = "true",
            },
        };
    }

    private int? DeathTickIn(List<int> component)
    {
        if (!run.Died)
        {
            return null;
        }

        var death = run.Events[^1];
        return component.Contains(_grid.CellAt(death.X, death.Y)) ? death.Tick : null;
    }
}
