using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using RlGameTester.TestSupport;

namespace RlGameTester.Api.Tests;

/// <summary>
/// Projects and revisions against the real Api and Analysis service: a level uploaded again into a project is its next
/// revision, the same file again is not, and two revisions' findings compare by check, element and place.
/// </summary>
public sealed class ProjectsApiTests(ApiWithAnalysis services) : IClassFixture<ApiWithAnalysis>
{
    private readonly HttpClient _client = services.Api.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ALevelUploadedAgainIsItsNextRevisionAndTheComparisonShowsWhatWasFixedAndWhatIsNew()
    {
        var project = await CreateProjectAsync();
        var first = DoctoredLevels.Map01(("NOSUCHTX", 0));
        var second = DoctoredLevels.Map01(("NOSUCHT2", 5));

        var one = Assert.Single(await UploadAsync(first, project));
        var two = Assert.Single(await UploadAsync(second, project));
        var again = Assert.Single(await UploadAsync(second, project, HttpStatusCode.OK));

        Assert.Equal(1, one!["revision"]!.GetValue<int>());
        Assert.Equal(2, two!["revision"]!.GetValue<int>());
        Assert.Equal(2, again!["revision"]!.GetValue<int>());
        Assert.Equal(two["id"]!.GetValue<long>(), again["id"]!.GetValue<long>());
        // A revision read on its own says which it is, so a client can offer its comparison.
        var read = await _client.GetOkAsync($"/api/maps/{two["id"]}");
        Assert.Equal((project, 2), (read["project_id"]!.GetValue<long>(), read["revision"]!.GetValue<int>()));
        Assert.Null((await _client.GetOkAsync($"/api/maps/{await _client.CreateMapAsync()}"))["revision"]);
        var revisions = await _client.GetOkAsync($"/api/projects/{project}/levels/MAP01/revisions");
        Assert.Equal([1, 2], revisions.AsArray().Select(r => r!["revision"]!.GetValue<int>()));

        var comparison = await Eventually.UntilAsync(
            async token => await _client.GetAsync($"/api/projects/{project}/levels/MAP01/compare", token),
            response => response.StatusCode != HttpStatusCode.Conflict, "both revisions to be checked", Token);
        var body = await comparison.ReadJsonAsync();
        Assert.True(comparison.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        Assert.Equal(1, body["from"]!["revision"]!.GetValue<int>());
        Assert.Equal(2, body["to"]!["revision"]!.GetValue<int>());
        Assert.Contains(Titles(body["new"]!), t => t.Contains("NOSUCHT2", StringComparison.Ordinal));
        Assert.DoesNotContain(Titles(body["new"]!), t => t.Contains("NOSUCHTX", StringComparison.Ordinal));
        Assert.Contains(Titles(body["fixed"]!), t => t.Contains("NOSUCHTX", StringComparison.Ordinal));
        // Everything else the checks find in MAP01 is in both revisions, by check, element and place.
        var checks = await _client.GetOkAsync($"/api/maps/{two["id"]}/checks");
        Assert.Equal(checks["findings"]!.AsArray().Count, body["new"]!.AsArray().Count + body["unchanged"]!.AsArray().Count);
        Assert.All(body["unchanged"]!.AsArray(), f => Assert.Equal(two["id"]!.GetValue<long>(), f!["map_id"]!.GetValue<long>()));

        var listed = await _client.GetOkAsync($"/api/projects/{project}");
        var level = Assert.Single(listed["levels"]!.AsArray())!;
        Assert.Equal("MAP01", level["level_name"]!.GetValue<string>());
        Assert.Equal(2, level["revisions"]!.GetValue<int>());
        Assert.Equal(two["id"]!.GetValue<long>(), level["latest"]!["map_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task AnUnknownProjectOrRevisionIs404AndABadOneIs400WithNothingStored()
    {
        var wad = DoctoredLevels.Map01(("NOSUCHT3", 1));
        var hash = Convert.ToHexString(SHA256.HashData(wad)).ToLowerInvariant();

        var unknown = await PostAsync(wad, "999999999").ExpectProblemAsync(HttpStatusCode.NotFound);
        var bad = await PostAsync(wad, "episode-one").ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("999999999", unknown["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("(POST /api/projects makes one); got", bad.Errors(), StringComparison.Ordinal);
        Assert.Empty((await _client.GetOkAsync($"/api/maps/by-hash/{hash}")).AsArray());

        var project = await CreateProjectAsync();
        await UploadAsync(wad, project);
        var onlyOne = await _client.GetAsync($"/api/projects/{project}/levels/MAP01/compare", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("has 1 revision(s): there is nothing to compare yet", onlyOne["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var missing = await _client.GetAsync($"/api/projects/{project}/levels/MAP01/compare?from=1&to=5", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("has revisions 1; asked for 1 and 5", missing["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await _client.GetAsync($"/api/projects/{project}/levels/MAP99/revisions", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        await _client.GetAsync($"/api/projects/{project}/levels/MAP01/compare?from=0", Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AProjectNameIsRequiredAndUnique()
    {
        var name = $"Episode {Guid.NewGuid():N}";
        await _client.PostOkAsync("/api/projects", new { name });

        var taken = await _client.PostAsync("/api/projects", ApiClient.RawJson($"{{\"name\": \"{name}\"}}"), Token).ExpectProblemAsync(HttpStatusCode.Conflict);
        var empty = await _client.PostAsync("/api/projects", ApiClient.RawJson("{\"name\": \" \"}"), Token).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(name, taken["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("name", empty.Errors(), StringComparison.Ordinal);
        var listed = Assert.Single((await _client.GetOkAsync("/api/projects?limit=1000")).AsArray(), p => p!["name"]!.GetValue<string>() == name)!;

        // An admin deletes it (the maps of its uploads stay); then it is gone and its name free again.
        var id = listed["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/projects/{id}", Token)).StatusCode);
        await _client.GetAsync($"/api/projects/{id}", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        await _client.PostOkAsync("/api/projects", new { name });
    }

    private async Task<long> CreateProjectAsync() =>
        (await _client.PostOkAsync("/api/projects", new { name = $"Project {Guid.NewGuid():N}" }))["id"]!.GetValue<long>();

    private async Task<JsonArray> UploadAsync(byte[] wad, long project, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await PostAsync(wad, project.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == expected, $"upload answered {(int)response.StatusCode}: {json.ToJsonString()}");
        return json.AsArray();
    }

    private Task<HttpResponseMessage> PostAsync(byte[] wad, string project)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(wad), "file", "map01.wad" }, { new StringContent(project), "project" } };
        return _client.PostAsync("/api/maps", form, Token);
    }

    private static IEnumerable<string> Titles(JsonNode findings) => findings.AsArray().Select(f => f!["title"]!.GetValue<string>());
}
