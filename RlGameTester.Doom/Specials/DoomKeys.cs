using System.Text.Json.Serialization;

namespace RlGameTester.Doom.Specials;

/// <summary>Doom's six keys, as a set.</summary>
[Flags]
[JsonConverter(typeof(JsonStringEnumConverter<DoomKeys>))]
public enum DoomKeys
{
    None = 0,
    BlueCard = 1,
    YellowCard = 2,
    RedCard = 4,
    BlueSkull = 8,
    YellowSkull = 16,
    RedSkull = 32,
    AnyBlue = BlueCard | BlueSkull,
    AnyYellow = YellowCard | YellowSkull,
    AnyRed = RedCard | RedSkull,
    Any = AnyBlue | AnyYellow | AnyRed,
}
