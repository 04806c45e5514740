using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using RlGameTester.Web.Api;

namespace RlGameTester.Web.Signing;

/// <summary>
/// Signing in with an Api key: the key is tried against the Api, and only a key the Api accepts is kept, in the
/// encrypted, HTTP-only sign-in cookie. Where Entra ID is configured, signing in with Microsoft starts here too
/// (<see cref="EntraSignIn"/>). Signing out forgets the key or the tokens.
/// </summary>
public static class SignInEndpoints
{
    public const string SignInPath = "/signin";

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(SignInPath, SignInAsync);
        if (routes.ServiceProvider.GetRequiredService<EntraSettings>().IsConfigured)
        {
            routes.MapPost(EntraSignIn.ChallengePath, ([FromForm(Name = "returnUrl")] string? returnUrl) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOnly(returnUrl) }, [EntraSignIn.Scheme]));
        }

        routes.MapPost("/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(SignInPath);
        });
        return routes;
    }

    private static async Task<IResult> SignInAsync(
        HttpContext http, RlgtApi api, [FromForm(Name = "key")] string? key, [FromForm(Name = "returnUrl")] string? returnUrl, CancellationToken cancellationToken)
    {
        key = key?.Trim();
        if (string.IsNullOrEmpty(key))
        {
            return Back("Enter an Api key.");
        }

        if (await api.CheckKeyAsync(key, cancellationToken) is { } refused)
        {
            return Back($"The Api refused the key: {refused}");
        }

        // The key is not shown again: only its last characters name the person in the page header.
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, $"key …{key[^Math.Min(4, key.Length)..]}"), new Claim(ApiCredentials.KeyClaim, key)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(LocalOnly(returnUrl));

        IResult Back(string error) => Results.LocalRedirect($"{SignInPath}?error={Uri.EscapeDataString(error)}&returnUrl={Uri.EscapeDataString(returnUrl ?? "/")}");
    }

    // Only a path of this site: a sign-in must not send the person elsewhere.
    private static string LocalOnly(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
