using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using RlGameTester.TestSupport;

namespace RlGameTester.Api.Tests;

/// <summary>
/// Uploads with the files a port loads with them (resource WADs, a named IWAD, a compatibility level) against the real
/// Api and Analysis service: the level checks resolve through that load order, and the same file with another load
/// order is another map.
/// </summary>
public sealed class LoadOrderTests(ApiWithAnalysis services) : IClassFixture<ApiWithAnalysis>
{
    private const string Texture = "RLGTTEX1";
    private readonly HttpClient _client = services.Api.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AResourceWadDefinesTheTexturesTheLevelUsesAndMakesAnotherMapOfTheSameFile()
    {
        var map = Doctored(level => level.SetSideTexture(0, 2, Texture));
        var resource = ResourceWad.WithTexture(Texture, ResourceWad.FirstPatch(File.ReadAllBytes(Fixtures.Freedoom2)));

        var alone = Assert.Single(await UploadAsync(map))!;
        var withResource = Assert.Single(await UploadAsync(map, form => form.Add(new ByteArrayContent(resource), "resources", "textures.wad")))!;

        Assert.NotEqual(alone["id"]!.GetValue<long>(), withResource["id"]!.GetValue<long>());
        Assert.Equal([Convert.ToHexString(SHA256.HashData(resource)).ToLowerInvariant()], withResource["resources"]!.AsArray().Select(h => h!.GetValue<string>()));
        Assert.Contains(await FindingsAsync(alone), f => f.Check == "unknown-texture" && f.Title.Contains(Texture, StringComparison.Ordinal));
        Assert.DoesNotContain(await FindingsAsync(withResource), f => f.Title.Contains(Texture, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADeclaredCompatibilityDecidesWhetherAVanillaCrashIsCritical()
    {
        var map = Doctored(level =>
        {
            level.SetLineField(0, 5, ushort.MaxValue);
            level.SetLineField(0, 6, ushort.MaxValue);
        });

        var inferred = Assert.Single(await UploadAsync(map))!;
        var boom = Assert.Single(await UploadAsync(map, form => form.Add(new StringContent("boom"), "compatibility")))!;
        var doom1 = Assert.Single(await UploadAsync(map, form => form.Add(new StringContent("freedoom1.wad"), "iwad")))!;

        Assert.Equal("boom", boom["compatibility"]!.GetValue<string>());
        Assert.Equal("freedoom1.wad", doom1["iwad"]!.GetValue<string>());
        Assert.Equal("critical", (await FindingsAsync(inferred)).Single(f => f.Check == "line-without-sides").Severity);
        Assert.Equal("major", (await FindingsAsync(boom)).Single(f => f.Check == "line-without-sides").Severity);
    }

    [Theory]
    [InlineData("iwad", "names 'doom2.wad', which this server does not have; it has ")]
    [InlineData("compatibility", "must be vanilla, boom, mbf21 or udmf; got 'zdoom'")]
    [InlineData("resources", "'notes.wad' is not a usable resource WAD")]
    public async Task ABadLoadOrderIsRefusedWith400NamingItAndStoresNothing(string field, string reason)
    {
        var map = Doctored(level => level.SetSideTexture(0, 2, "RLGTTEX2"));
        var hash = Convert.ToHexString(SHA256.HashData(map)).ToLowerInvariant();
        using var form = Form(map);
        if (field == "resources")
        {
            form.Add(new ByteArrayContent("just notes"u8.ToArray()), "resources", "notes.wad");
        }
        else
        {
            form.Add(new StringContent(field == "iwad" ? "doom2.wad" : "zdoom"), field);
        }

        var problem = await _client.PostAsync("/api/maps", form, Token).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(problem["errors"]![field]!.AsArray(), e => e!.GetValue<string>().Contains(reason, StringComparison.Ordinal));
        Assert.Empty((await _client.GetOkAsync($"/api/maps/by-hash/{hash}")).AsArray());
    }

    private async Task<JsonArray> UploadAsync(byte[] wad, Action<MultipartFormDataContent>? add = null)
    {
        using var form = Form(wad);
        add?.Invoke(form);
        using var response = await _client.PostAsync("/api/maps", form, Token);
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"upload answered {(int)response.StatusCode}: {json.ToJsonString()}");
        return json.AsArray();
    }

    private async Task<List<(string Check, string Severity, string Title)>> FindingsAsync(JsonNode map)
    {
        var checks = await Eventually.UntilAsync(
            _ => _client.GetOkAsync($"/api/maps/{map["id"]}/checks"), c => c["checked_at"] is not null, $"map {map["id"]} to be checked", Token);
        return [.. checks["findings"]!.AsArray().Select(f => (f!["check_name"]!.GetValue<string>(), f["severity"]!.GetValue<string>(), f["title"]!.GetValue<string>()))];
    }

    private static MultipartFormDataContent Form(byte[] wad) => new() { { new ByteArrayContent(wad), "file", "map01.wad" } };

    /// <summary>Freedoom 2's MAP01 as a PWAD changed by <paramref name="edit"/>, made unique by a marker lump.</summary>
    private static byte[] Doctored(Action<EditableLevel> edit)
    {
        var level = new EditableLevel(File.ReadAllBytes(Fixtures.Freedoom2), "MAP01");
        edit(level);
        return WadBuilder.WithExtraLump(level.ToWad(), "RLGTTEST", Guid.NewGuid().ToByteArray());
    }
}
