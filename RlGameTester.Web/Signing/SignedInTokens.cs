using System.Globalization;
using System.Security.Claims;

namespace RlGameTester.Web.Signing;

/// <summary>
/// The tokens of a person signed in with Microsoft: the access token for the Api, the refresh token that renews it,
/// and when it expires. Kept as claims of the encrypted, HTTP-only sign-in cookie, as the key is, so a circuit reads
/// them from its authentication state where there is no request to ask.
/// </summary>
public sealed record SignedInTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt)
{
    public const string AccessTokenClaim = "rlgt:access_token";
    public const string RefreshTokenClaim = "rlgt:refresh_token";
    public const string ExpiresAtClaim = "rlgt:expires_at";

    /// <summary>Renewed this long before it expires, so no call sets off with a token that lapses on the way.</summary>
    public static readonly TimeSpan Early = TimeSpan.FromMinutes(1);

    public bool IsDue(DateTimeOffset now) => now >= ExpiresAt - Early;

    public static SignedInTokens? Of(ClaimsPrincipal user) =>
        user.FindFirst(AccessTokenClaim)?.Value is { } access
        && user.FindFirst(RefreshTokenClaim)?.Value is { } refresh
        && DateTimeOffset.TryParse(user.FindFirst(ExpiresAtClaim)?.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires)
            ? new SignedInTokens(access, refresh, expires)
            : null;

    public IEnumerable<Claim> Claims() =>
    [
        new(AccessTokenClaim, AccessToken),
        new(RefreshTokenClaim, RefreshToken),
        new(ExpiresAtClaim, ExpiresAt.ToString("o", CultureInfo.InvariantCulture)),
    ];

    /// <summary>The same person with these tokens in place of the ones they had.</summary>
    public ClaimsPrincipal On(ClaimsPrincipal user)
    {
        var identity = new ClaimsIdentity(
            user.Claims.Where(c => c.Type is not (AccessTokenClaim or RefreshTokenClaim or ExpiresAtClaim)).Concat(Claims()),
            user.Identity?.AuthenticationType, (user.Identity as ClaimsIdentity)?.NameClaimType, (user.Identity as ClaimsIdentity)?.RoleClaimType);
        return new ClaimsPrincipal(identity);
    }
}
