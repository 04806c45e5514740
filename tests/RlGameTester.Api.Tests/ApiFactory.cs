using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RlGameTester.TestSupport;

namespace RlGameTester.Api.Tests;

/// <summary>
/// The real Api in memory on the test servers (<see cref="ApiHost{TProgram}"/>), with what the Api's own tests check
/// besides: an upload limit, Entra ID tokens from a stand-in issuer, CORS, detailed health.
/// </summary>
public sealed class ApiFactory : ApiHost<Program>, IAsyncLifetime
{
    /// <summary>The one web origin CORS lets call the Api.</summary>
    public const string AllowedOrigin = "https://levels.example";

    /// <summary>Small enough that a test can exceed it; freedoom2.wad (28 MB) still fits.</summary>
    public const long MaxUploadBytes = 40L * 1024 * 1024;

    /// <summary>Receives the host's log entries as well (warnings and above pass the filter below).</summary>
    public ILoggerProvider? Logs { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Maps:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Authentication:Jwt:Authority", TestTokens.Issuer);
        builder.UseSetting("Authentication:Jwt:Audience", TestTokens.Audience);
        builder.UseSetting("Cors:Origins:0", AllowedOrigin);
        // Entra ID cannot be reached from here: its signing key and issuer are given to the real JwtBearer handler
        // instead of fetched from the authority's metadata. Everything else (signature, lifetime, audience) it checks.
        builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, TestTokens.Configure));
        // The tests read each check's reason, which a deployment keeps to itself.
        builder.UseSetting("Health:Detailed", "true");
        if (Logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }
}
