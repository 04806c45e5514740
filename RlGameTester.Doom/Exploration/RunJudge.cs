using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration.Proof;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Judges a finished run on the heights it ended with: death zones, softlocks and stuck spots, why the exit was not
/// reached, unreachable keys, items and secrets, narrow gaps and blocked teleports; most severe first.
/// </summary>
internal static class RunJudge
{
    public static List<ExplorerFinding> Judge(RunSnapshot run)
    {
        var findings = new List<ExplorerFinding>();

        // Where the run trapped the body: everything it still reaches, none of which leads back (a trap the start's
        // reach below does not see, the way in having shut behind the body).
        var reach = run.Reach;
        List<int> bodyTrap = [];
        if (run.EndedStuck)
        {
            reach.Reach(run.Body.Cell);
            bodyTrap.AddRange(Enumerable.Range(0, run.Grid.Count).Where(reach.InReach));
        }

        // The sets the judges read: what the start reaches now, and what of it can come back to the start or an exit.
        reach.Reach(run.StartCell);
        var seeds = new List<int> { run.StartCell };
        for (var c = 0; c < run.Grid.Count; c++)
        {
            if (reach.InReach(c) && run.Exits.IsExit(c, secret: null))
            {
                seeds.Add(c);
            }
        }

        reach.MarkReturn(seeds);

        // What the explorer could not do is proven impossible before it is called critical.
        var prover = new Prover(run);
        var deathCells = new DeathZoneJudge(run, prover).Judge(findings);
        new SoftlockJudge(run, prover).Judge(deathCells, bodyTrap, findings);
        if (!run.ExitReached && !run.Died)
        {
            findings.AddRange(new ExitBlockerJudge(run).Judge().Select(f => ExitVerdictJudge.Judge(f, prover)));
        }

        var reachJudge = new ReachJudge(run, prover);
        reachJudge.JudgePickups(findings);
        reachJudge.JudgeSecrets(findings);
        var gaps = new GapJudge(run, reachJudge);
        gaps.JudgeNarrowGaps(findings);
        gaps.JudgeBlockedTeleports(findings);
        return [.. findings.OrderBy(f => f.Severity).ThenBy(f => f.Kind).ThenBy(f => f.ElementIndex ?? -1)];
    }
}
