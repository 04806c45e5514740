namespace RlGameTester.Messaging;

/// <summary>
/// The product's queues, one per consuming service and concern; each job record (<c>Jobs/</c>) names the one it goes on.
/// </summary>
public static class Queues
{
    /// <summary>The Worker's: play a run with its agent, or import an uploaded log.</summary>
    public const string Runs = "runs";

    /// <summary>The Analysis service's: analyse a finished run or its frames, check an uploaded file's levels.</summary>
    public const string Analysis = "analysis";

    /// <summary>The Analysis service's report writer: rewrite a run's or a map's report.</summary>
    public const string Reports = "reports";
}
