using System.Text.Json.Serialization;

namespace RlGameTester.Doom.Wad;

/// <summary>Whether a WAD is a game's main data file (IWAD) or an add-on (PWAD).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WadKind>))]
public enum WadKind
{
    [JsonStringEnumMemberName("iwad")]
    Iwad,

    [JsonStringEnumMemberName("pwad")]
    Pwad,
}
