using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace RlGameTester.Api.Infrastructure;

/// <summary>The OpenAPI document at <c>/openapi.json</c>, Scalar's reference at <c>/docs</c>, and <c>/</c> leading there.</summary>
internal static class ApiDocs
{
    public const string DocumentPath = "/openapi.json";
    private const string KeyScheme = "ApiKey";

    public static IServiceCollection AddApiDocs(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "RlGameTester API",
                Version = "v1",
                Description = "Automated QA for Doom levels: upload levels, run agents on them, read their telemetry, metrics, bugs and reports. "
                    + "JSON uses snake_case names and lower-case enum strings; every error is a ProblemDetails body saying why. "
                    + "Every /api endpoint needs an API key in the X-Api-Key header (or an Entra ID bearer token where configured): "
                    + "reads the reader role, writes tester, deletions and keys admin.",
            };
            // The key a person pastes into the reference page's authentication box, sent with every request it tries.
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[KeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "An API key (rlgt_...): scripts/run.sh prints the development key; admins make others at POST /api/keys.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeyScheme, document)] = [] }];
            return Task.CompletedTask;
        }));

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath);
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("RlGameTester API")
            .WithOpenApiRoutePattern(DocumentPath)
            .AddPreferredSecuritySchemes(KeyScheme));
        app.MapGet("/", () => TypedResults.Redirect("/docs")).ExcludeFromDescription();
        return app;
    }
}
