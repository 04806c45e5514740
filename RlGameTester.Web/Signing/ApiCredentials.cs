using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RlGameTester.Web.Signing;

/// <summary>
/// The signed-in person's credential, which every call to the Api carries: they see and may do exactly what their key
/// or their Microsoft sign-in allows there. Read from the request while one is being served (sign-in, the first
/// render, the media proxy), and from the circuit's authentication state once the page is interactive (there is no
/// request then). A circuit outlives access tokens: it renews its own, kept here for the circuit's life.
/// </summary>
public sealed class ApiCredentials(
    IHttpContextAccessor http, TokenRefresher refresher, TimeProvider time,
    AuthenticationStateProvider? authentication = null, NavigationManager? navigation = null) : IDisposable
{
    /// <summary>The claim that holds the key inside the encrypted sign-in cookie.</summary>
    public const string KeyClaim = "rlgt:api_key";

    private readonly SemaphoreSlim _renewing = new(1, 1);
    private SignedInTokens? _renewed;

    /// <summary>Set when this scope is a circuit's (<see cref="CircuitCredentials"/>).</summary>
    internal bool InCircuit { get; set; }

    /// <summary>The credential to send, or null when nobody is signed in; throws <see cref="SignInEndedException"/> when a Microsoft sign-in cannot be renewed.</summary>
    public async ValueTask<ApiCredential?> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var user = await UserAsync();
        if (user is null)
        {
            return null;
        }

        if (Key(user) is { } key)
        {
            return new ApiCredential(key, null);
        }

        if (SignedInTokens.Of(user) is not { } signedIn)
        {
            return null;
        }

        var tokens = _renewed is { } renewed && renewed.ExpiresAt > signedIn.ExpiresAt ? renewed : signedIn;
        if (!tokens.IsDue(time.GetUtcNow()))
        {
            return new ApiCredential(null, tokens.AccessToken);
        }

        await _renewing.WaitAsync(cancellationToken);
        try
        {
            // Calls made together (a page loads several things at once) renew once.
            if (_renewed is not { } fresh || fresh.IsDue(time.GetUtcNow()))
            {
                _renewed = fresh = await refresher.RefreshAsync(tokens, cancellationToken);
            }

            return new ApiCredential(null, fresh.AccessToken);
        }
        catch (SignInEndedException) when (InCircuit && navigation is not null)
        {
            // The page is loaded again: the request's cookie check tries once more and, failing too, signs the person
            // out and says why on the sign-in page. The page shows the reason until then.
            navigation.NavigateTo(navigation.Uri, forceLoad: true);
            throw;
        }
        finally
        {
            _renewing.Release();
        }
    }

    public static string? Key(ClaimsPrincipal user) => user.FindFirst(KeyClaim)?.Value;

    /// <summary>Who is signed in, as a hash: their key, or their Microsoft account's object id (tokens change, it does not).</summary>
    public async ValueTask<string?> OwnerAsync()
    {
        var user = await UserAsync();
        var who = user is null ? null
            : Key(user) is { } key ? $"key:{key}"
            : (user.FindFirst("oid") ?? user.FindFirst("sub"))?.Value is { } id ? $"entra:{id}"
            : null;
        return who is null ? null : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(who)));
    }

    public void Dispose() => _renewing.Dispose();

    private async ValueTask<ClaimsPrincipal?> UserAsync()
    {
        if (!InCircuit && http.HttpContext?.User is { Identity.IsAuthenticated: true } user)
        {
            return user;
        }

        if (authentication is null)
        {
            return null;
        }

        var state = await authentication.GetAuthenticationStateAsync();
        return state.User;
    }
}

/// <summary>Registers what the person's credential is read and renewed with.</summary>
public static class ApiCredentialsSetup
{
    public static IServiceCollection AddApiCredentials(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TokenRefresher>();
        services.AddScoped<ApiCredentials>();
        services.AddScoped<CircuitHandler, CircuitCredentials>();
        return services;
    }
}
