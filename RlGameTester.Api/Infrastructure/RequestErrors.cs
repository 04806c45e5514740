using Microsoft.AspNetCore.Http.HttpResults;
using RlGameTester.Domain;

namespace RlGameTester.Api.Infrastructure;

/// <summary>
/// Collects every problem with a request (query and body) so one 400 names them all, each under its
/// field's wire name.
/// </summary>
internal sealed class RequestErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var reasons))
        {
            _errors[field] = reasons = [];
        }

        reasons.Add(reason);
    }

    public ValidationProblem Problem() =>
        TypedResults.ValidationProblem(
            _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray()),
            title: "The request is not valid",
            detail: string.Join(" ", _errors.Select(pair => $"{pair.Key}: {string.Join(" ", pair.Value)}")));

    /// <summary>An optional enum filter: when given but unknown, an error listing the allowed values.</summary>
    public void Enum<TEnum>(string field, string? text) where TEnum : struct, Enum
    {
        if (!string.IsNullOrWhiteSpace(text) && ParsedEnum<TEnum>(text) is null)
        {
            Add(field, $"'{text}' is not a valid {field}; allowed values: {SnakeCase.AllowedValues<TEnum>()}.");
        }
    }

    /// <summary>An optional enum filter's value (checked by <see cref="Enum{TEnum}"/>), or null when absent.</summary>
    public static TEnum? ParsedEnum<TEnum>(string? text) where TEnum : struct, Enum =>
        !string.IsNullOrWhiteSpace(text) && SnakeCase.TryParse<TEnum>(text.Trim(), out var value) ? value : null;

    public void Id(string field, long? id)
    {
        if (id is <= 0)
        {
            Add(field, $"must be a positive id; got {id}.");
        }
    }

    public void RequiredId(string field, long? id)
    {
        if (id is null)
        {
            Add(field, "is required.");
        }
        else
        {
            Id(field, id);
        }
    }

    /// <summary>A page size: between 1 and <see cref="PageQuery.MaxLimit"/> when given.</summary>
    public void Limit(int? limit)
    {
        if (limit is < 1 or > PageQuery.MaxLimit)
        {
            Add("limit", $"must be between 1 and {PageQuery.MaxLimit}; got {limit}.");
        }
    }

    public void Text(string field, string? value, int maxLength, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "is required and must not be blank.");
            }

            return;
        }

        if (value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters; got {value.Length}.");
        }
    }

    public void Range(string field, double? value, double min, double max)
    {
        if (value is { } v && (double.IsNaN(v) || v < min || v > max))
        {
            Add(field, $"must be between {min} and {max}; got {v}.");
        }
    }

    public void NotNegative(string field, long? value)
    {
        if (value is < 0)
        {
            Add(field, $"must be 0 or more; got {value}.");
        }
    }

    public void JsonObject(string field, System.Text.Json.JsonElement? value)
    {
        if (value is { ValueKind: not System.Text.Json.JsonValueKind.Object and not System.Text.Json.JsonValueKind.Null and not System.Text.Json.JsonValueKind.Undefined } element)
        {
            Add(field, $"must be a JSON object; got {element.ValueKind.ToString().ToLowerInvariant()}.");
        }
    }
}
