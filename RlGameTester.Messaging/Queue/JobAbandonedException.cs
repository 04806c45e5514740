namespace RlGameTester.Messaging.Queue;

/// <summary>
/// Thrown by a handler that lost its job to another consumer (its lease was fenced off): the job is left
/// alone, neither acknowledged nor retried, because its new owner holds it.
/// </summary>
public sealed class JobAbandonedException(string message) : Exception(message);
