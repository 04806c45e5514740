using System.Text.Json.Serialization.Metadata;

namespace RlGameTester.Messaging.Jobs;

/// <summary>Run the visual-glitch checks on a run's stored frames (the Analysis service).</summary>
public sealed record AnalyseFrames(long RunId) : IJob<AnalyseFrames>
{
    public static string Queue => Queues.Analysis;

    public static string Type => "analyse_frames";

    public static JsonTypeInfo<AnalyseFrames> Json => MessagingJson.Default.AnalyseFrames;
}
