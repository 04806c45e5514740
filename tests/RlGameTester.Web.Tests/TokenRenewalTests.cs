using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RlGameTester.StandIns;
using RlGameTester.Web.Signing;

namespace RlGameTester.Web.Tests;

/// <summary>
/// Renewing a Microsoft sign-in's access token, against the Entra stand-in's real token endpoint: in a circuit (the
/// page's own renewal, once for calls made together) and on a request (the cookie's check, which writes the cookie
/// again); and, once the refresh token is revoked, the sign-in ending with Entra's reason.
/// </summary>
public sealed class TokenRenewalTests : IAsyncLifetime
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private EntraStandIn _entra = null!;
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        _entra = await EntraStandIn.StartAsync();
        var settings = EntraSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Authentication:Entra:Authority"] = _entra.Authority,
            ["Authentication:Entra:ClientId"] = EntraStandIn.ClientId,
            ["Authentication:Entra:ClientSecret"] = EntraStandIn.ClientSecret,
            ["Authentication:Entra:ApiScope"] = EntraStandIn.ApiScope,
            ["Authentication:Entra:RequireHttpsMetadata"] = "false",
        }).Build());
        var services = new ServiceCollection().AddLogging();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie().AddEntraSignIn(settings);
        services.AddSingleton<TimeProvider>(_time).AddSingleton<TokenRefresher>();
        _services = services.BuildServiceProvider();
    }

    [Fact]
    public async Task ACircuitRenewsAnExpiringAccessTokenOnceForCallsMadeTogetherAndUsesItUntilItIsDue()
    {
        var (credentials, _, signedIn) = await CircuitAsync();

        Assert.Equal(signedIn.AccessToken, (await credentials.CurrentAsync(Token))!.BearerToken);
        Assert.Empty(Refreshes());

        // An hour on, less the minute of warning: due. Five calls at once renew it once.
        _time.Advance(TimeSpan.FromMinutes(59.5));
        var tokens = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => credentials.CurrentAsync(Token).AsTask()));
        Assert.Single(Refreshes());
        var renewed = Assert.Single(tokens.Select(t => t!.BearerToken).Distinct());
        Assert.NotEqual(signedIn.AccessToken, renewed);
        Assert.Null(tokens[0]!.Key);

        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(renewed, (await credentials.CurrentAsync(Token))!.BearerToken);
        Assert.Single(Refreshes());
    }

    [Fact]
    public async Task WhenTheRefreshTokenIsRevokedTheCircuitEndsTheSignInWithEntrasReasonAndReloadsThePage()
    {
        var (credentials, navigation, _) = await CircuitAsync();
        _entra.RevokeRefreshTokens();
        _time.Advance(TimeSpan.FromHours(1));

        var ended = await Assert.ThrowsAsync<SignInEndedException>(() => credentials.CurrentAsync(Token).AsTask());

        Assert.Contains("AADSTS700082", ended.Reason, StringComparison.Ordinal);
        Assert.StartsWith("Your Microsoft sign-in has ended", ended.Message, StringComparison.Ordinal);
        // Loaded again, the request's cookie check signs the person out and the sign-in page says why.
        Assert.Equal(("http://localhost/levels/3", true), navigation.Went);
    }

    [Fact]
    public async Task TheCookieCheckRenewsADueTokenAndWritesTheCookieAgainOrSignsThePersonOutSayingWhy()
    {
        var signedIn = await SignInAsync();
        var user = Person(signedIn);
        _time.Advance(TimeSpan.FromMinutes(59.5));

        var check = CookieCheck(user);
        await EntraSignIn.ValidatePrincipalAsync(check);
        var renewed = SignedInTokens.Of(check.Principal!)!;
        Assert.True(check.ShouldRenew);
        Assert.NotEqual(signedIn.AccessToken, renewed.AccessToken);
        Assert.Equal(_time.GetUtcNow().AddHours(1), renewed.ExpiresAt);
        Assert.Equal(EntraStandIn.PersonName, check.Principal!.Identity!.Name);

        // Not yet due: nothing is asked of Entra.
        var refreshes = Refreshes().Count;
        await EntraSignIn.ValidatePrincipalAsync(CookieCheck(check.Principal!));
        Assert.Equal(refreshes, Refreshes().Count);

        _entra.RevokeRefreshTokens();
        _time.Advance(TimeSpan.FromHours(1));
        var ended = CookieCheck(check.Principal!);
        await EntraSignIn.ValidatePrincipalAsync(ended);
        Assert.Null(ended.Principal);
        // The cookie is deleted: the tokens it held are of no use any more.
        Assert.Contains("=; expires=Thu, 01 Jan 1970", ended.HttpContext.Response.Headers.SetCookie.ToString(), StringComparison.Ordinal);

        var options = _services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var redirect = new RedirectContext<CookieAuthenticationOptions>(ended.HttpContext, ended.Scheme, options, new AuthenticationProperties(), "http://localhost/signin?ReturnUrl=%2F");
        await EntraSignIn.RedirectToSignInAsync(redirect);
        var location = Uri.UnescapeDataString(ended.HttpContext.Response.Headers.Location.ToString());
        Assert.StartsWith("http://localhost/signin?ReturnUrl=/&error=Your Microsoft sign-in has ended", location, StringComparison.Ordinal);
        Assert.Contains("AADSTS700082", location, StringComparison.Ordinal);
    }

    private List<string> Refreshes() => [.. _entra.Grants.Where(g => g == "refresh_token")];

    private async Task<SignedInTokens> SignInAsync()
    {
        using var http = new HttpClient();
        var answer = await _entra.SignInAsync(http);
        return new SignedInTokens(answer.AccessToken, answer.RefreshToken, _time.GetUtcNow().AddSeconds(answer.ExpiresIn));
    }

    private static ClaimsPrincipal Person(SignedInTokens tokens) =>
        new(new ClaimsIdentity([new Claim("name", EntraStandIn.PersonName), .. tokens.Claims()], CookieAuthenticationDefaults.AuthenticationScheme, "name", "roles"));

    private async Task<(ApiCredentials Credentials, RecordingNavigation Navigation, SignedInTokens SignedIn)> CircuitAsync()
    {
        var signedIn = await SignInAsync();
        var navigation = new RecordingNavigation();
        var credentials = new ApiCredentials(new HttpContextAccessor(), _services.GetRequiredService<TokenRefresher>(), _time, new FixedState(Person(signedIn)), navigation)
        {
            InCircuit = true,
        };
        return (credentials, navigation, signedIn);
    }

    private CookieValidatePrincipalContext CookieCheck(ClaimsPrincipal user)
    {
        var http = new DefaultHttpContext { RequestServices = _services };
        var scheme = new AuthenticationScheme(CookieAuthenticationDefaults.AuthenticationScheme, null, typeof(CookieAuthenticationHandler));
        var options = _services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(scheme.Name);
        return new CookieValidatePrincipalContext(http, scheme, options, new AuthenticationTicket(user, scheme.Name));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _entra.DisposeAsync();
    }

    private sealed class FixedState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    private sealed class RecordingNavigation : NavigationManager
    {
        public RecordingNavigation() => Initialize("http://localhost/", "http://localhost/levels/3");

        public (string Uri, bool ForceLoad)? Went { get; private set; }

        protected override void NavigateToCore(string uri, NavigationOptions options) => Went = (uri, options.ForceLoad);
    }
}
