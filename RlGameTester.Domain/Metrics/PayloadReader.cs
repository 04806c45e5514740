using System.Text.Json;

namespace RlGameTester.Domain.Metrics;

/// <summary>Reads numbers out of event payloads without failing on payloads of another shape.</summary>
public static class PayloadReader
{
    /// <summary>The first of <paramref name="names"/> present in the payload as a number.</summary>
    public static double? Number(string? json, params ReadOnlySpan<string> names)
    {
        using var document = Parse(json);
        return document is null ? null : FirstNumber(document.RootElement, names);
    }

    /// <summary>Two numbers of one payload (a position's x and y, a change's old and new), parsing it once.</summary>
    public static (double? First, double? Second) Pair(string? json, string first, string second)
    {
        using var document = Parse(json);
        return document is null ? (null, null) : (FirstNumber(document.RootElement, [first]), FirstNumber(document.RootElement, [second]));
    }

    /// <summary>The first of <paramref name="names"/> present as a boolean.</summary>
    public static bool? Boolean(string? json, params ReadOnlySpan<string> names)
    {
        using var document = Parse(json);
        if (document is null)
        {
            return null;
        }

        foreach (var name in names)
        {
            if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }
        }

        return null;
    }

    /// <summary>A string property of the payload, or null when absent or not a string.</summary>
    public static string? Text(string? json, string name)
    {
        if (json is null || !json.Contains(name, StringComparison.Ordinal))
        {
            return null;
        }

        using var document = Parse(json);
        return document is not null && document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
    }

    /// <summary>The strings of an array property of the payload, or null when absent or not an array.</summary>
    public static IReadOnlyList<string>? Texts(string? json, string name)
    {
        if (json is null || !json.Contains(name, StringComparison.Ordinal))
        {
            return null;
        }

        using var document = Parse(json);
        if (document is null || !document.RootElement.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)];
    }

    private static double? FirstNumber(JsonElement root, ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number)
            {
                return value.GetDouble();
            }
        }

        return null;
    }

    /// <summary>The payload as a JSON object, or null when it is empty, not JSON, or not an object.</summary>
    private static JsonDocument? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
        }
        catch (JsonException)
        {
            // A payload that is not JSON carries no value.
        }

        return null;
    }
}
