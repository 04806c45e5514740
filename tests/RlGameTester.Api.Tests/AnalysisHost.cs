extern alias analysis;
using analysis::RlGameTester.Analysis.Rendering;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RlGameTester.Api.Tests;

/// <summary>
/// The real Analysis service in memory (its own Program, found through one of its public types), on the Api factory's
/// database, queue and blob storage: it takes the jobs the Api queues, checks levels, analyses runs and draws images.
/// </summary>
public sealed class AnalysisHost(ApiFactory api) : WebApplicationFactory<RenderOptions>
{
    private static readonly string[] SharedSettings = ["ConnectionStrings:rlgt", "ConnectionStrings:redis", "ConnectionStrings:blobs", "Queue:KeyPrefix"];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var configuration = api.Services.GetRequiredService<IConfiguration>();
        builder.UseEnvironment("Testing");
        foreach (var key in SharedSettings)
        {
            builder.UseSetting(key, configuration[key]);
        }

        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:StackExchange.Redis", "None");
    }
}
