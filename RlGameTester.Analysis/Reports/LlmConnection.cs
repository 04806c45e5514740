using System.Data.Common;

namespace RlGameTester.Analysis.Reports;

/// <summary>
/// The <c>llm</c> connection string: <c>Endpoint=https://host/v1;Key=...;Model=gpt-4o-mini</c>, for any server that
/// speaks the OpenAI chat-completions API (OpenAI, Azure OpenAI's <c>/openai/v1/</c> endpoint, Ollama, vLLM).
/// <c>Key</c> is optional (local servers need none); <c>ApiKey</c> and <c>Deployment</c> are accepted for Key and Model.
/// </summary>
/// <param name="Endpoint">The API's base address; requests go to <c>{Endpoint}/chat/completions</c>.</param>
/// <param name="Key">Sent as the bearer token; null when the server needs none.</param>
/// <param name="Model">The model (or Azure deployment) name.</param>
internal sealed record LlmConnection(Uri Endpoint, string? Key, string Model)
{
    /// <summary>The connection name in configuration and in the AppHost.</summary>
    public const string ConnectionName = "llm";

    /// <summary>Reads a connection string; <see cref="FormatException"/> says what is missing or wrong.</summary>
    public static LlmConnection Parse(string connectionString)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"The llm connection string is not of the form Endpoint=...;Key=...;Model=...: {e.Message}", e);
        }

        var endpoint = Value(builder, "Endpoint");
        if (endpoint is null || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new FormatException($"The llm connection string needs Endpoint=<an http(s) address such as https://api.openai.com/v1>; got '{endpoint}'.");
        }

        var model = Value(builder, "Model") ?? Value(builder, "Deployment")
            ?? throw new FormatException("The llm connection string needs Model=<model name>, for example Model=gpt-4o-mini.");
        return new LlmConnection(uri, Value(builder, "Key") ?? Value(builder, "ApiKey"), model);
    }

    private static string? Value(DbConnectionStringBuilder builder, string name) =>
        builder.TryGetValue(name, out var value) && value?.ToString() is { Length: > 0 } text ? text.Trim() : null;
}
