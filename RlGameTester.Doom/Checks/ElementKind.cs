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

/// <summary>The names findings carry on the wire and in evidence.</summary>
public static class ElementKinds
{
    /// <summary>level, line, side, sector, thing, vertex.</summary>
    public static string WireName(this ElementKind kind) => kind switch
    {
        ElementKind.Level => "level",
        ElementKind.Line => "line",
        ElementKind.Side => "side",
        ElementKind.Sector => "sector",
        ElementKind.Thing => "thing",
        _ => "vertex",
    };
}
