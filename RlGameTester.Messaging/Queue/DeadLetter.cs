namespace RlGameTester.Messaging.Queue;

/// <summary>A job that kept failing, with why.</summary>
public sealed record DeadLetter(string Queue, string Type, string Payload, int Attempts, string Error, DateTimeOffset At);
