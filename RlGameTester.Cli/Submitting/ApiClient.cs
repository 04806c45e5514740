using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace RlGameTester.Cli.Submitting;

/// <summary>
/// The requests <c>rlgt submit</c> makes of a running RlGameTester, with its key. A refusal becomes a
/// <see cref="ServerProblemException"/> carrying the server's own reason; a 429 is waited out as its Retry-After says
/// (the server's quota on runs playing at once is normal when a WAD has many levels), within the overall deadline.
/// </summary>
internal sealed class ApiClient(HttpClient http, DateTimeOffset deadline, TimeProvider clock)
{
    /// <summary>Uploads the map with its load order (form fields <c>resources</c>, <c>iwad</c>, <c>compatibility</c>).</summary>
    public async Task<JsonArray> UploadAsync(
        (string Name, byte[] Bytes) map, IReadOnlyList<(string Name, byte[] Bytes)> resources, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        // A new body for each attempt: sending a request disposes its content.
        return (await SendAsync(() =>
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent(map.Bytes), "file", map.Name } };
            foreach (var (name, bytes) in resources)
            {
                form.Add(new ByteArrayContent(bytes), "resources", name);
            }

            foreach (var (field, value) in fields)
            {
                form.Add(new StringContent(value), field);
            }

            return new HttpRequestMessage(HttpMethod.Post, "/api/maps") { Content = form };
        }, cancellationToken)).AsArray();
    }

    public Task<JsonNode> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    public Task<JsonNode> PostAsync(string path, object? body, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) }, cancellationToken);

    /// <summary>Asks <paramref name="path"/> until <paramref name="done"/> holds, every second, until the deadline.</summary>
    public async Task<JsonNode> PollAsync(string path, Func<JsonNode, bool> done, string what, CancellationToken cancellationToken)
    {
        while (true)
        {
            var node = await GetAsync(path, cancellationToken);
            if (done(node))
            {
                return node;
            }

            await WaitAsync(TimeSpan.FromSeconds(1), what, cancellationToken);
        }
    }

    /// <summary>Asks <paramref name="path"/> until it stops answering 409 (not ready yet), every second, until the deadline.</summary>
    public async Task<JsonNode> GetWhenReadyAsync(string path, string what, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await GetAsync(path, cancellationToken);
            }
            catch (ServerProblemException e) when (e.Status == HttpStatusCode.Conflict)
            {
                await WaitAsync(TimeSpan.FromSeconds(1), what, cancellationToken);
            }
        }
    }

    private async Task<JsonNode> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var message = request();
            using var response = await http.SendAsync(message, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!;
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5);
                await WaitAsync(wait, $"the server's quota ({Reason(body)})", cancellationToken);
                continue;
            }

            throw new ServerProblemException(string.Create(CultureInfo.InvariantCulture,
                $"{message.Method} {message.RequestUri} answered {(int)response.StatusCode}: {Reason(body)}"), response.StatusCode);
        }
    }

    private async Task WaitAsync(TimeSpan wait, string what, CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() + wait > deadline)
        {
            throw new ServerProblemException($"gave up waiting for {what}: the --timeout passed.");
        }

        await Task.Delay(wait, clock, cancellationToken);
    }

    /// <summary>A ProblemDetails' title and detail, or the body's start.</summary>
    private static string Reason(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject problem && problem["title"] is not null)
            {
                return $"{problem["title"]}{(problem["detail"] is { } detail ? ": " + detail : "")}";
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: say what it was.
        }

        return body.Length <= 300 ? body : body[..300] + "...";
    }
}
