using System.Text.Json.Serialization;

namespace RlGameTester.Doom.Metadata;

[JsonConverter(typeof(JsonStringEnumConverter<ExitTrigger>))]
public enum ExitTrigger
{
    /// <summary>A line special (switch, walk-over or gun).</summary>
    [JsonStringEnumMemberName("line")]
    Line,

    /// <summary>Sector special 11: the level ends when the player's health drops to 10 or less there.</summary>
    [JsonStringEnumMemberName("sector")]
    Sector,

    /// <summary>The level ends when a boss type is wiped out (E2M8, E3M8, the Icon of Sin).</summary>
    [JsonStringEnumMemberName("boss-death")]
    BossDeath,
}
