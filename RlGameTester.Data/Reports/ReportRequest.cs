using System.Text.Json;

namespace RlGameTester.Data.Reports;

/// <summary>
/// A request to (re)write a report now, queued by the Api (<c>POST /api/runs/{id}/report</c>,
/// <c>POST /api/maps/{id}/report</c>, and <c>DELETE /api/bugs/{id}</c> for the reports citing the bug) on the
/// <see cref="Queue"/> queue and taken by the Analysis service.
/// </summary>
/// <param name="Subject">Run or map.</param>
/// <param name="Id">The run's or the map's id.</param>
/// <param name="EvidenceChanged">
/// Queued because the report's evidence changed (a finding it cites was deleted), not because someone asked: the report
/// is rewritten as after an analysis (the LLM asked only as it would be then), and kept if its evidence is in fact the same.
/// </param>
public sealed record ReportRequest(ReportSubject Subject, long Id, bool EvidenceChanged = false)
{
    /// <summary>The queue the Analysis service takes report requests from.</summary>
    public const string Queue = "reports";

    /// <summary>The job type on that queue.</summary>
    public const string Type = "report";

    public string ToJson() => JsonSerializer.Serialize(this, ReportJson.Default.ReportRequest);

    public static ReportRequest? FromJson(string json) => JsonSerializer.Deserialize(json, ReportJson.Default.ReportRequest);
}
