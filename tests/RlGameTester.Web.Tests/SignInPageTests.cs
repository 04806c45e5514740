using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RlGameTester.Web.Components.Pages;
using RlGameTester.Web.Signing;

namespace RlGameTester.Web.Tests;

/// <summary>The sign-in page offers Microsoft only where Entra ID is configured; the key is always there.</summary>
public sealed class SignInPageTests : IDisposable
{
    private readonly BunitContext _context = new();

    [Fact]
    public void WithoutEntraSettingsThePageAsksForAKeyOnly()
    {
        _context.Services.AddSingleton(new EntraSettings());

        var page = _context.Render<SignIn>();

        Assert.Empty(page.FindAll("#signin-microsoft"));
        Assert.Equal("/signin", page.Find("#signin-key").Closest("form")!.GetAttribute("action"));
        Assert.DoesNotContain("Microsoft", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void WithEntraSettingsThePageOffersMicrosoftBesideTheKey()
    {
        _context.Services.AddSingleton(new EntraSettings { ClientId = "rlgt-web", TenantId = "t" });

        var navigation = _context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("ReturnUrl", "/levels/3"));

        var page = _context.Render<SignIn>();

        var microsoft = page.Find("#signin-microsoft").Closest("form")!;
        Assert.Equal(EntraSignIn.ChallengePath, microsoft.GetAttribute("action"));
        Assert.Equal("/levels/3", microsoft.QuerySelector("input[name=returnUrl]")!.GetAttribute("value"));
        Assert.NotNull(page.Find("#signin-key"));
    }

    public void Dispose() => _context.Dispose();
}
