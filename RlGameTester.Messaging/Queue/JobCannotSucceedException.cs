namespace RlGameTester.Messaging.Queue;

/// <summary>
/// Thrown for a job that no retry can help (no handler for its type, a payload that is not the job it claims to be, a
/// handler that knows the job is impossible): it goes to the dead-letter stream at once, with this message.
/// </summary>
public sealed class JobCannotSucceedException : Exception
{
    public JobCannotSucceedException()
        : base("The job cannot succeed.")
    {
    }

    public JobCannotSucceedException(string message)
        : base(message)
    {
    }

    public JobCannotSucceedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
