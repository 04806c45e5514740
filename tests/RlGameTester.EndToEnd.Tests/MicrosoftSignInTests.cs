using System.Text.Json.Nodes;
using RlGameTester.StandIns;
using RlGameTester.TestSupport;

namespace RlGameTester.EndToEnd.Tests;

/// <summary>
/// "Sign in with Microsoft" in a real headless Chromium against the whole stack, with the Api and the web app configured
/// (through the AppHost) against the Entra stand-in: the browser goes through the authorization code flow with PKCE,
/// and the pages read the Api with the person's access token, which is renewed as it expires, until the sign-in can no
/// longer be renewed and the person is sent to sign in again, told why.
/// </summary>
public sealed class MicrosoftSignInTests(AppHostFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADesignerSignsInWithMicrosoftSeesTheLevelsAndSignsOutAndAnEndedSignInSaysWhy()
    {
        var entra = fixture.Entra;
        var fileName = $"rlgt-entra-{Guid.NewGuid():N}.wad";
        using (var api = fixture.ApiClient())
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(WadBuilder.Unique(Fixtures.Freedoom1)), "file", fileName } };
            using var uploaded = await api.PostAsync("/api/maps", form, Token);
            Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync(Token));
        }

        await using var browser = await Browser.OpenAsync(fixture.App.GetEndpoint("web", "http"));
        var page = browser.Page;
        await browser.StepsAsync("microsoft", async () =>
        {
            // Signed out, a page sends the person to sign in, where Microsoft is offered beside the key.
            await page.GotoAsync("/", Browser.Opened);
            await browser.AtAsync("/signin");
            var codesBefore = entra.Grants.Count(g => g == "authorization_code");
            await page.ClickAsync("#signin-microsoft");

            // The stand-in signs its test person in and posts the code back; the web app redeems it and opens the levels.
            await page.WaitForSelectorAsync("h1:text('Levels')");
            await browser.InteractiveAsync();
            Assert.Equal(codesBefore + 1, entra.Grants.Count(g => g == "authorization_code"));
            Assert.Equal(EntraStandIn.PersonName, await page.InnerTextAsync("header .who"));
            // The list is the Api's answer to the person's access token: a reader's data.
            await page.Locator("h3.file", new() { HasText = fileName }).WaitForAsync();
            await browser.ScreenshotAsync("microsoft-levels");

            await page.ClickAsync("header form button");
            await browser.AtAsync("/signin");
            await page.GotoAsync("/", Browser.Opened);
            await browser.AtAsync("/signin");
        });

        await browser.StepsAsync("microsoft-renewal", async () =>
        {
            // Tokens that are due for renewal as soon as they are issued: every request renews them with the refresh token.
            entra.AccessTokenLifetime = TimeSpan.FromSeconds(30);
            try
            {
                var refreshesBefore = entra.Grants.Count(g => g == "refresh_token");
                await page.ClickAsync("#signin-microsoft");
                await page.WaitForSelectorAsync("h1:text('Levels')");
                await page.Locator("h3.file", new() { HasText = fileName }).WaitForAsync();
                Assert.True(entra.Grants.Count(g => g == "refresh_token") > refreshesBefore, "the web app renewed no access token");

                // The person's session is revoked at Entra: the next page can renew nothing, signs them out and says why,
                // even when another request of the page's got there first and signed them out (a page's requests race;
                // under load this one lost the reason: the reload came without the sign-in cookie).
                entra.RevokeRefreshTokens();
                await page.EvaluateAsync("async () => { await fetch('/', { redirect: 'manual' }); }");
                await page.ReloadAsync();
                await browser.AtAsync("/signin");
                var error = await page.InnerTextAsync(".error");
                Assert.Contains("Your Microsoft sign-in has ended", error, StringComparison.Ordinal);
                Assert.Contains("AADSTS700082", error, StringComparison.Ordinal);
                await page.GotoAsync("/", Browser.Opened);
                await browser.AtAsync("/signin");
            }
            finally
            {
                entra.AccessTokenLifetime = TimeSpan.FromHours(1);
            }
        });
    }

    [Fact]
    public async Task TheApiTakesTheStandInsAccessTokenAsItWouldEntras()
    {
        using var http = new HttpClient();
        var tokens = await fixture.Entra.SignInAsync(http);
        using var api = fixture.App.CreateHttpClient("api", "http");
        api.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);

        using var maps = await api.GetAsync("/api/maps?limit=1", Token);
        Assert.True(maps.IsSuccessStatusCode, await maps.Content.ReadAsStringAsync(Token));
        Assert.IsType<JsonArray>(JsonNode.Parse(await maps.Content.ReadAsStringAsync(Token)));

        api.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken[..^4] + "AAAA");
        using var forged = await api.GetAsync("/api/maps?limit=1", Token);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, forged.StatusCode);
    }
}
