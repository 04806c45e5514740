using System.Text.Json.Serialization.Metadata;

namespace RlGameTester.Messaging.Jobs;

/// <summary>Analyse a finished run: detectors, metrics, hardness, report (the Analysis service).</summary>
public sealed record AnalyseRun(long RunId) : IJob<AnalyseRun>
{
    public static string Queue => Queues.Analysis;

    public static string Type => "analyse_run";

    public static JsonTypeInfo<AnalyseRun> Json => MessagingJson.Default.AnalyseRun;
}
