using RlGameTester.Cli.Checking;

namespace RlGameTester.Cli.Output;

/// <summary>Writes a check's report in one format.</summary>
internal interface IReportWriter
{
    void Write(CheckReport report, TextWriter output);
}

/// <summary>The writer of each format.</summary>
internal static class ReportWriters
{
    public static IReportWriter For(ReportFormat format, bool color) => format switch
    {
        ReportFormat.Json => new JsonReportWriter(),
        ReportFormat.Sarif => new SarifReportWriter(),
        ReportFormat.Junit => new JUnitReportWriter(),
        ReportFormat.Markdown => new MarkdownReportWriter(),
        _ => new TextReportWriter(color),
    };
}
