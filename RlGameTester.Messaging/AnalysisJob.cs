namespace RlGameTester.Messaging;

/// <summary>A job for the Analysis service.</summary>
/// <param name="Kind"><c>run</c> (a finished run: detectors, metrics, report) or <c>level</c> (static checks of an uploaded level).</param>
/// <param name="RunId">For <c>run</c>.</param>
/// <param name="MapId">For <c>level</c>.</param>
public sealed record AnalysisJob(string Kind, long? RunId = null, long? MapId = null)
{
    public const string Type = "analysis";
    public const string Run = "run";
    public const string Level = "level";
}
