using System.Text.Json.Serialization;

namespace RlGameTester.Doom.Checks;

/// <summary>
/// The engine family a level is made for, as its author declares it (a map set's text file, an upload's setting). It
/// decides which engine's crashes count: a vanilla crash stops only a level meant for vanilla.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CompatibilityLevel>))]
public enum CompatibilityLevel
{
    /// <summary>Doom and Doom II as released (and Chocolate Doom): its limits and crashes apply.</summary>
    [JsonStringEnumMemberName("vanilla")]
    Vanilla,

    /// <summary>Boom and the ports that keep its rules (PrBoom+, dsda-doom at complevel 9).</summary>
    [JsonStringEnumMemberName("boom")]
    Boom,

    /// <summary>MBF21 (dsda-doom, Woof!, ports at complevel 21).</summary>
    [JsonStringEnumMemberName("mbf21")]
    Mbf21,

    /// <summary>UDMF levels for the ports that read it (GZDoom, Eternity, dsda-doom).</summary>
    [JsonStringEnumMemberName("udmf")]
    Udmf,
}
