using System.Collections.Frozen;
using System.Text.Json;

namespace RlGameTester.Domain;

/// <summary>
/// Enum values as the API and the database spell them: <c>HealthChange</c> is <c>health_change</c>.
/// One spelling everywhere, so a value read from a column can be put straight into a URL filter.
/// </summary>
public static class SnakeCase
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Names<TEnum>.ToName[value];

    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        if (text is not null && Names<TEnum>.FromName.TryGetValue(text, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    public static TEnum Parse<TEnum>(string text) where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a {typeof(TEnum).Name}; allowed: {AllowedValues<TEnum>()}.");

    /// <summary>The allowed spellings, comma-separated, for error messages.</summary>
    public static string AllowedValues<TEnum>() where TEnum : struct, Enum => Names<TEnum>.Allowed;

    public static IReadOnlyList<string> Values<TEnum>() where TEnum : struct, Enum => Names<TEnum>.All;

    private static class Names<TEnum> where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ToName =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

        public static readonly FrozenDictionary<string, TEnum> FromName =
            ToName.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

        public static readonly IReadOnlyList<string> All = [.. Enum.GetValues<TEnum>().Select(v => ToName[v])];

        public static readonly string Allowed = string.Join(", ", All);
    }
}
