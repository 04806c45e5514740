using System.Text.Json;

namespace RlGameTester.Data.Reports;

/// <summary>
/// A request to (re)write a report now, queued by the Api (<c>POST /api/runs/{id}/report</c>,
/// <c>POST /api/maps/{id}/report</c>) on the <see cref="Queue"/> queue and taken by the Analysis service.
/// </summary>
/// <param name="Subject">Run or map.</param>
/// <param name="Id">The run's or the map's id.</param>
public sealed record ReportRequest(ReportSubject Subject, long Id)
{
    /// <summary>The queue the Analysis service takes report requests from.</summary>
    public const string Queue = "reports";

    /// <summary>The job type on that queue.</summary>
    public const string Type = "report";

    public string ToJson() => JsonSerializer.Serialize(this, ReportJson.Default.ReportRequest);

    public static ReportRequest? FromJson(string json) => JsonSerializer.Deserialize(json, ReportJson.Default.ReportRequest);
}
