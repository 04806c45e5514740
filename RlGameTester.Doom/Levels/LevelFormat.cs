using System.Text.Json.Serialization;

namespace RlGameTester.Doom.Levels;

/// <summary>How a level's map data is stored.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LevelFormat>))]
public enum LevelFormat
{
    /// <summary>Binary Doom format: 10-byte things, 14-byte linedefs with a sector tag.</summary>
    [JsonStringEnumMemberName("doom")]
    Doom,

    /// <summary>Binary Hexen format (a BEHAVIOR lump): 20-byte things, 16-byte linedefs with 5 special arguments.</summary>
    [JsonStringEnumMemberName("hexen")]
    Hexen,

    /// <summary>Text UDMF (<c>TEXTMAP</c> .. <c>ENDMAP</c>).</summary>
    [JsonStringEnumMemberName("udmf")]
    Udmf,
}
