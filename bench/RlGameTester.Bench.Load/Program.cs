using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RlGameTester.TestSupport;

// The running stack under load from loopback (issue 13). An admin key makes one tester key per client; then every
// client, as fast as it can, uploads a level of its own (a fixture WAD made unique), creates a run of it, starts it, reads
// the run and lists maps, for --seconds, never waiting for a 429's Retry-After: past the per-minute request limit and the
// runs-at-once quota, as an abusive client would be. One more client sends hostile WADs (8,000 level markers over one
// level's lumps) all the while. Beside them a probe reads /health every half second, to see the service stays responsive. Baseline, in the same command: the same clients on GET /alive (no key, no database) for a
// third of the time. Prints requests per second, answers by operation and status, latencies, and fails (exit 1) on any
// 5xx, any transport error or any 429 without Retry-After.
var api = new Uri(Argument("--api") ?? throw new ArgumentException("--api URL is required"));
var adminKey = Argument("--key") ?? throw new ArgumentException("--key ADMIN_KEY is required");
var clients = int.Parse(Argument("--clients") ?? "16", CultureInfo.InvariantCulture);
var seconds = int.Parse(Argument("--seconds") ?? "60", CultureInfo.InvariantCulture);
var fixture = Argument("--wad") ?? Path.Combine(AppContext.BaseDirectory, "defend_the_center.wad");

using var admin = Phase.Client(api, adminKey);
var keys = new List<string>();
for (var i = 0; i <= clients; i++)
{
    using var created = await admin.PostAsJsonAsync("/api/keys", new { name = $"load-{i}-{Guid.NewGuid():N}"[..20], roles = new[] { "tester" } });
    created.EnsureSuccessStatusCode();
    keys.Add((await created.Content.ReadFromJsonAsync<JsonObject>())!["key"]!.GetValue<string>());
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load on {api} from loopback: {clients} clients and a hostile one, {seconds} s; baseline GET /alive for {seconds / 3} s"));
var baseline = await Phase.RunAsync(api, TimeSpan.FromSeconds(Math.Max(5, seconds / 3)), [.. Enumerable.Range(0, clients + 1).Select(_ => (string?)null)], Alive, probe: false);
var load = await Phase.RunAsync(api, TimeSpan.FromSeconds(seconds), [.. keys], (client, phase, stop) => client == phase.Clients[^1] ? Hostile(client, phase, stop) : Abuse(client, phase, stop), probe: true);

baseline.Print("baseline: GET /alive");
load.Print("load: upload, create run, start run, get run, list maps; one client sending hostile uploads");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ratio: load {load.PerSecond:0} req/s = {load.PerSecond / baseline.PerSecond:0.00}x baseline {baseline.PerSecond:0} req/s; answered (not 429) {load.AnsweredPerSecond:0} req/s"));
var failures = load.Failures + baseline.Failures;
Console.WriteLine(failures == 0 ? "no 5xx, no transport error, every 429 with Retry-After" : $"FAILED: {failures} answer(s) were 5xx, transport errors or a 429 without Retry-After");
return failures == 0 ? 0 : 1;

async Task Alive(HttpClient client, Phase phase, CancellationToken stop)
{
    while (!stop.IsCancellationRequested)
    {
        await phase.SendAsync("alive", client, () => new HttpRequestMessage(HttpMethod.Get, "/alive"));
    }
}

async Task Abuse(HttpClient client, Phase phase, CancellationToken stop)
{
    var wad = File.ReadAllBytes(fixture);
    long? mapId = null;
    while (!stop.IsCancellationRequested)
    {
        var upload = await phase.SendAsync("upload level", client, () =>
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(WadBuilder.WithExtraLump(wad, "RLGTLOAD", Guid.NewGuid().ToByteArray()));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", "load.wad");
            return new HttpRequestMessage(HttpMethod.Post, "/api/maps") { Content = form };
        });
        mapId = upload?.AsArray().FirstOrDefault()?["id"]?.GetValue<long>() ?? mapId;
        if (mapId is not { } map)
        {
            continue;
        }

        var run = await phase.SendAsync("create run", client, () => new HttpRequestMessage(HttpMethod.Post, "/api/runs")
        {
            Content = JsonContent.Create(new { map_id = map, agent = "explorer", config = new { skill = 3 } }),
        });
        if (run?["id"]?.GetValue<long>() is { } runId)
        {
            await phase.SendAsync("start run", client, () => new HttpRequestMessage(HttpMethod.Post, $"/api/runs/{runId}/start"));
            await phase.SendAsync("get run", client, () => new HttpRequestMessage(HttpMethod.Get, $"/api/runs/{runId}"));
        }

        await phase.SendAsync("list maps", client, () => new HttpRequestMessage(HttpMethod.Get, "/api/maps?limit=5"));
    }
}

