using Microsoft.EntityFrameworkCore;

namespace RlGameTester.Data.Runs;

/// <summary>
/// The only way a run changes state: pending -> running -> completed | failed | cancelled, and
/// pending -> cancelled. Each move is one conditional UPDATE, so two callers racing (an API call and a
/// worker, two workers) cannot both win, and no move can start from the wrong state.
/// </summary>
public static class RunLifecycle
{
    public static RunStatus Target(RunTransition transition) => transition switch
    {
        RunTransition.Start => RunStatus.Running,
        RunTransition.Complete => RunStatus.Completed,
        RunTransition.Fail => RunStatus.Failed,
        RunTransition.Cancel => RunStatus.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(transition)),
    };

    public static IReadOnlyList<RunStatus> AllowedFrom(RunTransition transition) => transition switch
    {
        RunTransition.Start => [RunStatus.Pending],
        RunTransition.Complete or RunTransition.Fail => [RunStatus.Running],
        RunTransition.Cancel => [RunStatus.Pending, RunStatus.Running],
        _ => throw new ArgumentOutOfRangeException(nameof(transition)),
    };

    public static bool IsAllowed(RunStatus from, RunTransition transition) => AllowedFrom(transition).Contains(from);

    /// <summary>
    /// Applies <paramref name="transition"/> to run <paramref name="runId"/> if its current state allows it,
    /// setting the server-side timestamps. Returns the outcome; the caller turns a refusal into 404 or 409.
    /// </summary>
    public static async Task<TransitionOutcome> ApplyAsync(
        RlgtDbContext db,
        long runId,
        RunTransition transition,
        DateTime now,
        TransitionDetails? details = null,
        CancellationToken cancellationToken = default)
    {
        var allowed = AllowedFrom(transition);
        var target = Target(transition);
        var runs = db.Runs.Where(r => r.Id == runId && allowed.Contains(r.Status));
        details ??= new TransitionDetails();

        var changed = transition switch
        {
            RunTransition.Start => await runs.ExecuteUpdateAsync(
                set => set.SetProperty(r => r.Status, target).SetProperty(r => r.StartedAt, now),
                cancellationToken),
            RunTransition.Complete => await runs.ExecuteUpdateAsync(
                set => set.SetProperty(r => r.Status, target)
                    .SetProperty(r => r.CompletedAt, now)
                    .SetProperty(r => r.TotalEpisodes, r => details.TotalEpisodes ?? r.TotalEpisodes)
                    .SetProperty(r => r.TotalIterations, r => details.TotalIterations ?? r.TotalIterations)
                    .SetProperty(r => r.LogPath, r => details.LogPath ?? r.LogPath),
                cancellationToken),
            RunTransition.Fail => await runs.ExecuteUpdateAsync(
                set => set.SetProperty(r => r.Status, target)
                    .SetProperty(r => r.CompletedAt, now)
                    .SetProperty(r => r.ErrorMessage, details.ErrorMessage),
                cancellationToken),
            _ => await runs.ExecuteUpdateAsync(
                set => set.SetProperty(r => r.Status, target).SetProperty(r => r.CompletedAt, now),
                cancellationToken),
        };

        if (changed == 1)
        {
            return new TransitionOutcome(true, target);
        }

        var current = await db.Runs.Where(r => r.Id == runId).Select(r => (RunStatus?)r.Status).FirstOrDefaultAsync(cancellationToken);
        return new TransitionOutcome(false, current);
    }
}
