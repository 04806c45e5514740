using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace RlGameTester.Api.Tests;

/// <summary>
/// A stand-in for Entra ID: an issuer with an RSA signing key that signs tokens as Entra does (issuer, audience,
/// lifetime, app roles in "roles"). The Api's JwtBearer handler is given this issuer's key in place of the metadata it
/// would fetch, and validates the tokens as it would Entra's.
/// </summary>
internal static class TestTokens
{
    public const string Issuer = "https://login.example/rlgt-tenant/v2.0";
    public const string Audience = "api://rlgt";

    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "test-key" };

    public static void Configure(JwtBearerOptions options)
    {
        var metadata = new OpenIdConnectConfiguration { Issuer = Issuer };
        metadata.SigningKeys.Add(Key);
        options.Configuration = metadata;
        options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(metadata);
    }

    /// <summary>A token for the roles, signed by the issuer (or by a key of its own, for a forgery), valid from a moment ago unless it expired.</summary>
    public static string For(string[] roles, bool forged = false, bool expired = false, string audience = Audience)
    {
        var now = DateTime.UtcNow;
        var claims = new List<Claim> { new("name", "Entra user"), new("oid", Guid.NewGuid().ToString()) };
        claims.AddRange(roles.Select(r => new Claim("roles", r)));
        var signingKey = forged ? new RsaSecurityKey(RSA.Create(2048)) { KeyId = Key.KeyId } : Key;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = expired ? now.AddHours(-2) : now.AddMinutes(-1),
            IssuedAt = expired ? now.AddHours(-2) : now.AddMinutes(-1),
            Expires = expired ? now.AddHours(-1) : now.AddHours(1),
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        });
    }
}
