namespace RlGameTester.Messaging;

/// <summary>A job for the Worker.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Kind"><c>play</c> (run the agent) or <c>import_log</c> (parse an uploaded agent log).</param>
/// <param name="LogBlob">For <c>import_log</c>: the blob (in the logs container) holding the log.</param>
public sealed record RunJob(long RunId, string Kind, string? LogBlob = null)
{
    public const string Type = "run";
    public const string Play = "play";
    public const string ImportLog = "import_log";
}
