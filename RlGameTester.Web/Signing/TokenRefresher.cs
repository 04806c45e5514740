using System.Globalization;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace RlGameTester.Web.Signing;

/// <summary>
/// Renews a Microsoft sign-in's access token with its refresh token at Entra's token endpoint (the one the sign-in
/// used, from the same discovery document, through the same back channel). A refusal ends the sign-in with Entra's
/// own reason.
/// </summary>
public sealed class TokenRefresher(IOptionsMonitor<OpenIdConnectOptions> oidc, TimeProvider time)
{
    public async Task<SignedInTokens> RefreshAsync(SignedInTokens tokens, CancellationToken cancellationToken)
    {
        var options = oidc.Get(EntraSignIn.Scheme);
        OpenIdConnectMessage answer;
        int status;
        try
        {
            var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "refresh_token",
                    ["refresh_token"] = tokens.RefreshToken,
                    ["client_id"] = options.ClientId!,
                    ["client_secret"] = options.ClientSecret ?? "",
                    ["scope"] = string.Join(' ', options.Scope),
                }),
            };
            using var response = await options.Backchannel.SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
            answer = new OpenIdConnectMessage(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or ArgumentException or System.Text.Json.JsonException)
        {
            throw new SignInEndedException($"Microsoft's sign-in service could not renew it: {e.Message}");
        }

        if (status is < 200 or > 299 || string.IsNullOrEmpty(answer.AccessToken))
        {
            throw new SignInEndedException(answer.ErrorDescription ?? answer.Error ?? $"Microsoft's sign-in service answered {status}.");
        }

        // Entra may hand out a new refresh token with each renewal; the old one is kept when it does not.
        var lifetime = int.TryParse(answer.ExpiresIn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? seconds : 3600;
        return new SignedInTokens(answer.AccessToken, answer.RefreshToken ?? tokens.RefreshToken, time.GetUtcNow().AddSeconds(lifetime));
    }
}
