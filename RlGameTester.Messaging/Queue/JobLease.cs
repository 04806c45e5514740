namespace RlGameTester.Messaging.Queue;

/// <summary>A job a consumer holds until it acknowledges it, fails it, or stops heartbeating.</summary>
/// <param name="Queue">The queue it came from.</param>
/// <param name="EntryId">Its Redis stream entry id.</param>
/// <param name="Type">The job's type name.</param>
/// <param name="Payload">The job as JSON.</param>
/// <param name="Attempt">1 for the first try; counts earlier failures and takeovers.</param>
/// <param name="PreviousError">Why the previous attempt failed, if it did.</param>
public sealed record JobLease(string Queue, string EntryId, string Type, string Payload, int Attempt, string? PreviousError);
