using Aspire.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RlGameTester.StandIns;
using RlGameTester.TestSupport;

// One stack for the whole assembly: the Api tests, the command line's and the browser's share it.
[assembly: AssemblyFixture(typeof(RlGameTester.EndToEnd.Tests.AppHostFixture))]

namespace RlGameTester.EndToEnd.Tests;

/// <summary>
/// The real AppHost in local mode (the machine's PostgreSQL, redis-server and Azurite as executable
/// resources), with a data folder of its own, booted once for the tests that share it. Its Api and web app are
/// configured, through the AppHost's own settings as a deployer's would be, against a stand-in of Entra ID on a
/// loopback port: keys work as they do everywhere, and "Sign in with Microsoft" is offered beside them.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"rlgt-e2e-{Guid.NewGuid():N}");
    private DistributedApplication? _app;
    private EntraStandIn? _entra;

    /// <summary>The Entra ID the stack trusts here.</summary>
    public EntraStandIn Entra => _entra ?? throw new InvalidOperationException("The Entra stand-in has not started.");

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost has not started.");

    /// <summary>The development admin key the Api made on this first start, where a newcomer finds it.</summary>
    public string DevelopmentKey => File.ReadAllText(DevelopmentKeyFile).Trim();

    /// <summary>Where the first start wrote <see cref="DevelopmentKey"/>.</summary>
    public string DevelopmentKeyFile => Path.Combine(_dataDirectory, "api-key");

    /// <summary>A client of the Api that sends the development key.</summary>
    public HttpClient ApiClient()
    {
        var client = App.CreateHttpClient("api", "http");
        client.DefaultRequestHeaders.Add(ApiKeys.Header, DevelopmentKey);
        return client;
    }

    /// <summary>The AppHost's warnings and errors and every line of every resource's output, from the first start on.</summary>
    public LogCollector Logs { get; } = new(LogLevel.Information);

    /// <summary>What the Worker and the Analysis service logged of runs so far (each phase's line and time): for a failure.</summary>
    public string RunLog() => "The services' log of runs:\n" + LogCollector.Describe(Logs.Entries.Where(e =>
        e.Category.EndsWith(".worker", StringComparison.Ordinal) || e.Category.EndsWith(".analysis", StringComparison.Ordinal))
        .Where(e => e.Message.Contains("Run ", StringComparison.Ordinal)));

    public async ValueTask InitializeAsync()
    {
        // PostgreSQL runs as the postgres user when the tests run as root: it must be able to reach its folder.
        Directory.CreateDirectory(_dataDirectory);
        File.SetUnixFileMode(_dataDirectory, (UnixFileMode)0b111_101_101);

        _entra = await EntraStandIn.StartAsync();
        using var cancellation = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.RlGameTester_AppHost>(
            [
                "--Infrastructure:Mode=local", $"--Infrastructure:Local:DataDirectory={_dataDirectory}",
                $"--Authentication:Jwt:Authority={_entra.Authority}", $"--Authentication:Jwt:Audience={EntraStandIn.ApiAudience}",
                "--Authentication:Jwt:RequireHttpsMetadata=false",
                $"--Authentication:Entra:Authority={_entra.Authority}", $"--Authentication:Entra:ClientId={EntraStandIn.ClientId}",
                $"--Authentication:Entra:ClientSecret={EntraStandIn.ClientSecret}", $"--Authentication:Entra:ApiScope={EntraStandIn.ApiScope}",
                "--Authentication:Entra:RequireHttpsMetadata=false",
            ],
            cancellation.Token);
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddProvider(Logs)
            // The AppHost forwards each resource's output a line at a time, at Information for standard output.
            .AddFilter<LogCollector>("RlGameTester.AppHost.Resources", LogLevel.Information));
        _app = await builder.BuildAsync(cancellation.Token).WaitAsync(StartTimeout, cancellation.Token);
        try
        {
            await _app.StartAsync(cancellation.Token).WaitAsync(StartTimeout, cancellation.Token);
            foreach (var resource in Resources)
            {
                await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellation.Token).WaitAsync(StartTimeout, cancellation.Token);
            }
        }
        catch (Exception e) when (e is DistributedApplicationException or TimeoutException or OperationCanceledException)
        {
            // The resources' own output (where the cause is written) is in the test output: the AppHost logs it.
            throw new InvalidOperationException($"The AppHost did not become healthy: {e.Message}", e);
        }
    }

    private static readonly string[] Resources = ["postgres", "redis", "blobs", "api", "worker", "analysis", "web"];

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().WaitAsync(TimeSpan.FromMinutes(1));
            await _app.DisposeAsync();
        }

        if (_entra is not null)
        {
            await _entra.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server still flushing its last file: the temp folder is cleaned by the OS later.
        }
        catch (UnauthorizedAccessException)
        {
            // Files owned by the postgres user when not running as root.
        }
    }
}
