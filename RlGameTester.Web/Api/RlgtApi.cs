using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using RlGameTester.Web.Signing;

namespace RlGameTester.Web.Api;

/// <summary>
/// The Api as the web app calls it, found through service discovery (<c>https+http://api</c>), each call with the
/// signed-in person's key or Microsoft access token. Failures throw <see cref="ApiProblemException"/> with the Api's own reason.
/// </summary>
public sealed class RlgtApi(HttpClient http, IHttpClientFactory clients, ApiCredentials credentials)
{
    /// <summary>The header the Api reads keys from.</summary>
    public const string KeyHeader = "X-Api-Key";

    /// <summary>The client uploads go through: no retries, a long timeout (Program.cs).</summary>
    public const string UploadClient = "rlgt-upload";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Whether the key opens the Api: null when it does, else the Api's reason.</summary>
    public async Task<string?> CheckKeyAsync(string key, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/maps?limit=1");
        request.Headers.Add(KeyHeader, key);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode ? null : (await ApiProblemException.FromAsync(response, cancellationToken)).Message;
    }

    public Task<List<MapOverview>> ListLevelsAsync(string? search, int limit, CancellationToken cancellationToken) =>
        GetAsync<List<MapOverview>>(Invariant($"/api/maps/overview?limit={limit}") + (string.IsNullOrWhiteSpace(search) ? "" : $"&q={Uri.EscapeDataString(search.Trim())}"), cancellationToken);

    public Task<MapSummary> GetMapAsync(long id, CancellationToken cancellationToken) =>
        GetAsync<MapSummary>(Invariant($"/api/maps/{id}"), cancellationToken);

    public Task<MapStats> GetMapStatsAsync(long id, CancellationToken cancellationToken) =>
        GetAsync<MapStats>(Invariant($"/api/maps/{id}/stats"), cancellationToken);

    public Task<MapGeometry> GetGeometryAsync(long id, CancellationToken cancellationToken) =>
        GetAsync<MapGeometry>(Invariant($"/api/maps/{id}/geometry"), cancellationToken);

    public Task<MapChecks> GetChecksAsync(long mapId, CancellationToken cancellationToken) =>
        GetAsync<MapChecks>(Invariant($"/api/maps/{mapId}/checks"), cancellationToken);

    public Task<List<Finding>> ListMapFindingsAsync(long mapId, CancellationToken cancellationToken) =>
        GetAsync<List<Finding>>(Invariant($"/api/bugs?map_id={mapId}&limit=1000"), cancellationToken);

    public Task<List<Finding>> ListRunFindingsAsync(long runId, CancellationToken cancellationToken) =>
        GetAsync<List<Finding>>(Invariant($"/api/bugs?run_id={runId}&limit=1000"), cancellationToken);

    /// <summary>A level's runs oldest first, <paramref name="limit"/> of them after the first <paramref name="skip"/>.</summary>
    public Task<List<RunSummary>> ListRunsAsync(long mapId, int skip, int limit, CancellationToken cancellationToken) =>
        GetAsync<List<RunSummary>>(Invariant($"/api/runs?map_id={mapId}&skip={skip}&limit={limit}"), cancellationToken);

    public Task<RunSummary> GetRunAsync(long id, CancellationToken cancellationToken) =>
        GetAsync<RunSummary>(Invariant($"/api/runs/{id}"), cancellationToken);

    public Task<Timeline> GetTimelineAsync(long runId, CancellationToken cancellationToken) =>
        GetAsync<Timeline>(Invariant($"/api/metrics/{runId}/timeline"), cancellationToken);

    /// <summary>A page of a run's frames in tick order, with how many it has in all.</summary>
    public Task<FrameList> ListFramesAsync(long runId, int skip, int limit, CancellationToken cancellationToken) =>
        GetAsync<FrameList>(Invariant($"/api/runs/{runId}/frames?skip={skip}&limit={limit}"), cancellationToken);

    public Task<FindingComparison> CompareRunsAsync(long from, long to, CancellationToken cancellationToken) =>
        GetAsync<FindingComparison>(Invariant($"/api/runs/compare?from={from}&to={to}"), cancellationToken);

    public Task<List<LevelRevision>> ListRevisionsAsync(long projectId, string level, CancellationToken cancellationToken) =>
        GetAsync<List<LevelRevision>>(Invariant($"/api/projects/{projectId}/levels/{Uri.EscapeDataString(level)}/revisions"), cancellationToken);

    public Task<FindingComparison> CompareRevisionsAsync(long projectId, string level, int from, int to, CancellationToken cancellationToken) =>
        GetAsync<FindingComparison>(Invariant($"/api/projects/{projectId}/levels/{Uri.EscapeDataString(level)}/compare?from={from}&to={to}"), cancellationToken);

