using Microsoft.Extensions.Options;
using RlGameTester.Messaging;
using RlGameTester.Messaging.Jobs;

namespace RlGameTester.Analysis.Reports;

/// <summary>Wiring of report writing into the Analysis service.</summary>
internal static class ReportsExtensions
{
    /// <summary>
    /// Binds <see cref="ReportOptions"/> (validated on start), connects the LLM when the <c>llm</c> connection string
    /// is set (a malformed one stops the service at start, saying what is wrong), and takes report jobs from the
    /// <c>reports</c> queue.
    /// </summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReportOptions>()
            .BindConfiguration(ReportOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var connection = builder.Configuration.GetConnectionString(LlmConnection.ConnectionName) is { Length: > 0 } text
            ? LlmConnection.Parse(text)
            : null;
        if (connection is not null)
        {
            builder.Services.AddSingleton(sp => LlmEndpoint.Create(
                connection, sp.GetRequiredService<IOptions<ReportOptions>>().Value.LlmTimeout, sp.GetRequiredService<ILoggerFactory>()));
        }

        builder.Services.AddSingleton<LlmReportAuthor>();
        builder.Services.AddScoped<EvidenceReader>();
        builder.Services.AddScoped<ReportWriter>();
        builder.AddJobHandler<WriteRunReport, ReportJobHandler>();
        builder.AddJobHandler<WriteMapReport, ReportJobHandler>();
        return builder;
    }
}
