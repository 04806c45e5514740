using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RlGameTester.Web.Api;
using RlGameTester.Web.Components;
using RlGameTester.Web.Signing;

namespace RlGameTester.Web.Tests.Pages;

/// <summary>
/// A bUnit context that renders the web app's pages as its circuit would: interactive, signed in with a real key of the
/// test Api (in the authentication state, where the circuit's <see cref="ApiCredentials"/> reads it), the page's
/// <see cref="RlgtApi"/> calling the Api in memory. The browser's script is what cannot exist here (loose JS interop:
/// only the upload panel's file input uses it).
/// </summary>
internal static class PageContext
{
    public static BunitContext Create(PagesApi api, string key, PageSizes? pageSizes = null)
    {
        // A page waits on the Api, which on a busy two-core machine can take seconds (bUnit's default wait is one).
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(30);
        var context = new BunitContext();
        context.AddAuthorization().SetAuthorized("tester").SetClaims(new Claim(ApiCredentials.KeyClaim, key));
        var services = context.Services;
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddHttpContextAccessor();
        services.AddOptions();
        services.AddApiCredentials();
        services.AddMemoryCache();
        services.AddScoped<PrerenderHandOff>();
        services.AddServiceDiscoveryCore();
        services.AddScoped<RunProgressFeed>();
        services.AddSingleton(pageSizes ?? new PageSizes());
        services.AddSingleton<IHttpClientFactory>(new InMemoryClients(api));
        services.AddScoped(provider => new RlgtApi(api.Bare(), provider.GetRequiredService<IHttpClientFactory>(), provider.GetRequiredService<ApiCredentials>()));
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return context;
    }

    /// <summary>Every named client (uploads have their own) reaches the Api in memory.</summary>
    private sealed class InMemoryClients(PagesApi api) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => api.Bare();
    }
}
