using System.ComponentModel.DataAnnotations;

namespace RlGameTester.Messaging.Queue;

/// <summary>How the job queue delivers (section <c>Queue</c>).</summary>
public sealed class JobQueueOptions
{
    public const string SectionName = "Queue";

    /// <summary>A job not heartbeated for this long is taken over by another worker (its worker is presumed dead).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts (failures and takeovers together) before a job goes to the dead-letter list.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Dead letters kept per queue, newest first: older ones are trimmed as new ones arrive.</summary>
    [Range(1, 10_000_000)]
    public int MaxDeadLetters { get; set; } = 10_000;

    /// <summary>How often an idle consumer looks for new or abandoned jobs.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Put before every Redis key the product uses (queues, dead letters, progress, cancellations), so
    /// several installations (or test runs) can share one Redis. Channels take the connection string's
    /// <c>channelPrefix</c>.
    /// </summary>
    public string KeyPrefix { get; set; } = string.Empty;
}
