using System.Text.RegularExpressions;

namespace RlGameTester.Api.Infrastructure;

/// <summary>
/// Words for the errors the framework raises itself (no route, wrong method, wrong content type, a value that does not
/// bind), so every ProblemDetails says why in terms of the API, not of its CLR types.
/// </summary>
internal static partial class FrameworkProblems
{
    /// <summary>Why a request without the JSON body its endpoint needs is refused.</summary>
    public const string BodyRequired = "is required: send a JSON object (Content-Type: application/json).";

    /// <summary>The reason for a framework-made problem that came without one; null when there is nothing to add.</summary>
    public static string? Detail(HttpContext context, int? status)
    {
        var request = context.Request;
        var contentType = string.IsNullOrEmpty(request.ContentType) ? "a request without a content type" : request.ContentType;
        return status switch
        {
            StatusCodes.Status404NotFound when context.GetEndpoint() is null => $"There is no {request.Method} {request.Path} in this API; /openapi.json lists every endpoint.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Path} does not take {request.Method}; /openapi.json lists the methods it takes.",
            // Routing answers 415 before an endpoint is chosen, so the endpoint's accepted types are not at hand here.
            StatusCodes.Status415UnsupportedMediaType => $"{request.Method} {request.Path} does not take {contentType}; /openapi.json gives the content type each endpoint takes.",
            _ => null,
        };
    }

    /// <summary>
    /// A binding failure in API terms: <c>Failed to bind parameter "Nullable&lt;int&gt; skip" from "abc".</c> becomes
    /// (<c>skip</c>, <c>"abc" is not a whole number.</c>); an empty body where one is needed becomes (<c>body</c>, ...).
    /// Null when the message is none of those.
    /// </summary>
    public static (string Field, string Reason)? Binding(string message)
    {
        if (FailedToBind().Match(message) is { Success: true } bind)
        {
            return (WireName(bind.Groups["name"].Value), $"\"{bind.Groups["value"].Value}\" is not {Describe(bind.Groups["type"].Value)}.");
        }

        if (message.Contains("but no body was provided", StringComparison.Ordinal)
            || (message.StartsWith("Required parameter", StringComparison.Ordinal) && message.EndsWith("from body.", StringComparison.Ordinal)))
        {
            return ("body", BodyRequired);
        }

        return RequiredParameter().Match(message) is { Success: true } required
            ? (WireName(required.Groups["name"].Value), $"is required in the {required.Groups["source"].Value.Replace(" string", string.Empty, StringComparison.Ordinal)} string.")
            : null;
    }

    // A parameter bound from a record ([AsParameters]) is named by its property (Skip): the wire names are snake_case.
    private static string WireName(string parameter) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(parameter);

    /// <summary>What a value of a CLR type looks like in JSON or a query string: <c>Nullable`1[Int64]</c> is "a whole number".</summary>
    public static string Describe(string type)
    {
        var full = type.Replace("System.", string.Empty, StringComparison.Ordinal);
        full = NullableType().Match(full) is { Success: true } nullable ? nullable.Groups["inner"].Value : full;
        if (full.EndsWith("[]", StringComparison.Ordinal))
        {
            return "an array";
        }

        // The type's own name, without its namespace or generic arguments: List`1, Int64, RunCreateRequest.
        var head = full.Split('[')[0];
        var name = head[(head.LastIndexOf('.') + 1)..];
        return name switch
        {
            "int" or "long" or "short" or "Int16" or "Int32" or "Int64" or "UInt32" or "UInt64" => "a whole number",
            "double" or "float" or "decimal" or "Double" or "Single" or "Decimal" => "a number",
            "bool" or "Boolean" => "true or false",
            "string" or "String" => "a string",
            "DateTime" or "DateTimeOffset" => "a date and time (ISO 8601, e.g. 2026-12-01T12:00:00Z)",
            "Guid" => "a GUID",
            "List`1" or "IReadOnlyList`1" or "IList`1" or "IEnumerable`1" => "an array",
            "Dictionary`2" or "IDictionary`2" or "IReadOnlyDictionary`2" or "JsonObject" => "a JSON object",
            _ => "a JSON object of the documented shape",
        };
    }

    [GeneratedRegex("^Failed to bind parameter \"(?<type>.+) (?<name>\\w+)\" from \"(?<value>.*)\"\\.$", RegexOptions.CultureInvariant)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("^Required parameter \"(?<type>.+) (?<name>\\w+)\" was not provided from (?<source>query string|route|header)\\.$", RegexOptions.CultureInvariant)]
    private static partial Regex RequiredParameter();

    [GeneratedRegex("^(?:Nullable`1\\[(?<inner>[^\\]]+)\\]|Nullable<(?<inner>[^>]+)>)$", RegexOptions.CultureInvariant)]
    private static partial Regex NullableType();
}
