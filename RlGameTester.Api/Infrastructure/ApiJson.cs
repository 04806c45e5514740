using System.Text.Json;
using System.Text.Json.Serialization;

namespace RlGameTester.Api.Infrastructure;

/// <summary>JSON as the seed spoke it: snake_case field names and lower-case snake_case enum strings.</summary>
internal static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // Numbers are numbers: "12" for an id is a client bug worth a 400, and the schema says integer.
        options.NumberHandling = JsonNumberHandling.Strict;
    }

    /// <summary>A stored JSON column as a JSON value for a response.</summary>
    public static JsonElement? Element(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>A request's JSON value as text for a JSON column; null and JSON null store nothing.</summary>
    public static string? Text(JsonElement? element) =>
        element is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } value ? value.GetRawText() : null;
}
