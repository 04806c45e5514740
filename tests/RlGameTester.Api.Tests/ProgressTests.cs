using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using RlGameTester.Messaging;
using RlGameTester.Messaging.Queue;
using RlGameTester.Messaging.Runs;

namespace RlGameTester.Api.Tests;

/// <summary>
/// Live progress as clients see it: SignalR over a real WebSocket at /hubs/runs, and server-sent events,
/// fed by the same Redis channels the Worker publishes to.
/// </summary>
public sealed class ProgressTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly HttpClient _client = factory.CreateClient();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private RunChannels Channels => factory.Services.GetRequiredService<RunChannels>();

    [Fact]
    public async Task AWebSocketClientReceivesProgressUntilTheRunEndsAndALateClientGetsTheCurrentStateFirst()
    {
        var runId = await _client.CreateRunAsync(await _client.CreateMapAsync());
        var early = new ConcurrentQueue<JsonElement>();
        await using var first = await ConnectAsync(early);
        await first.InvokeAsync("Subscribe", runId, Token);

        await _client.PostAsync($"/api/runs/{runId}/start", null, Token);
        await Channels.PublishProgressAsync(new RunProgress { RunId = runId, Status = "running", Episode = 3, Kills = 7, Events = 1200, UpdatedAt = DateTimeOffset.UtcNow });
        await WaitUntilAsync(() => early.Any(p => p.GetProperty("events").GetInt64() == 1200));

        var late = new ConcurrentQueue<JsonElement>();
        await using var second = await ConnectAsync(late);
        await second.InvokeAsync("Subscribe", runId, Token);
        await WaitUntilAsync(() => !late.IsEmpty);
        Assert.Equal(1200, late.First().GetProperty("events").GetInt64());
        Assert.Equal(7, late.First().GetProperty("kills").GetInt32());

        await Channels.PublishProgressAsync(new RunProgress { RunId = runId, Status = "completed", Episode = 3, Kills = 9, Events = 1500, UpdatedAt = DateTimeOffset.UtcNow });
        await WaitUntilAsync(() => early.Any(p => p.GetProperty("status").GetString() == "completed") && late.Any(p => p.GetProperty("status").GetString() == "completed"));

        var statuses = early.Select(p => p.GetProperty("status").GetString()).ToList();
        Assert.Equal("running", statuses[0]);
        Assert.Equal("completed", statuses[^1]);
        Assert.All(early, p => Assert.Equal(runId, p.GetProperty("run_id").GetInt64()));
    }

    [Fact]
    public async Task ServerSentEventsStartWithTheCurrentStateAndEndWithTheRun()
    {
        var runId = await _client.CreateRunAsync(await _client.CreateMapAsync());
        await _client.PostAsync($"/api/runs/{runId}/start", null, Token);
        await Channels.PublishProgressAsync(new RunProgress { RunId = runId, Status = "running", Events = 10, UpdatedAt = DateTimeOffset.UtcNow });

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/runs/{runId}/progress");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Token));

        var first = await NextEventAsync(reader);
        Assert.Equal(10, first.GetProperty("events").GetInt64());

        await Channels.PublishProgressAsync(new RunProgress { RunId = runId, Status = "running", Events = 20, UpdatedAt = DateTimeOffset.UtcNow });
        await Channels.PublishProgressAsync(new RunProgress { RunId = runId, Status = "failed", Events = 25, Message = "boom", UpdatedAt = DateTimeOffset.UtcNow });
        var second = await NextEventAsync(reader);
        var third = await NextEventAsync(reader);
        Assert.Equal(20, second.GetProperty("events").GetInt64());
        Assert.Equal("failed", third.GetProperty("status").GetString());
        // The stream ends with the run: nothing but the last event's blank separator is left.
        Assert.Equal(string.Empty, (await reader.ReadToEndAsync(Token).WaitAsync(Patience, Token)).Trim());
    }

    [Fact]
    public async Task ProgressOfAnUnknownRunIsNotFound()
    {
        await _client.GetAsync("/api/runs/919191/progress", Token).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnUploadedLogStartsTheRunAndQueuesItsImport()
    {
        var runId = await _client.CreateRunAsync(await _client.CreateMapAsync());
        var queue = factory.Services.GetRequiredService<RedisJobQueue>();
        var before = await queue.LengthAsync(Queues.Runs);
        using var form = new MultipartFormDataContent();
        form.Add(new StreamContent(File.OpenRead(Path.Combine(TestSupport.Fixtures.ArnoldLogs, "nm7j3qruxb.train.log"))), "file", "train.log");

        var accepted = await _client.PostAsync($"/api/runs/{runId}/log", form, Token);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var run = await _client.GetOkAsync($"/api/runs/{runId}");
        Assert.Equal("running", run["status"]!.GetValue<string>());
        Assert.StartsWith($"runs/{runId}/", run["log_path"]!.GetValue<string>());
        Assert.Equal(before + 1, await queue.LengthAsync(Queues.Runs));

        using var again = new MultipartFormDataContent { { new StringContent("INFO [1] - 01/01/26 00:00:00 - 0:00:00 - Kill"), "file", "train.log" } };
        var conflict = await _client.PostAsync($"/api/runs/{runId}/log", again, Token).ExpectProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("running", conflict["current_status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ALogLargerThanTheFrameworksDefaultFormLimitIsStoredWhole()
    {
        // 130 MiB: ASP.NET Core's default multipart limit (128 MiB) would refuse it inside the form parser.
        const long size = 130L << 20;
        var runId = await _client.CreateRunAsync(await _client.CreateMapAsync());
        using var form = new MultipartFormDataContent { { new StreamContent(new RepeatedLines(size)), "file", "train.log" } };

        var accepted = await _client.PostAsync($"/api/runs/{runId}/log", form, Token);

        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync(Token));
        var blob = (await _client.GetOkAsync($"/api/runs/{runId}"))["log_path"]!.GetValue<string>();
        var container = await factory.Services.GetRequiredService<RlGameTester.Data.Blobs.BlobStore>().ContainerAsync(RlGameTester.Data.Blobs.BlobStore.Logs, Token);
        Assert.Equal(size, (await container.GetBlobClient(blob).GetPropertiesAsync(cancellationToken: Token)).Value.ContentLength);
    }

    /// <summary>A read-only stream of a given length of log-like lines, made as it is read (no array of that size).</summary>
    private sealed class RepeatedLines(long length) : Stream
    {
        private static readonly byte[] Line = "INFO - 01/01/26 00:00:00 - 0:00:00 - padding line of a large log\n"u8.ToArray();
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = Line[(_position + i) % Line.Length];
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task ALogUploadWithoutAFileIsABadRequestAndForAnUnknownRunNotFound()
    {
        var runId = await _client.CreateRunAsync(await _client.CreateMapAsync());
        using var empty = new MultipartFormDataContent { { new StringContent("x"), "other", "x.txt" } };
        var problem = await _client.PostAsync($"/api/runs/{runId}/log", empty, Token).ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("file", problem.Errors());

        using var form = new MultipartFormDataContent { { new StringContent("x"), "file", "train.log" } };
        await _client.PostAsync("/api/runs/818181/log", form, Token).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<HubConnection> ConnectAsync(ConcurrentQueue<JsonElement> received)
    {
        var connection = new HubConnectionBuilder()
            // A browser's WebSocket carries no headers: the key goes in the query, as a web page would send it.
            .WithUrl(new Uri(factory.Server.BaseAddress, $"/hubs/runs?access_token={Uri.EscapeDataString(await factory.KeyWithRolesAsync("reader"))}"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.WebSocketFactory = (context, cancellationToken) =>
                    new ValueTask<System.Net.WebSockets.WebSocket>(factory.Server.CreateWebSocketClient().ConnectAsync(context.Uri, cancellationToken));
            })
            .Build();
        connection.On<JsonElement>("progress", received.Enqueue);
        await connection.StartAsync(Token);
        return connection;
    }

    private static async Task<JsonElement> NextEventAsync(StreamReader reader)
    {
        while (true)
        {
            var line = await reader.ReadLineAsync(Token).AsTask().WaitAsync(Patience, Token)
                ?? throw new InvalidOperationException("The event stream ended early.");
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Patience, "timed out waiting for progress");
            await Task.Delay(50, Token);
        }
    }
}