async Task Hostile(HttpClient client, Phase phase, CancellationToken stop)
{
    var wad = WadBuilder.RepeatedDirectory(File.ReadAllBytes(fixture), 8000, i => $"L{i:D5}");
    while (!stop.IsCancellationRequested)
    {
        await phase.SendAsync("hostile upload", client, () =>
        {
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(wad), "file", "hostile.wad");
            return new HttpRequestMessage(HttpMethod.Post, "/api/maps") { Content = form };
        });
    }
}

string? Argument(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

/// <summary>One timed phase: its clients' answers by operation and status, latencies, and the /health probe's.</summary>
internal sealed class Phase
{
    private readonly ConcurrentDictionary<(string Operation, string Status), int> _answers = new();
    private readonly ConcurrentBag<double> _latencies = [];
    private readonly ConcurrentBag<double> _probeLatencies = [];
    private int _failures;
    private double _elapsed;

    /// <summary>The phase's clients, one per key, in the keys' order.</summary>
    public IReadOnlyList<HttpClient> Clients { get; private set; } = [];

    public int Failures => _failures;

    public double PerSecond => _answers.Values.Sum() / _elapsed;

    public double AnsweredPerSecond => _answers.Where(a => a.Key.Status != "429").Sum(a => a.Value) / _elapsed;

    public static async Task<Phase> RunAsync(Uri api, TimeSpan duration, IReadOnlyList<string?> keys, Func<HttpClient, Phase, CancellationToken, Task> work, bool probe)
    {
        var phase = new Phase();
        using var stop = new CancellationTokenSource(duration);
        var clients = keys.Select(key => Client(api, key)).ToList();
        phase.Clients = clients;
        var clock = Stopwatch.StartNew();
        var tasks = clients.Select(client => Task.Run(() => work(client, phase, stop.Token))).ToList();
        if (probe)
        {
            tasks.Add(phase.ProbeAsync(Client(api, null), stop.Token));
        }

        await Task.WhenAll(tasks);
        phase._elapsed = clock.Elapsed.TotalSeconds;
        clients.ForEach(c => c.Dispose());
        return phase;
    }

    /// <summary>A client of the Api sending <paramref name="key"/> (none for the probes).</summary>
    public static HttpClient Client(Uri api, string? key)
    {
        var client = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(100) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    /// <summary>Sends one request, counts its answer; the JSON body of a 2xx, else null.</summary>
    public async Task<JsonNode?> SendAsync(string operation, HttpClient client, Func<HttpRequestMessage> request)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var message = request();
            using var response = await client.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            _latencies.Add(clock.Elapsed.TotalMilliseconds);
            var status = (int)response.StatusCode;
            _answers.AddOrUpdate((operation, status.ToString(CultureInfo.InvariantCulture)), 1, (_, n) => n + 1);
            if (status >= 500 || (status == 429 && response.Headers.RetryAfter is null))
            {
                Interlocked.Increment(ref _failures);
                Console.Error.WriteLine($"{operation}: {status} {body[..Math.Min(body.Length, 300)]}");
            }

            return response.IsSuccessStatusCode && body.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json"
                ? JsonNode.Parse(body)
                : null;
        }
        catch (HttpRequestException e)
        {
            _answers.AddOrUpdate((operation, "transport error"), 1, (_, n) => n + 1);
            Interlocked.Increment(ref _failures);
            Console.Error.WriteLine($"{operation}: {e.Message}");
            return null;
        }
    }

    public void Print(string title)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {_answers.Values.Sum()} requests in {_elapsed:0.0} s: {PerSecond:0} req/s; latency p50 {Percentile(_latencies, 0.5):0.0} ms, p99 {Percentile(_latencies, 0.99):0.0} ms"));
        foreach (var ((operation, status), count) in _answers.OrderBy(a => a.Key.Operation, StringComparer.Ordinal).ThenBy(a => a.Key.Status, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {operation,-14} {status,-16} {count,8}"));
        }

        if (!_probeLatencies.IsEmpty)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  /health probe meanwhile: {_probeLatencies.Count} probes, p50 {Percentile(_probeLatencies, 0.5):0.0} ms, max {_probeLatencies.Max():0.0} ms"));
        }
    }

    private async Task ProbeAsync(HttpClient client, CancellationToken stop)
    {
        using (client)
        {
            while (!stop.IsCancellationRequested)
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync("/health", CancellationToken.None);
                _probeLatencies.Add(clock.Elapsed.TotalMilliseconds);
                if ((int)response.StatusCode >= 500)
                {
                    Interlocked.Increment(ref _failures);
                    Console.Error.WriteLine($"/health: {(int)response.StatusCode}");
                }

                try
                {
                    await Task.Delay(500, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static double Percentile(IEnumerable<double> values, double share)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(share * sorted.Length))];
    }
}
