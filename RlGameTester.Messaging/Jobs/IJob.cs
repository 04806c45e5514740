using System.Text.Json.Serialization.Metadata;

namespace RlGameTester.Messaging.Jobs;

/// <summary>
/// A job: a record that names the queue it goes on, its type name on that queue and its JSON, so enqueueing it and
/// handling it need nothing but the record.
/// </summary>
public interface IJob<TJob> where TJob : class, IJob<TJob>
{
    /// <summary>The queue (one per consuming service, <see cref="Queues"/>).</summary>
    static abstract string Queue { get; }

    /// <summary>The job's type on its queue: the consumer hands the job to the handler registered for it.</summary>
    static abstract string Type { get; }

    /// <summary>How the job is written to and read from the queue.</summary>
    static abstract JsonTypeInfo<TJob> Json { get; }
}
