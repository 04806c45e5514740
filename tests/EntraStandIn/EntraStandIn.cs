using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RlGameTester.StandIns;

/// <summary>
/// A stand-in for Entra ID that speaks the real protocol on a free loopback port (Kestrel): OpenID Connect discovery
/// and keys at the v2.0 paths, an authorize endpoint that signs one fixed test person in at once and answers the
/// client with a code (form_post or query), and a token endpoint that redeems the code only with the client's secret,
/// the redirect address it was given for and the PKCE verifier of its challenge, answering an RS256 id token for the
/// client, an access token for the Api's audience with the person's app roles, and a refresh token it honours later.
/// </summary>
public sealed class EntraStandIn : IAsyncDisposable
{
    public const string Tenant = "rlgt-tenant";
    public const string ClientId = "rlgt-web";
    public const string ClientSecret = "stand-in-secret";
    public const string ApiAudience = "api://rlgt";
    public const string ApiScope = ApiAudience + "/access";
    public const string PersonName = "Dana Designer";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "stand-in-key" };
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private readonly ConcurrentDictionary<string, Grant> _refreshTokens = new();
    private readonly ConcurrentQueue<string> _grants = new();

    private EntraStandIn(WebApplication app) => _app = app;

    /// <summary>The app roles the test person holds, sent in the access token's <c>roles</c>.</summary>
    public string[] Roles { get; set; } = ["tester"];

    /// <summary>How long an access token lives; a test shortens it to make the web app refresh.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The root address; <see cref="Authority"/> is what clients are configured with.</summary>
    public Uri Address { get; private set; } = null!;

    public string Authority => $"{Address.ToString().TrimEnd('/')}/{Tenant}/v2.0";

    /// <summary>Every grant the token endpoint honoured, in order: <c>authorization_code</c> or <c>refresh_token</c>.</summary>
    public IReadOnlyList<string> Grants => [.. _grants];

    /// <summary>The refresh tokens issued so far stop working, as when a person's session is revoked.</summary>
    public void RevokeRefreshTokens() => _refreshTokens.Clear();

    public static async Task<EntraStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var standIn = new EntraStandIn(builder.Build());
        standIn.Map(standIn._app);
        await standIn._app.StartAsync();
        var address = standIn._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        standIn.Address = new Uri(address);
        return standIn;
    }

    /// <summary>Signs the test person in as a client would, without a browser: a code, then its redemption (for tests of the tokens' use).</summary>
    public async Task<TokenAnswer> SignInAsync(HttpClient http, string redirectUri = "http://localhost/signin-oidc")
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var answer = await noRedirects.GetAsync(new Uri($"{Address}{Tenant}/oauth2/v2.0/authorize?client_id={ClientId}&response_type=code&response_mode=query" +
            $"&redirect_uri={Uri.EscapeDataString(redirectUri)}&scope={Uri.EscapeDataString($"openid offline_access {ApiScope}")}&code_challenge={challenge}&code_challenge_method=S256&nonce=n&state=s"));
        var code = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(answer.Headers.Location!.Query)["code"].ToString();
        using var token = await http.PostAsync(new Uri($"{Address}{Tenant}/oauth2/v2.0/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri,
            ["client_id"] = ClientId, ["client_secret"] = ClientSecret, ["code_verifier"] = verifier,
        }));
        token.EnsureSuccessStatusCode();
        return (await token.Content.ReadFromJsonAsync<TokenAnswer>())!;
    }

    private void Map(WebApplication app)
    {
        var tenant = app.MapGroup($"/{Tenant}");
        tenant.MapGet("/v2.0/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = $"{Address}{Tenant}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{Address}{Tenant}/oauth2/v2.0/token",
            ["jwks_uri"] = $"{Address}{Tenant}/discovery/v2.0/keys",
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { "query", "form_post" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
            ["scopes_supported"] = new[] { "openid", "profile", "email", "offline_access" },
        }));
        tenant.MapGet("/discovery/v2.0/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.Rsa.ExportParameters(false)) { KeyId = _key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E, alg = "RS256" } } });
        });
        tenant.MapGet("/oauth2/v2.0/authorize", Authorize);
        tenant.MapPost("/oauth2/v2.0/token", TokenAsync);
    }

    // The fixed test person is signed in at once: no page to fill in, the answer goes straight back to the client.
    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        string? redirectUri = q["redirect_uri"];
        if (q["client_id"] != ClientId || string.IsNullOrEmpty(redirectUri) || !Uri.TryCreate(redirectUri, UriKind.Absolute, out _))
        {
            return Results.BadRequest("AADSTS700016: unknown client or redirect address.");
        }

        if (q["response_type"] != "code" || q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]))
        {
            return Answer(redirectUri, q["response_mode"], new() { ["error"] = "invalid_request", ["error_description"] = "code flow with an S256 PKCE challenge only", ["state"] = q["state"]! });
        }

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new Grant(redirectUri, q["code_challenge"]!, q["nonce"], q["scope"].ToString());
        return Answer(redirectUri, q["response_mode"], new() { ["code"] = code, ["state"] = q["state"]! });
    }

    private static IResult Answer(string redirectUri, string? mode, Dictionary<string, string> fields)
    {
        if (mode == "form_post")
        {
            // As Entra does: a page that posts the answer to the client at once.
            var inputs = string.Concat(fields.Select(f => $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(f.Key)}\" value=\"{WebUtility.HtmlEncode(f.Value)}\"/>"));
            return Results.Content($"<html><body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\"{WebUtility.HtmlEncode(redirectUri)}\">{inputs}</form></body></html>", "text/html");
        }

        var query = string.Join('&', fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));
        return Results.Redirect($"{redirectUri}{(redirectUri.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{query}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (clientId, secret) = ClientOf(request, form);
        if (clientId != ClientId || secret != ClientSecret)
        {
            return Refuse("invalid_client", "AADSTS7000215: Invalid client secret provided.", HttpStatusCode.Unauthorized);
        }

        Grant? grant;
        switch (form["grant_type"].ToString())
        {
            case "authorization_code":
                // A code is redeemed once, for the redirect address it was issued to, by whoever holds its PKCE verifier.
                if (!_codes.TryRemove(form["code"].ToString(), out grant) || grant.RedirectUri != form["redirect_uri"])
                {
                    return Refuse("invalid_grant", "AADSTS70008: The provided authorization code is invalid or has expired.");
                }

                var verifier = form["code_verifier"].ToString();
                if (verifier.Length == 0 || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.Challenge)
                {
                    return Refuse("invalid_grant", "AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.");
                }

                break;
            case "refresh_token":
                if (!_refreshTokens.TryGetValue(form["refresh_token"].ToString(), out grant))
                {
                    return Refuse("invalid_grant", "AADSTS700082: The refresh token has expired due to inactivity.");
                }

                break;
            default:
                return Refuse("unsupported_grant_type", "authorization_code or refresh_token only.");
        }

        _grants.Enqueue(form["grant_type"].ToString());
        var refreshToken = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _refreshTokens[refreshToken] = grant with { Nonce = null };
        var answer = new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["scope"] = grant.Scope,
            ["expires_in"] = (int)AccessTokenLifetime.TotalSeconds,
            ["access_token"] = Sign(ApiAudience, AccessTokenLifetime, [.. Roles.Select(r => new Claim("roles", r)), new("scp", "access")]),
            ["refresh_token"] = refreshToken,
            ["id_token"] = Sign(ClientId, TimeSpan.FromHours(1), grant.Nonce is { } nonce ? [new("nonce", nonce)] : []),
        };
        return Results.Json(answer);
    }

    private static (string? Id, string? Secret) ClientOf(HttpRequest request, IFormCollection form)
    {
        if (request.Headers.Authorization.ToString() is { } header && header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : null);
        }

        return (form["client_id"], form["client_secret"]);
    }

    private string Sign(string audience, TimeSpan lifetime, IEnumerable<Claim> claims)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = audience,
            Subject = new ClaimsIdentity([
                new("sub", "stand-in-subject"), new("oid", "00000000-0000-0000-0000-00000000d0d0"), new("tid", Tenant),
                new("name", PersonName), new("preferred_username", "dana@rlgt.example"),
                new("uti", Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16))), .. claims]),
            IssuedAt = now,
            NotBefore = now.AddSeconds(-5),
            Expires = now.Add(lifetime),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static IResult Refuse(string error, string description, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        Results.Json(new { error, error_description = description }, statusCode: (int)status);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record Grant(string RedirectUri, string Challenge, string? Nonce, string Scope);

    /// <summary>The token endpoint's answer, as <see cref="SignInAsync"/> returns it.</summary>
    public sealed record TokenAnswer(
        [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("refresh_token")] string RefreshToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);
}
