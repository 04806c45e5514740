using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using RlGameTester.Api.Infrastructure;

namespace RlGameTester.Api.Security;

/// <summary>
/// Per-client limits (section <c>RateLimits</c>), so no caller can exhaust the service: requests per window for every
/// API request, and report rewrites (which may ask the LLM, on the owner's bill) per window, each counted per caller
/// (its key, its token's subject, else its address). Over a limit: 429 with <c>Retry-After</c> and a ProblemDetails.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Requests one caller may make per <see cref="Window"/> (default 600 a minute).</summary>
    [Range(1, 1_000_000)]
    public int Requests { get; set; } = 600;

    /// <summary>The window <see cref="Requests"/> is counted in (default one minute).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Report rewrites (<c>POST .../report</c>) one caller may ask for per <see cref="ReportWindow"/> (default 20 an hour).</summary>
    [Range(1, 100_000)]
    public int ReportRewrites { get; set; } = 20;

    /// <summary>The window <see cref="ReportRewrites"/> is counted in (default one hour).</summary>
    public TimeSpan ReportWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Runs one caller may have playing at once (started, not yet ended; default 4): a start past it answers 429.</summary>
    [Range(1, 10_000)]
    public int RunsAtOnce { get; set; } = 4;
}

internal static class RateLimits
{
    public const string ReportRewrites = "report-rewrites";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        // The limiter is set up from the bound, validated settings (the same ones the runs quota reads).
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, bound) =>
        {
            var limits = bound.Value;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsApi(context.Request.Path)
                    ? RateLimitPartition.GetFixedWindowLimiter(Caller(context), _ => Window(limits.Requests, limits.Window))
                    : RateLimitPartition.GetNoLimiter("open"));
            options.AddPolicy(ReportRewrites, context => RateLimitPartition.GetFixedWindowLimiter(Caller(context), _ => Window(limits.ReportRewrites, limits.ReportWindow)));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limits.Window;
                rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Problems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"This caller passed a limit (RateLimits: {limits.Requests} requests per {limits.Window}, {limits.ReportRewrites} report rewrites per {limits.ReportWindow}); try again in {Math.Ceiling(wait.TotalSeconds)} s.");
            };
        });
        return builder;
    }

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments(SecuritySetup.HubPath);

    // The caller once signed in, else (refused anyway, but counted) its address.
    private static string Caller(HttpContext context) => Callers.Of(context.User) ?? $"ip:{context.Connection.RemoteIpAddress}";

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };
}
