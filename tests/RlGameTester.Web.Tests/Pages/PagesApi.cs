extern alias api;

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using RlGameTester.TestSupport;

namespace RlGameTester.Web.Tests.Pages;

/// <summary>
/// The real Api in memory on the test PostgreSQL, Redis and Azurite (as the Api's own tests run it), for the pages to
/// call; and the seeding the page tests do through it, as a tester and the Worker would.
/// </summary>
public sealed class PagesApi : ApiHost<api::Program>, IAsyncLifetime
{
    private HttpClient? _admin;

    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    /// <summary>
    /// Starts the Api, then moves its run ids far from other test projects' (as the frame tests do): frames are kept in
    /// the shared Azurite by run id, and explorer runs in other projects store theirs under small ids.
    /// </summary>
    public new async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync(Token);
        await using var restart = new NpgsqlCommand(FormattableString.Invariant($"ALTER TABLE runs ALTER COLUMN id RESTART WITH {Random.Shared.NextInt64(1_000_000_000, 9_000_000_000)}"), connection);
        await restart.ExecuteNonQueryAsync(Token);
    }

    /// <summary>An admin and service client: uploads, runs, the Worker's endpoints, findings.</summary>
    public HttpClient Admin => _admin ??= CreateClient();

    /// <summary>A client that sends no key: the page's <c>RlgtApi</c> adds the signed-in person's.</summary>
    public HttpClient Bare()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove(ApiKeys.Header);
        return client;
    }

    /// <summary>Uploads a unique copy of a real one-level WAD under the name; the level's id.</summary>
    public async Task<long> UploadLevelAsync(string name)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(WadBuilder.Unique(Path.Combine(Fixtures.Wads, "defend_the_center.wad"))), "file", $"{name}.wad" },
            { new StringContent(name), "name" },
        };
        var maps = await ReadAsync(await Admin.PostAsync("/api/maps", form, Token), HttpStatusCode.Created);
        return maps[0]!["id"]!.GetValue<long>();
    }

    public async Task<long> CreateRunAsync(long mapId, int? seed = null) =>
        (await PostAsync("/api/runs", new { map_id = mapId, agent = "explorer", seed }))["id"]!.GetValue<long>();

    /// <summary>Plays a run as the Worker reports one: started, its events, completed; then its metrics calculated.</summary>
    public async Task<long> PlayedRunAsync(long mapId, object[] events, int? seed = null)
    {
        var run = await CreateRunAsync(mapId, seed);
        await PostAsync(Invariant($"/api/runs/{run}/start"), new { }, HttpStatusCode.Accepted);
        if (events.Length > 0)
        {
            await PostAsync(Invariant($"/api/events/bulk?run_id={run}"), events);
        }

        await PostAsync(Invariant($"/api/runs/{run}/complete"), new { }, HttpStatusCode.OK);
        await PostAsync(Invariant($"/api/metrics/{run}/calculate"), new { }, HttpStatusCode.OK);
        return run;
    }

    /// <summary>Files a finding of a run (or of the level when <paramref name="runId"/> is null), as the checks do.</summary>
    public async Task<long> FileAsync(long mapId, long? runId, string severity, string source, string title, string type = "stuck_state", double x = 1056, double y = -3616, int? line = null) =>
        (await PostAsync("/api/bugs", new
        {
            run_id = runId,
            map_id = runId is null ? mapId : (long?)null,
            bug_type = type,
            severity,
            detection_source = source,
            check_name = type,
            title,
            position_x = x,
            position_y = y,
            element_kind = line is null ? null : "line",
            element_index = line,
        }))["id"]!.GetValue<long>();

    public async Task<JsonNode> GetAsync(string path) => await ReadAsync(await Admin.GetAsync(path, Token), HttpStatusCode.OK);

    public async Task<JsonNode> PostAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.Created) =>
        await ReadAsync(await Admin.PostAsJsonAsync(path, body, Token), expected);

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
