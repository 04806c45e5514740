using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RlGameTester.Api.Tests;

/// <summary>Small helpers for talking JSON to the Api and reading its answers.</summary>
internal static class ApiClient
{
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("Empty JSON body.");
    }

    public static async Task<JsonNode> PostOkAsync(this HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync(url, body, TestContext.Current.CancellationToken);
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == expected, $"POST {url} answered {(int)response.StatusCode}: {json.ToJsonString()}");
        return json;
    }

    public static async Task<JsonNode> GetOkAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {json.ToJsonString()}");
        return json;
    }

    public static async Task<JsonNode> ExpectProblemAsync(this Task<HttpResponseMessage> request, HttpStatusCode status)
    {
        var response = await request;
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {json.ToJsonString()}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
        Assert.Equal((int)status, json["status"]!.GetValue<int>());
        return json;
    }

    public static HttpContent RawJson(string json) => new StringContent(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>Uploads a unique copy of a real one-level WAD and returns the map it made.</summary>
    public static async Task<long> CreateMapAsync(this HttpClient client, string name = "E1M1", string? scenario = null)
    {
        var maps = await client.UploadAsync(TestSupport.WadBuilder.Unique(Path.Combine(TestSupport.Fixtures.Wads, "defend_the_center.wad")), "level.wad", name, scenario);
        return maps[0]!["id"]!.GetValue<long>();
    }

    public static async Task<JsonArray> UploadAsync(
        this HttpClient client, byte[] wad, string fileName, string? name = null, string? scenario = null, HttpStatusCode expected = HttpStatusCode.Created, long? project = null)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(wad), "file", fileName } };
        if (project is not null)
        {
            form.Add(new StringContent(project.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "project");
        }

        if (name is not null)
        {
            form.Add(new StringContent(name), "name");
        }

        if (scenario is not null)
        {
            form.Add(new StringContent(scenario), "scenario");
        }

        var response = await client.PostAsync("/api/maps", form, TestContext.Current.CancellationToken);
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == expected, $"upload answered {(int)response.StatusCode}: {json.ToJsonString()}");
        return json.AsArray();
    }

    public static async Task<long> CreateRunAsync(this HttpClient client, long mapId, string runType = "testing")
    {
        var run = await client.PostOkAsync("/api/runs", new { map_id = mapId, run_type = runType });
        return run["id"]!.GetValue<long>();
    }

    public static string Errors(this JsonNode problem) => problem["errors"]?.ToJsonString(new JsonSerializerOptions()) ?? "";
}
