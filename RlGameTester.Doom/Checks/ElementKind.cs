using System.Text.Json.Serialization;

namespace RlGameTester.Doom.Checks;

/// <summary>The kind of map element a finding points at.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ElementKind>))]
public enum ElementKind
{
    [JsonStringEnumMemberName("level")]
    Level,

    [JsonStringEnumMemberName("line")]
    Line,

    [JsonStringEnumMemberName("side")]
    Side,

    [JsonStringEnumMemberName("sector")]
    Sector,

    [JsonStringEnumMemberName("thing")]
    Thing,

    [JsonStringEnumMemberName("vertex")]
    Vertex,
}
