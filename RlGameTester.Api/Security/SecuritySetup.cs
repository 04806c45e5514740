using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace RlGameTester.Api.Security;

/// <summary>
/// Who may call the API, stated once: API keys (header <c>X-Api-Key</c>, keys in PostgreSQL) and, where
/// <c>Authentication:Jwt:Authority</c> is set, Entra ID bearer tokens whose app roles carry the same role names. Every
/// endpoint of the API group needs a role (<see cref="RequireRoles"/>): reads a reader, writes a tester, deletions an
/// admin, what <see cref="ForRole"/> names otherwise. Cross-site pages may call it only from <c>Cors:Origins</c>.
/// </summary>
internal static class SecuritySetup
{
    public const string HubPath = "/hubs/runs";
    private const string EitherScheme = "ApiKeyOrBearer";

    public static WebApplicationBuilder AddApiSecurity(this WebApplicationBuilder builder)
    {
        var jwt = builder.Configuration.GetSection("Authentication:Jwt");
        var bearer = !string.IsNullOrWhiteSpace(jwt["Authority"]);
        var authentication = builder.Services.AddAuthentication(EitherScheme)
            .AddPolicyScheme(EitherScheme, "API key or bearer token", options => options.ForwardDefaultSelector = context =>
                bearer && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        if (bearer)
        {
            authentication.AddJwtBearer(options =>
            {
                options.Authority = jwt["Authority"];
                options.Audience = jwt["Audience"];
                // Only a local stand-in of Entra (the web app's end-to-end test) is reached over plain HTTP.
                options.RequireHttpsMetadata = jwt.GetValue("RequireHttpsMetadata", true);
                // Entra ID puts app roles in "roles" and the caller's name in "name"; keep the token's own claim names.
                options.MapInboundClaims = false;
                options.TokenValidationParameters.RoleClaimType = "roles";
                options.TokenValidationParameters.NameClaimType = "name";
            });
        }

        builder.Services.AddAuthorization(options =>
        {
            foreach (var role in Roles.All)
            {
                options.AddPolicy(role, policy => policy.RequireRole(Roles.Satisfying(role)));
            }
        });

        var origins = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
        builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod()));
        builder.Services.AddHostedService<BootstrapKey>();
        return builder;
    }

    /// <summary>
    /// Every endpoint of the group needs a role: the one <see cref="ForRole"/> names, else by method (GET and HEAD a
    /// reader, DELETE an admin, the rest a tester). Applied last, after the endpoints' own conventions.
    /// </summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            var role = endpoint.Metadata.OfType<RoleMetadata>().LastOrDefault()?.Role
                ?? ByMethod(endpoint.Metadata.OfType<HttpMethodMetadata>().FirstOrDefault()?.HttpMethods ?? []);
            endpoint.Metadata.Add(new RoleMetadata(role));
            endpoint.Metadata.Add(new AuthorizeAttribute { Policy = role });
        });
        return builder;
    }

    /// <summary>The role the endpoint needs, when its method alone does not say it.</summary>
    public static TBuilder ForRole<TBuilder>(this TBuilder builder, string role) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RoleMetadata(role));

    /// <summary>What the request's endpoint needs, for a 403's detail.</summary>
    public static string RequiredRole(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<RoleMetadata>()?.Role is { } role
            ? $"it needs the {role} role{(Roles.Satisfying(role) is { Length: > 1 } roles ? $" (or {string.Join(" or ", roles.Where(r => r != role))})" : "")}"
            : "it needs another role";

    private static string ByMethod(IReadOnlyList<string> methods) =>
        methods.Count > 0 && methods.All(m => m is "GET" or "HEAD") ? Roles.Reader
        : methods.Contains("DELETE") ? Roles.Admin
        : Roles.Tester;

    private sealed record RoleMetadata(string Role);
}
