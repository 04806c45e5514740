using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RlGameTester.Analysis.Reports;

namespace RlGameTester.Analysis.Tests.Reports;

/// <summary>How the Analysis service wires reports from its configuration: the LLM only with a valid <c>llm</c> connection string, settings validated.</summary>
public sealed class ReportsWiringTests
{
    [Fact]
    public void WithoutAnLlmConnectionStringTheTemplatesWriteAndSayWhy()
    {
        using var host = Build([]);

        Assert.False(host.Services.GetRequiredService<LlmReportAuthor>().IsConfigured);
        Assert.Null(host.Services.GetService<LlmEndpoint>());
    }

    [Fact]
    public void WithAnLlmConnectionStringTheLlmIsConnectedWithTheConfiguredTimeout()
    {
        using var host = Build(new()
        {
            ["ConnectionStrings:llm"] = "Endpoint=http://127.0.0.1:11434/v1;Model=llama3.1",
            ["Analysis:Reports:LlmTimeout"] = "00:00:20",
        });

        Assert.True(host.Services.GetRequiredService<LlmReportAuthor>().IsConfigured);
        Assert.Equal("llama3.1", host.Services.GetRequiredService<LlmEndpoint>().Model);
        Assert.Equal(TimeSpan.FromSeconds(20), host.Services.GetRequiredService<IOptions<ReportOptions>>().Value.LlmTimeout);
    }

    [Fact]
    public void AMalformedLlmConnectionStringStopsTheServiceSayingWhatIsWrong()
    {
        var error = Assert.Throws<FormatException>(() => Build(new() { ["ConnectionStrings:llm"] = "Endpoint=localhost;Model=m" }));
        Assert.Contains("Endpoint=<an http(s) address", error.Message);
    }

    [Fact]
    public void ATimeoutOfZeroIsRefused()
    {
        using var host = Build(new() { ["Analysis:Reports:LlmTimeout"] = "00:00:00" });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<ReportOptions>>().Value);
        Assert.Contains("LlmTimeout", error.Message);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddReports();
        return builder.Build();
    }
}
