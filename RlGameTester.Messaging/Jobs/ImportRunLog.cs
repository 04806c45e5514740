using System.Text.Json.Serialization.Metadata;

namespace RlGameTester.Messaging.Jobs;

/// <summary>Import an uploaded agent log into a started run (the Worker).</summary>
/// <param name="RunId">The run.</param>
/// <param name="LogBlob">The blob (in the logs container) holding the log.</param>
public sealed record ImportRunLog(long RunId, string LogBlob) : IJob<ImportRunLog>
{
    public static string Queue => Queues.Runs;

    public static string Type => "import_run_log";

    public static JsonTypeInfo<ImportRunLog> Json => MessagingJson.Default.ImportRunLog;
}
