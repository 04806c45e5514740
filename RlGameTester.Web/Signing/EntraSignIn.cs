using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace RlGameTester.Web.Signing;

/// <summary>
/// Signing in with Microsoft where <c>Authentication:Entra</c> is set: OpenID Connect's authorization code flow with
/// PKCE, asking for an access token for the Api's scope (and a refresh token). The tokens are kept in the sign-in
/// cookie (<see cref="SignedInTokens"/>); each request renews an access token about to expire, or signs the person
/// out and tells the sign-in page why.
/// </summary>
public static class EntraSignIn
{
    public const string Scheme = "entra";

    /// <summary>Where the sign-in page posts to start it.</summary>
    public const string ChallengePath = "/signin/microsoft";

    private const string EndedItem = "rlgt:signin-ended";

    /// <summary>The reason a sign-in ended, kept until the next sign-in (see <see cref="ValidatePrincipalAsync"/>).</summary>
    private const string EndedCookie = "rlgt-signin-ended";

    public static AuthenticationBuilder AddEntraSignIn(this AuthenticationBuilder authentication, EntraSettings settings)
    {
        var apiScope = settings.ApiScope is { Length: > 0 } scope ? scope : throw new InvalidOperationException($"{EntraSettings.Section}:ApiScope: name the Api's scope (e.g. api://rlgt/access).");
        return authentication.AddOpenIdConnect(Scheme, "Microsoft", options =>
        {
            options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.Authority = settings.ResolvedAuthority;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            options.Scope.Add("offline_access");
            options.Scope.Add(apiScope);
            // The tokens go into the cookie as claims (below), where a circuit can read them too; not twice.
            options.SaveTokens = false;
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = "name";
            options.TokenValidationParameters.RoleClaimType = "roles";
            options.Events.OnTokenValidated = KeepTokens;
            options.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect($"{SignInEndpoints.SignInPath}?error={Uri.EscapeDataString($"Microsoft sign-in failed: {context.Failure?.Message}")}");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    private static Task KeepTokens(TokenValidatedContext context)
    {
        var answer = context.TokenEndpointResponse;
        if (answer?.AccessToken is not { Length: > 0 } access || answer.RefreshToken is not { Length: > 0 } refresh)
        {
            context.Fail("Entra ID gave no access token for the Api, or no refresh token (is offline_access allowed?).");
            return Task.CompletedTask;
        }

        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var lifetime = int.TryParse(answer.ExpiresIn, out var seconds) ? seconds : 3600;
        ((ClaimsIdentity)context.Principal!.Identity!).AddClaims(new SignedInTokens(access, refresh, now.AddSeconds(lifetime)).Claims());
        return Task.CompletedTask;
    }

    /// <summary>
    /// The cookie's check of each request: an access token about to expire is renewed and the cookie written again;
    /// when it cannot be, the person is signed out and <see cref="RedirectToSignInAsync"/> says why.
    /// </summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (context.Principal is not { } user || SignedInTokens.Of(user) is not { } tokens || !tokens.IsDue(services.GetRequiredService<TimeProvider>().GetUtcNow()))
        {
            return;
        }

        try
        {
            var renewed = await services.GetRequiredService<TokenRefresher>().RefreshAsync(tokens, context.HttpContext.RequestAborted);
            context.ReplacePrincipal(renewed.On(user));
            context.ShouldRenew = true;
        }
        catch (SignInEndedException e)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            context.HttpContext.Items[EndedItem] = e.Message;

            // A page's requests race (a reload, the old page's circuit loading it again): the one that finds the sign-in
            // ended signs the person out, and a page load after it, without the sign-in cookie, must still say why.
            context.HttpContext.Response.Cookies.Append(EndedCookie, e.Message, new CookieOptions
            {
                HttpOnly = true,
                Secure = context.HttpContext.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                MaxAge = TimeSpan.FromMinutes(10),
                IsEssential = true,
            });
        }
    }

    /// <summary>A new sign-in (key or Microsoft) forgets why the last one ended.</summary>
    public static Task ForgetEndedSignInAsync(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(EndedCookie);
        return Task.CompletedTask;
    }

    /// <summary>To the sign-in page, saying why when a Microsoft sign-in has just ended.</summary>
    public static Task RedirectToSignInAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var reason = context.HttpContext.Items[EndedItem] as string ?? context.Request.Cookies[EndedCookie];
        var target = reason is { Length: > 0 } ? $"{context.RedirectUri}&error={Uri.EscapeDataString(reason)}" : context.RedirectUri;
        context.Response.Redirect(target);
        return Task.CompletedTask;
    }
}
