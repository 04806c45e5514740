using System.Text.Json.Serialization;

namespace RlGameTester.Doom.Specials;

[JsonConverter(typeof(JsonStringEnumConverter<BossEffect>))]
public enum BossEffect
{
    /// <summary>Sectors with the tag lower their floor to the lowest neighbour.</summary>
    LowerFloor,

    /// <summary>Sectors with the tag raise their floor (by the shortest lower texture).</summary>
    RaiseFloor,

    /// <summary>Sectors with the tag open as doors.</summary>
    OpenDoor,

    /// <summary>The level ends.</summary>
    ExitLevel,
}
