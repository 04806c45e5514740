using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RlGameTester.Domain.Levels;
using RlGameTester.Messaging.Jobs;
using RlGameTester.Messaging.Queue;
using RlGameTester.TestSupport;

namespace RlGameTester.Api.Tests;

/// <summary>
/// Designers' marks on findings, against the real Api and Analysis service: made, shown with every bug, filtered on,
/// cleared, refused with the reason, kept when the same file comes again or its level is checked again, and carried to
/// the same finding of a project's next revision but not to one that changed.
/// </summary>
public sealed class TriageTests(ApiWithAnalysis services) : IClassFixture<ApiWithAnalysis>
{
    private const string AllowedStatuses = "confirmed, false_positive, fixed, wont_fix";
    private readonly HttpClient _client = services.Api.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATesterMarksAFindingEveryBugAnswerShowsItAndClearingItLeavesNone()
    {
        var (keyId, key) = await ApiKeys.AddAsync(services.Api.DatabaseConnectionString, "tester", "designer", Token);
        using var tester = ClientWithKey(key);
        var checks = await UploadCheckedAsync(DoctoredLevels.Map01(("NOSUCHTA", 0)));
        var mapId = checks["map_id"]!.GetValue<long>();
        var id = IdOf(Finding(checks, "NOSUCHTA"));

        var before = DateTime.UtcNow.AddSeconds(-1);
        var marked = await MarkOkAsync(tester, id, new { status = "false_positive", note = "  The texture is in the project's resource WAD.  " });
        var after = DateTime.UtcNow.AddSeconds(1);

        var mark = marked["triage"]!;
        Assert.Equal(id, IdOf(marked));
        Assert.Equal("false_positive", mark["status"]!.GetValue<string>());
        Assert.Equal("The texture is in the project's resource WAD.", mark["note"]!.GetValue<string>());
        Assert.Equal($"key:{keyId}", mark["marked_by"]!.GetValue<string>());
        Assert.InRange(mark["marked_at"]!.GetValue<DateTime>().ToUniversalTime(), before, after);
        Assert.Null(mark["carried_from_bug_id"]);

        // The same mark in every answer that lists the bug; the other findings have triage null (present, not left out).
        Assert.True(JsonNode.DeepEquals(mark, (await _client.GetOkAsync($"/api/bugs/{id}"))["triage"]));
        var listed = (await _client.GetOkAsync($"/api/bugs?map_id={mapId}")).AsArray();
        var fromChecks = (await _client.GetOkAsync($"/api/maps/{mapId}/checks"))["findings"]!.AsArray();
        foreach (var findings in new[] { listed, fromChecks })
        {
            Assert.True(JsonNode.DeepEquals(mark, Assert.Single(findings, f => IdOf(f!) == id)!["triage"]));
            Assert.All(findings.Where(f => IdOf(f!) != id), f => Assert.True(f!.AsObject().TryGetPropertyValue("triage", out var none) && none is null));
        }

        // A second mark replaces the first; a mark without a note has none.
        var remarked = (await MarkOkAsync(tester, id, new { status = "confirmed" }))["triage"]!;
        Assert.Equal("confirmed", remarked["status"]!.GetValue<string>());
        Assert.Null(remarked["note"]);

        // The tester takes it back (twice: nothing to take back is no error).
        Assert.Equal(HttpStatusCode.NoContent, (await tester.DeleteAsync($"/api/bugs/{id}/triage", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await tester.DeleteAsync($"/api/bugs/{id}/triage", Token)).StatusCode);
        var cleared = await _client.GetOkAsync($"/api/bugs/{id}");
        Assert.True(cleared.AsObject().TryGetPropertyValue("triage", out var gone) && gone is null);
    }

    [Fact]
    public async Task TheTriageFilterFindsFindingsByTheirMarkAndNoneFindsTheUnmarked()
    {
        var checks = await UploadCheckedAsync(DoctoredLevels.Map01(("NOSUCHTB", 0), ("NOSUCHTC", 5), ("NOSUCHTD", 1)));
        var mapId = checks["map_id"]!.GetValue<long>();
        var falseAlarm = IdOf(Finding(checks, "NOSUCHTB"));
        var keptOnPurpose = IdOf(Finding(checks, "NOSUCHTC"));
        var all = checks["findings"]!.AsArray().Select(f => IdOf(f!)).ToList();
        await MarkOkAsync(_client, falseAlarm, new { status = "false_positive" });
        await MarkOkAsync(_client, keptOnPurpose, new { status = "wont_fix", note = "An intended dead end." });

        Assert.Equal([falseAlarm], await IdsAsync($"/api/bugs?map_id={mapId}&triage=false_positive"));
        Assert.Equal([keptOnPurpose], await IdsAsync($"/api/bugs?map_id={mapId}&triage=wont_fix"));
        Assert.Empty(await IdsAsync($"/api/bugs?map_id={mapId}&triage=confirmed"));
        var unmarked = await IdsAsync($"/api/bugs?map_id={mapId}&triage=none");
        Assert.Contains(IdOf(Finding(checks, "NOSUCHTD")), unmarked);
        Assert.Equal(all.Except([falseAlarm, keptOnPurpose]).Order(), unmarked.Order());

        var bad = await _client.GetAsync($"/api/bugs?map_id={mapId}&triage=maybe", Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal($"'maybe' is not a valid triage; allowed values: {AllowedStatuses}, none (not marked).", bad["errors"]!["triage"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task ABadMarkIs400SayingWhyAndAMarkOfAnUnknownBugIs404()
    {
        var id = await FileBugAsync();

        var unknownStatus = await MarkAsync(_client, id, new { status = "maybe" }).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var noStatus = await MarkAsync(_client, id, new { note = "Looks fine." }).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var longNote = await MarkAsync(_client, id, new { status = "confirmed", note = new string('x', 2001) }).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var noBody = await _client.PutAsync($"/api/bugs/{id}/triage", null, Token).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal($"'maybe' is not a valid status; allowed values: {AllowedStatuses}.", unknownStatus["errors"]!["status"]![0]!.GetValue<string>());
        Assert.Equal($"is required; allowed values: {AllowedStatuses}.", noStatus["errors"]!["status"]![0]!.GetValue<string>());
        Assert.Equal("is required: send a JSON object (Content-Type: application/json).", noBody["errors"]!["body"]![0]!.GetValue<string>());
        Assert.Equal("must be at most 2000 characters; got 2001.", longNote["errors"]!["note"]![0]!.GetValue<string>());
        Assert.Contains("note: must be at most 2000 characters", longNote["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null((await _client.GetOkAsync($"/api/bugs/{id}"))["triage"]);

        var unknownBug = await MarkAsync(_client, 987654321, new { status = "confirmed" }).ExpectProblemAsync(HttpStatusCode.NotFound);
        var clearUnknown = await _client.DeleteAsync("/api/bugs/987654321/triage", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("There is no bug with id 987654321.", unknownBug["detail"]!.GetValue<string>());
        Assert.Equal("There is no bug with id 987654321.", clearUnknown["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task AReaderSeesMarksButMayNotMakeOrClearThem()
    {
        var id = await FileBugAsync();
        await MarkOkAsync(_client, id, new { status = "confirmed", note = "Seen in play." });
        using var reader = await services.Api.ClientWithRolesAsync("reader");

        var put = await MarkAsync(reader, id, new { status = "fixed" }).ExpectProblemAsync(HttpStatusCode.Forbidden);
        var delete = await reader.DeleteAsync($"/api/bugs/{id}/triage", Token).ExpectProblemAsync(HttpStatusCode.Forbidden);

        Assert.StartsWith("The caller's roles (reader) do not allow this request: it needs the tester role", put["detail"]!.GetValue<string>());
        Assert.StartsWith("The caller's roles (reader) do not allow this request: it needs the tester role", delete["detail"]!.GetValue<string>());
        var seen = (await reader.GetOkAsync($"/api/bugs/{id}"))["triage"]!;
        Assert.Equal("confirmed", seen["status"]!.GetValue<string>());
        Assert.Equal("Seen in play.", seen["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task AMarkStaysWhenTheSameBytesAreUploadedAgain()
    {
        var wad = DoctoredLevels.Map01(("NOSUCHTE", 0));
        var checks = await UploadCheckedAsync(wad);
        var id = IdOf(Finding(checks, "NOSUCHTE"));
        var mark = (await MarkOkAsync(_client, id, new { status = "wont_fix", note = "Kept for the secret." }))["triage"]!;

        var again = Assert.Single(await _client.UploadAsync(wad, "map01.wad", expected: HttpStatusCode.OK))!;

        Assert.Equal(checks["map_id"]!.GetValue<long>(), IdOf(again));
        var now = await _client.GetOkAsync($"/api/maps/{IdOf(again)}/checks");
        Assert.Equal(checks["findings"]!.AsArray().Select(f => IdOf(f!)), now["findings"]!.AsArray().Select(f => IdOf(f!)));
        Assert.True(JsonNode.DeepEquals(mark, Finding(now, "NOSUCHTE")["triage"]));
    }

    [Fact]
    public async Task AMarkStaysOnTheSameFindingWhenItsLevelIsCheckedAgain()
    {
        var wad = DoctoredLevels.Map01(("NOSUCHTF", 0));
        var checks = await UploadCheckedAsync(wad);
        var old = IdOf(Finding(checks, "NOSUCHTF"));
        var mark = (await MarkOkAsync(_client, old, new { status = "confirmed", note = "Replace with STARTAN3." }))["triage"]!;

        // The check job again, as a retried job runs it: the level's findings are replaced by new rows.
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(wad));
        await services.Api.Services.GetRequiredService<RedisJobQueue>().EnqueueAsync(new CheckWad(hash, LoadOrder.Default.Hash), Token);
        var rechecked = await Eventually.UntilAsync(
            _ => _client.GetOkAsync($"/api/maps/{checks["map_id"]}/checks"),
            c => c["findings"]!.AsArray().Any(f => f!["title"]!.GetValue<string>().Contains("NOSUCHTF", StringComparison.Ordinal) && IdOf(f) != old),
            "the level's findings to be stored again", Token);

        Assert.True(JsonNode.DeepEquals(mark, Finding(rechecked, "NOSUCHTF")["triage"]));
        Assert.Equal(1, rechecked["findings"]!.AsArray().Count(f => f!["triage"] is not null));
    }

    [Fact]
    public async Task AMarkCarriesToTheNextRevisionForTheSameFindingAndNotForOneThatChanged()
    {
        var project = (await _client.PostOkAsync("/api/projects", new { name = $"Triage {Guid.NewGuid():N}" }))["id"]!.GetValue<long>();
        var first = await UploadCheckedAsync(DoctoredLevels.Map01(("NOSUCHTG", 0), ("NOSUCHTH", 5)), project);
        var same = IdOf(Finding(first, "NOSUCHTG"));
        var moved = IdOf(Finding(first, "NOSUCHTH"));
        var mark = (await MarkOkAsync(_client, same, new { status = "confirmed", note = "Missing in the texture WAD." }))["triage"]!;
        var movedMark = (await MarkOkAsync(_client, moved, new { status = "wont_fix" }))["triage"]!;

        // The next revision: the first defect as it was, the second on another side (another finding).
        var second = await UploadCheckedAsync(DoctoredLevels.Map01(("NOSUCHTG", 0), ("NOSUCHTH", 1)), project);

        var carried = Finding(second, "NOSUCHTG");
        Assert.NotEqual(same, IdOf(carried));
        var expected = mark.DeepClone().AsObject();
        expected["carried_from_bug_id"] = same;
        Assert.True(JsonNode.DeepEquals(expected, carried["triage"]), carried["triage"]?.ToJsonString());
        Assert.Null(Finding(second, "NOSUCHTH")["triage"]);
        Assert.Equal(1, second["findings"]!.AsArray().Count(f => f!["triage"] is not null));

        // The comparison shows each finding's mark: the carried one unchanged, the moved one fixed (with its mark) and new (without).
        var comparison = await _client.GetOkAsync($"/api/projects/{project}/levels/MAP01/compare");
        Assert.True(JsonNode.DeepEquals(expected, Finding(comparison["unchanged"]!, "NOSUCHTG")["triage"]));
        Assert.True(JsonNode.DeepEquals(movedMark, Finding(comparison["fixed"]!, "NOSUCHTH")["triage"]));
        Assert.Null(Finding(comparison["new"]!, "NOSUCHTH")["triage"]);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesMarkingTheTriageFilterAndTheMarkOnEveryBug()
    {
        var document = await _client.GetOkAsync("/openapi.json");

        var triage = document["paths"]!["/api/bugs/{id}/triage"]!;
        foreach (var (method, statuses) in new[] { ("put", new[] { "200", "400", "404" }), ("delete", new[] { "204", "404" }) })
        {
            var operation = triage[method]!;
            Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{method} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(operation["description"]?.GetValue<string>()), $"{method} has no description");
            Assert.All(statuses, status => Assert.True(operation["responses"]![status] is not null, $"{method} does not document {status}: {operation.ToJsonString()}"));
        }

        var schemas = document["components"]!["schemas"]!;
        Assert.NotNull(schemas["BugResponse"]!["properties"]!["triage"]);
        Assert.Equal(["carried_from_bug_id", "marked_at", "marked_by", "note", "status"],
            schemas["TriageResponse"]!["properties"]!.AsObject().Select(p => p.Key).Order());
        Assert.Contains("triage", document["paths"]!["/api/bugs"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
    }

    private HttpClient ClientWithKey(string key)
    {
        var client = services.Api.CreateClient();
        client.DefaultRequestHeaders.Remove(ApiKeys.Header);
        client.DefaultRequestHeaders.Add(ApiKeys.Header, key);
        return client;
    }

    /// <summary>Uploads a one-level WAD (into the project, when given) and waits until its level is checked; its checks.</summary>
    private async Task<JsonNode> UploadCheckedAsync(byte[] wad, long? project = null)
    {
        var map = Assert.Single(await _client.UploadAsync(wad, "map01.wad", project: project))!;
        return await Eventually.UntilAsync(
            _ => _client.GetOkAsync($"/api/maps/{map["id"]}/checks"), c => c["checked_at"] is not null, $"map {map["id"]} to be checked", Token);
    }

    /// <summary>A bug filed by hand on a new level: a bug to mark without waiting for a check.</summary>
    private async Task<long> FileBugAsync()
    {
        var mapId = await _client.CreateMapAsync();
        return IdOf(await _client.PostOkAsync("/api/bugs", new { map_id = mapId, bug_type = "visual_glitch", title = "Flickering wall" }));
    }

    private Task<HttpResponseMessage> MarkAsync(HttpClient client, long bugId, object body) =>
        client.PutAsJsonAsync($"/api/bugs/{bugId}/triage", body, Token);

    private async Task<JsonNode> MarkOkAsync(HttpClient client, long bugId, object body)
    {
        using var response = await MarkAsync(client, bugId, body);
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT triage of bug {bugId} answered {(int)response.StatusCode}: {json.ToJsonString()}");
        return json;
    }

    private async Task<List<long>> IdsAsync(string url) => [.. (await _client.GetOkAsync(url)).AsArray().Select(b => IdOf(b!))];

    /// <summary>The one finding whose title names the texture a test put in the level.</summary>
    private static JsonNode Finding(JsonNode findingsOrChecks, string texture) =>
        Assert.Single((findingsOrChecks is JsonArray list ? list : findingsOrChecks["findings"]!.AsArray()),
            f => f!["title"]!.GetValue<string>().Contains(texture, StringComparison.Ordinal))!;

    private static long IdOf(JsonNode node) => node["id"]!.GetValue<long>();
}
