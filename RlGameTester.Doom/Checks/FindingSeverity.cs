using System.Text.Json.Serialization;

namespace RlGameTester.Doom.Checks;

/// <summary>How bad a finding is, from the player's point of view.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FindingSeverity>))]
public enum FindingSeverity
{
    /// <summary>
    /// The level cannot be finished, or the engine it is made for refuses or crashes on it in play. A crash only in an
    /// engine the level cannot run on anyway (vanilla, for a Boom level), or only on a press a player need not make, is major.
    /// </summary>
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
