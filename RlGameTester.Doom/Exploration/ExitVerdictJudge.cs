using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration.Proof;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Keeps the explorer's "exit unreachable" critical only when it is proven: otherwise it becomes "exit not reached by
/// the explorer", a major finding of low confidence that says where the play stopped and what let a more generous
/// search through (or what in the level the simulation cannot decide).
/// </summary>
internal static class ExitVerdictJudge
{
    /// <summary>How sure an unproven "exit not reached" is: the explorer stopped, a more generous search got through.</summary>
    public const double NotProvenConfidence = 0.25;

    /// <summary>How sure it is when the level holds what the simulation cannot decide (scripts, boss exits, voodoo dolls).</summary>
    public const double UndecidedConfidence = 0.1;

    private const string Prefix = "Exit unreachable: ";

    public static ExplorerFinding Judge(ExplorerFinding blocker, Prover prover)
    {
        if (blocker.Evidence.GetValueOrDefault("reason") == "no exit")
        {
            return NoExit(blocker, prover);
        }

        var proof = prover.ExitUnreachable();
        if (proof.Proven && blocker.Evidence.GetValueOrDefault("reason") == ExitBlockerJudge.NoObstacle)
        {
            // The explorer's looser model saw a way the proof shows Doom does not allow: no way, and nothing single to name.
            return blocker with
            {
                Title = "Exit unreachable: no way to any exit",
                Description = $"The furthest a player gets towards the exit at ({blocker.Evidence["exit_x"]}, {blocker.Evidence["exit_y"]}) is ({blocker.Evidence["furthest_x"]}, {blocker.Evidence["furthest_y"]}); no single obstacle on the way can be named. {proof.Explanation}",
                Severity = FindingSeverity.Critical,
                Evidence = proof.AddTo(blocker.Evidence),
            };
        }

        if (proof.Proven)
        {
            return blocker with
            {
                Description = $"{blocker.Description} {proof.Explanation}",
                Evidence = proof.AddTo(blocker.Evidence),
            };
        }

        var what = blocker.Title.StartsWith(Prefix, StringComparison.Ordinal) ? blocker.Title[Prefix.Length..] : blocker.Title;
        return blocker with
        {
            Kind = ExplorerFindingKind.ExitNotReached,
            Title = $"Exit not reached by the explorer: {what}",
            Description = $"The explorer stopped here: {blocker.Description} {proof.Explanation}",
            Severity = FindingSeverity.Major,
            Confidence = prover.Limits.Count > 0 ? UndecidedConfidence : NotProvenConfidence,
            Evidence = proof.AddTo(blocker.Evidence),
        };
    }

    // A level without exit lines or sectors may still end by a script, a boss death or a voodoo doll.
    private static ExplorerFinding NoExit(ExplorerFinding blocker, Prover prover)
    {
        // A limit that only opens ways (a line Line_SetBlocking may clear) ends no level.
        if (prover.Limits.FirstOrDefault(l => l.MayEndLevel) is not { } limit)
        {
            return blocker;
        }

        return blocker with
        {
            Kind = ExplorerFindingKind.ExitNotReached,
            Title = "No exit line or exit sector: the level may end another way",
            Description = $"No exit line or exit sector exists on this level; it may end another way ({limit.Description}), which the explorer does not simulate.",
            Severity = FindingSeverity.Info,
            Confidence = UndecidedConfidence,
            Evidence = new Dictionary<string, string>(blocker.Evidence) { ["proof"] = "not proven", ["mechanic"] = limit.Mechanic },
        };
    }
}
