using System.Text.Json;
using RlGameTester.Messaging.Jobs;

namespace RlGameTester.Messaging.Queue;

/// <summary>A job a consumer holds until it acknowledges it, fails it, or stops heartbeating.</summary>
/// <param name="Queue">The queue it came from.</param>
/// <param name="EntryId">Its Redis stream entry id.</param>
/// <param name="Type">The job's type name.</param>
/// <param name="Payload">The job as JSON.</param>
/// <param name="Attempt">1 for the first try; counts earlier failures and takeovers.</param>
/// <param name="PreviousError">Why the previous attempt failed, if it did.</param>
public sealed record JobLease(string Queue, string EntryId, string Type, string Payload, int Attempt, string? PreviousError)
{
    /// <summary>The job, which must be a <typeparamref name="TJob"/>; throws <see cref="JobCannotSucceedException"/> with the reason when it is not one.</summary>
    public TJob Read<TJob>() where TJob : class, IJob<TJob>
    {
        if (Type != TJob.Type)
        {
            throw new JobCannotSucceedException($"Job {EntryId} on {Queue} is a '{Type}', not a '{TJob.Type}'.");
        }

        try
        {
            return JsonSerializer.Deserialize(Payload, TJob.Json)
                ?? throw new JobCannotSucceedException($"Job {EntryId} ({Type}) is empty.");
        }
        catch (JsonException e)
        {
            throw new JobCannotSucceedException($"Job {EntryId} ({Type}) is not a readable '{TJob.Type}': {e.Message}", e);
        }
    }

    /// <summary>The job when it is a readable <typeparamref name="TJob"/>, else null.</summary>
    public TJob? TryRead<TJob>() where TJob : class, IJob<TJob>
    {
        if (Type != TJob.Type)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(Payload, TJob.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
