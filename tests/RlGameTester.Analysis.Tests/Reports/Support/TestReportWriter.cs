using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RlGameTester.Analysis.Reports;
using RlGameTester.Data;

namespace RlGameTester.Analysis.Tests.Reports.Support;

/// <summary>The Analysis service's report writer on a test's database, with an LLM endpoint or (null) the templates alone.</summary>
internal static class TestReportWriter
{
    public static ReportWriter Create(RlgtDbContext db, LlmEndpoint? endpoint = null, ReportOptions? options = null)
    {
        var wrapped = Options.Create(options ?? new ReportOptions());
        return new ReportWriter(
            db,
            new EvidenceReader(db, wrapped),
            new LlmReportAuthor(wrapped, NullLogger<LlmReportAuthor>.Instance, endpoint),
            wrapped,
            TimeProvider.System,
            NullLogger<ReportWriter>.Instance);
    }
}
