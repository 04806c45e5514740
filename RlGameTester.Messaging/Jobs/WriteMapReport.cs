using System.Text.Json.Serialization.Metadata;

namespace RlGameTester.Messaging.Jobs;

/// <summary>(Re)write a map's report now (the Analysis service).</summary>
/// <param name="MapId">The map.</param>
/// <param name="EvidenceChanged">As for <see cref="WriteRunReport.EvidenceChanged"/>.</param>
public sealed record WriteMapReport(long MapId, bool EvidenceChanged = false) : IJob<WriteMapReport>
{
    public static string Queue => Queues.Reports;

    public static string Type => "write_map_report";

    public static JsonTypeInfo<WriteMapReport> Json => MessagingJson.Default.WriteMapReport;
}
