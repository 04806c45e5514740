using System.Text.Json.Serialization.Metadata;

namespace RlGameTester.Messaging.Jobs;

/// <summary>Play a started run with its agent (the Worker).</summary>
public sealed record PlayRun(long RunId) : IJob<PlayRun>
{
    public static string Queue => Queues.Runs;

    public static string Type => "play_run";

    public static JsonTypeInfo<PlayRun> Json => MessagingJson.Default.PlayRun;
}
