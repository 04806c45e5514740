using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

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
        var limits = builder.Configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsApi(context.Request.Path)
                    ? RateLimitPartition.GetFixedWindowLimiter(Caller(context), _ => Window(limits.Requests, limits.Window))
                    : RateLimitPartition.GetNoLimiter("open"));
            options.AddPolicy(ReportRewrites, context => RateLimitPartition.GetFixedWindowLimiter(Caller(context), _ => Window(limits.ReportRewrites, limits.ReportWindow)));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limits.Window;
                response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"This caller passed a limit (RateLimits: {limits.Requests} requests per {limits.Window}, {limits.ReportRewrites} report rewrites per {limits.ReportWindow}); try again in {Math.Ceiling(wait.TotalSeconds)} s.",
                    },
                });
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
