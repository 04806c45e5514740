using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RlGameTester.Analysis.Tests.Reports.Support;

/// <summary>
/// An OpenAI-compatible chat-completions server on a loopback port of its own: Kestrel answering
/// <c>POST /v1/chat/completions</c> in the real OpenAI JSON shape with whatever <see cref="Answer"/> decides, and
/// keeping every request it was sent so a test can read the prompt.
/// </summary>
internal sealed class FakeLlmServer : IAsyncDisposable
{
    public const string Model = "fake-gpt-1";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonNode> _requests = new();

    private FakeLlmServer(WebApplication app) => _app = app;

    /// <summary>Decides the answer to each request: its HTTP status, the assistant's content, and a delay before answering.</summary>
    public Func<JsonNode, LlmReply> Answer { get; set; } = _ => new LlmReply(200, "{}");

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<JsonNode> Requests => [.. _requests];

    /// <summary>The connection string the Analysis service would be given.</summary>
    public string ConnectionString => $"Endpoint={Endpoint};Key=test-key;Model={Model}";

    public static async Task<FakeLlmServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeLlmServer(app);
        app.MapPost("/v1/chat/completions", (Delegate)server.CompleteAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri($"{address.TrimEnd('/')}/v1");
        return server;
    }

    /// <summary>The user message (the evidence prompt) of the last request.</summary>
    public string LastPrompt() =>
        Requests[^1]["messages"]!.AsArray().Last(m => m!["role"]!.GetValue<string>() == "user")!["content"]!.GetValue<string>();

    /// <summary>The evidence JSON the last prompt carried.</summary>
    public JsonNode LastEvidence()
    {
        var prompt = LastPrompt();
        return JsonNode.Parse(prompt[prompt.IndexOf('{', StringComparison.Ordinal)..])!;
    }

    private async Task<IResult> CompleteAsync(HttpContext context)
    {
        var request = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted)
            ?? throw new InvalidOperationException("empty request");
        _requests.Enqueue(request);
        var reply = Answer(request);
        if (reply.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reply.Delay, context.RequestAborted);
        }

        if (reply.Status != 200)
        {
            return Results.Json(new { error = new { message = reply.Content, type = "server_error" } }, statusCode: reply.Status);
        }

        var body = new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion",
            ["created"] = 1_764_000_000,
            ["model"] = Model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 50, ["total_tokens"] = 150 },
        };
        return Results.Text(body.ToJsonString(), "application/json");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
