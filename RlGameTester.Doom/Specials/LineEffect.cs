using System.Text.Json.Serialization;

namespace RlGameTester.Doom.Specials;

/// <summary>What a line special does, in broad classes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LineEffect>))]
public enum LineEffect
{
    None,
    Door,
    LockedDoor,
    Floor,
    Ceiling,
    Lift,

    /// <summary>Moving floors started by a line: raise-and-change, perpetual platforms and their stop lines.</summary>
    Platform,
    Stairs,
    Crusher,

    /// <summary>Teleport to a destination thing in a tagged sector (or, for Hexen specials, a TID).</summary>
    Teleport,

    /// <summary>Boom line-to-line teleport (the tag names another line).</summary>
    LineTeleport,
    Exit,
    SecretExit,
    Light,
    Scroll,
    ChangeTexture,
    Donut,

    /// <summary>Boom effects applied to tagged sectors or lines: light/sky transfer, friction, wind, fake floors, translucency.</summary>
    Transfer,

    /// <summary>Runs an ACS script.</summary>
    Script,
    Other,
}
