using System.Diagnostics;

namespace RlGameTester.Analysis.Reports;

/// <summary>Spans around report writing and LLM calls, shown in the Aspire dashboard.</summary>
internal static class ReportTelemetry
{
    public const string SourceName = "RlGameTester.Analysis.Reports";

    public static readonly ActivitySource ActivitySource = new(SourceName);
}
