using System.Net.Http.Headers;
using RlGameTester.Web.Api;

namespace RlGameTester.Web.Signing;

/// <summary>What a call to the Api carries for the signed-in person: their Api key, or their Microsoft access token.</summary>
public sealed record ApiCredential(string? Key, string? BearerToken)
{
    public void AddTo(HttpRequestMessage request)
    {
        if (Key is not null)
        {
            request.Headers.Add(RlgtApi.KeyHeader, Key);
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken);
        }
    }
}
