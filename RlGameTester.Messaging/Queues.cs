namespace RlGameTester.Messaging;

/// <summary>The product's queues and job types.</summary>
public static class Queues
{
    /// <summary>Runs for the Worker: play a run with its agent, or import an uploaded log.</summary>
    public const string Runs = "runs";

    /// <summary>Work for the Analysis service: analyse a finished run, or check an uploaded level.</summary>
    public const string Analysis = "analysis";
}
