using Microsoft.AspNetCore.Http.Json;

namespace RlGameTester.Api.Infrastructure;

internal static class ApiConventions
{
    /// <summary>JSON as the seed spoke it, ProblemDetails for every error, binding failures that say why.</summary>
    public static IHostApplicationBuilder AddApiConventions(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(options => ApiJson.Configure(options.SerializerOptions));
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Detail ??= FrameworkProblems.Detail(context.HttpContext, context.ProblemDetails.Status);
            context.ProblemDetails.Extensions.TryAdd("trace_id", System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        });
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Binding failures become exceptions so the handler above can explain them.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddApiDocs();
        return builder;
    }
}
