using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace RlGameTester.Api.Infrastructure;

/// <summary>The OpenAPI document at <c>/openapi.json</c>, Scalar's reference at <c>/docs</c>, and <c>/</c> leading there.</summary>
internal static class ApiDocs
{
    public const string DocumentPath = "/openapi.json";

    public static IServiceCollection AddApiDocs(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "RlGameTester API",
                Version = "v1",
                Description = "Automated QA for Doom levels: upload levels, run agents on them, read their telemetry, metrics, bugs and reports. "
                    + "JSON uses snake_case names and lower-case enum strings; every error is a ProblemDetails body saying why.",
            };
            return Task.CompletedTask;
        }));

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath);
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("RlGameTester API")
            .WithOpenApiRoutePattern(DocumentPath));
        app.MapGet("/", () => TypedResults.Redirect("/docs")).ExcludeFromDescription();
        return app;
    }
}
