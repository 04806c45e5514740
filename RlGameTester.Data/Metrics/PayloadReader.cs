using System.Text.Json;

namespace RlGameTester.Data.Metrics;

/// <summary>Reads numbers out of event payloads without failing on payloads of another shape.</summary>
public static class PayloadReader
{
    /// <summary>The first of <paramref name="names"/> present in the payload as a number.</summary>
    public static double? Number(string? json, params ReadOnlySpan<string> names)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var name in names)
            {
                if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number)
                {
                    return value.GetDouble();
                }
            }
        }
        catch (JsonException)
        {
            // A payload that is not JSON carries no number.
        }

        return null;
    }

    /// <summary>The first of <paramref name="names"/> present as a boolean.</summary>
    public static bool? Boolean(string? json, params ReadOnlySpan<string> names)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
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
        }
        catch (JsonException)
        {
            // Not JSON: no flag.
        }

        return null;
    }
}
