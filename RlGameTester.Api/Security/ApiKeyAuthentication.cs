using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using RlGameTester.Api.Infrastructure;

namespace RlGameTester.Api.Security;

/// <summary>
/// Signs a caller in by the key in its <c>X-Api-Key</c> header (or, for the progress hub, whose WebSocket a browser
/// opens without headers, the <c>access_token</c> query value): a known, unrevoked key gives its name and roles. A
/// refusal says why, in the 401's ProblemDetails.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    private string? _refusal;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers[Header].ToString();
        if (key.Length == 0 && Request.Path.StartsWithSegments(SecuritySetup.HubPath))
        {
            key = Request.Query["access_token"].ToString();
        }

        if (key.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        var stored = await keys.FindAsync(key, Context.RequestAborted);
        if (stored is null)
        {
            return Refuse("The API key is not one this service issued.");
        }

        if (stored.RevokedAt is { } revoked)
        {
            return Refuse($"The API key '{stored.Name}' was revoked at {revoked:u}.");
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, stored.Name), new("key_id", stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        claims.AddRange(stored.Roles.Split(',').Select(role => new Claim(ClaimTypes.Role, role)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{Header}\", Bearer";
        await Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Not signed in",
            _refusal ?? $"Send an API key in the {Header} header (or an Entra ID bearer token where the service accepts them).");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var roles = string.Join(", ", Context.User.FindAll(ClaimTypes.Role).Select(c => c.Value));
        await Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed", $"The caller's roles ({(roles.Length == 0 ? "none" : roles)}) do not allow this request: {SecuritySetup.RequiredRole(Context)}.");
    }

    private AuthenticateResult Refuse(string reason)
    {
        _refusal = reason;
        return AuthenticateResult.Fail(reason);
    }

}
