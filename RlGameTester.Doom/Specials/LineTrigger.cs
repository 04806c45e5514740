using System.Text.Json.Serialization;

namespace RlGameTester.Doom.Specials;

/// <summary>How the player sets off a Doom-numbered line special.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LineTrigger>))]
public enum LineTrigger
{
    /// <summary>Always active (scrollers, transfers) or triggered by other means.</summary>
    None,

    /// <summary>W: crossing the line.</summary>
    Walk,

    /// <summary>S: using (pressing) the line's front side.</summary>
    Switch,

    /// <summary>G: shooting the line.</summary>
    Gun,

    /// <summary>D: using the line; it acts on the sector behind it (manual doors), no tag.</summary>
    Door,
}