    /// <summary>Marks a finding; the Api answers with the finding as it now is.</summary>
    public Task<Finding> MarkAsync(long bugId, string status, string? note, CancellationToken cancellationToken) =>
        SendAsync<Finding>(HttpMethod.Put, Invariant($"/api/bugs/{bugId}/triage"), JsonContent.Create(new { status, note }), cancellationToken);

    public async Task ClearMarkAsync(long bugId, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(new HttpRequestMessage(HttpMethod.Delete, Invariant($"/api/bugs/{bugId}/triage")), cancellationToken);
        await EnsureAsync(response, cancellationToken);
    }

    /// <summary>Creates an explorer run of the level and starts it.</summary>
    public async Task<RunSummary> StartExplorerRunAsync(long mapId, int skill, int seed, CancellationToken cancellationToken)
    {
        var created = await SendAsync<RunSummary>(HttpMethod.Post, "/api/runs",
            JsonContent.Create(new { map_id = mapId, agent = "explorer", seed, config = new { skill } }), cancellationToken);
        // The start answers with the queued task, not the run.
        using var started = await SendRawAsync(new HttpRequestMessage(HttpMethod.Post, Invariant($"/api/runs/{created.Id}/start")), cancellationToken);
        await EnsureAsync(started, cancellationToken);
        return created;
    }

    /// <summary>A stored report in Markdown, or null while none is written.</summary>
    public async Task<string?> GetReportAsync(string subject, long id, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(new HttpRequestMessage(HttpMethod.Get, Invariant($"/api/{subject}/{id}/report")), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return await (await EnsureAsync(response, cancellationToken)).Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>Uploads a WAD with its load order; <paramref name="sent"/> hears the size of each piece as it goes.</summary>
    public async Task<List<MapSummary>> UploadAsync(WadUpload upload, IProgress<long>? sent, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        form.Add(Streamed(upload.Map, sent), "file", upload.Map.Name);
        foreach (var resource in upload.Resources)
        {
            form.Add(Streamed(resource, sent), "resources", resource.Name);
        }

        if (upload.Iwad is { Length: > 0 } iwad)
        {
            form.Add(new StringContent(iwad), "iwad");
        }

        if (upload.Compatibility is { Length: > 0 } compatibility)
        {
            form.Add(new StringContent(compatibility), "compatibility");
        }

        using var response = await SendRawAsync(new HttpRequestMessage(HttpMethod.Post, "/api/maps") { Content = form }, cancellationToken, client: clients.CreateClient(UploadClient));
        return (await (await EnsureAsync(response, cancellationToken)).Content.ReadFromJsonAsync<List<MapSummary>>(Json, cancellationToken))!;
    }

    /// <summary>Streams a binary the Api serves (images, screenshots) for the media proxy: the response to copy, or an error.</summary>
    public async Task<HttpResponseMessage> GetBinaryAsync(string path, CancellationToken cancellationToken) =>
        await SendRawAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken, HttpCompletionOption.ResponseHeadersRead);

    /// <summary>Whether the Api has drawn the image yet (it answers 404 with Retry-After until then).</summary>
    public async Task<bool> ImageReadyAsync(string subject, long id, CancellationToken cancellationToken)
    {
        using var response = await GetBinaryAsync(Invariant($"/api/{subject}/{id}/image"), cancellationToken);
        return response.IsSuccessStatusCode;
    }

    /// <summary>The Api's address as service discovery resolves it, for the hub connection.</summary>
    public Uri? BaseAddress => http.BaseAddress;

    private static StreamContent Streamed(UploadFile file, IProgress<long>? sent)
    {
        // With every part's length known the request has a Content-Length, so the Api refuses a file over its limit
        // before a byte of it is sent.
        var content = new StreamContent(new CountingStream(file.Content, sent), 81920);
        content.Headers.ContentLength = file.Size;
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        await SendAsync<T>(HttpMethod.Get, path, null, cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(new HttpRequestMessage(method, path) { Content = content }, cancellationToken);
        return (await (await EnsureAsync(response, cancellationToken)).Content.ReadFromJsonAsync<T>(Json, cancellationToken))!;
    }

    private async Task<HttpResponseMessage> SendRawAsync(
        HttpRequestMessage request, CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead, HttpClient? client = null)
    {
        using (request)
        {
            (await credentials.CurrentAsync(cancellationToken))?.AddTo(request);

            return await (client ?? http).SendAsync(request, completion, cancellationToken);
        }
    }

    private static async Task<HttpResponseMessage> EnsureAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.IsSuccessStatusCode ? response : throw await ApiProblemException.FromAsync(response, cancellationToken);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
