using System.Text.Json.Serialization.Metadata;

namespace RlGameTester.Messaging.Jobs;

/// <summary>(Re)write a run's report now (the Analysis service).</summary>
/// <param name="RunId">The run.</param>
/// <param name="EvidenceChanged">
/// Queued because the report's evidence changed (a finding it cites was deleted), not because someone asked: the report
/// is rewritten as after an analysis (the LLM asked only as it would be then), and kept if its evidence is in fact the same.
/// </param>
public sealed record WriteRunReport(long RunId, bool EvidenceChanged = false) : IJob<WriteRunReport>
{
    public static string Queue => Queues.Reports;

    public static string Type => "write_run_report";

    public static JsonTypeInfo<WriteRunReport> Json => MessagingJson.Default.WriteRunReport;
}
