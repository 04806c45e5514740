namespace RlGameTester.Messaging;

/// <summary>A job for the Analysis service.</summary>
/// <param name="Kind">
/// <c>run</c> (a finished run: detectors, metrics, report), <c>frames</c> (a run's stored frames: visual-glitch checks)
/// or <c>wad</c> (static checks of every level of an uploaded file).
/// </param>
/// <param name="RunId">For <c>run</c> and <c>frames</c>.</param>
/// <param name="FileHash">For <c>wad</c>: the SHA-256 of the uploaded file, whose maps get the findings.</param>
public sealed record AnalysisJob(string Kind, long? RunId = null, string? FileHash = null)
{
    public const string Type = "analysis";
    public const string Run = "run";
    public const string Frames = "frames";
    public const string Wad = "wad";
}
