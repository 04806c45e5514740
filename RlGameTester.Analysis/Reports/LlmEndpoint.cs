using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace RlGameTester.Analysis.Reports;

/// <summary>
/// Semantic Kernel's OpenAI chat-completion connector pointed at the configured endpoint. Its HTTP client has no
/// retries and no timeout of its own: the report's timeout decides, and a failure falls back to the templates at once.
/// </summary>
internal sealed class LlmEndpoint : IDisposable
{
    private readonly HttpClient _http;

    private LlmEndpoint(IChatCompletionService chat, string model, HttpClient http)
    {
        Chat = chat;
        Model = model;
        _http = http;
    }

    public IChatCompletionService Chat { get; }

    public string Model { get; }

    public static LlmEndpoint Create(LlmConnection connection, TimeSpan timeout, ILoggerFactory? loggerFactory = null)
    {
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var client = new OpenAIClient(new ApiKeyCredential(connection.Key ?? "none"), new OpenAIClientOptions
        {
            Endpoint = connection.Endpoint,
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // A backstop only: the caller's cancellation after the configured timeout comes first.
            NetworkTimeout = timeout + TimeSpan.FromSeconds(30),
        });
        return new LlmEndpoint(new OpenAIChatCompletionService(connection.Model, client, loggerFactory), connection.Model, http);
    }

    public void Dispose() => _http.Dispose();
}
