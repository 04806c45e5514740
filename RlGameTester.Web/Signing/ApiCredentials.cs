using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace RlGameTester.Web.Signing;

/// <summary>
/// The signed-in person's Api key, which every call to the Api carries: they see and may do exactly what their key
/// allows there. Read from the request while one is being served (sign-in, the first render, the media proxy), and
/// from the circuit's authentication state once the page is interactive (there is no request then).
/// </summary>
public sealed class ApiCredentials(IHttpContextAccessor http, AuthenticationStateProvider? authentication = null)
{
    /// <summary>The claim that holds the key inside the encrypted sign-in cookie.</summary>
    public const string KeyClaim = "rlgt:api_key";

    public async ValueTask<string?> KeyAsync()
    {
        if (http.HttpContext?.User is { Identity.IsAuthenticated: true } user)
        {
            return Key(user);
        }

        if (authentication is null)
        {
            return null;
        }

        var state = await authentication.GetAuthenticationStateAsync();
        return Key(state.User);
    }

    public static string? Key(ClaimsPrincipal user) => user.FindFirst(KeyClaim)?.Value;
}
