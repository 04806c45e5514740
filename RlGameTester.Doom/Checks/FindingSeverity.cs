using System.Text.Json.Serialization;

namespace RlGameTester.Doom.Checks;

/// <summary>How bad a finding is, from the player's point of view.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FindingSeverity>))]
public enum FindingSeverity
{
    /// <summary>The level crashes an engine or cannot be started or finished.</summary>
    [JsonStringEnumMemberName("critical")]
    Critical,

    /// <summary>A visible or gameplay defect: HOM, stuck monsters, actions that do nothing, missing keys.</summary>
    [JsonStringEnumMemberName("major")]
    Major,

    /// <summary>Harmless in play or likely intended, but worth a look.</summary>
    [JsonStringEnumMemberName("minor")]
    Minor,

    /// <summary>An observation (compatibility, missing multiplayer starts).</summary>
    [JsonStringEnumMemberName("info")]
    Info,
}
