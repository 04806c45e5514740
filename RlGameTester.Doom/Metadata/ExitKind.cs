using System.Text.Json.Serialization;

namespace RlGameTester.Doom.Metadata;

[JsonConverter(typeof(JsonStringEnumConverter<ExitKind>))]
public enum ExitKind
{
    [JsonStringEnumMemberName("normal")]
    Normal,

    [JsonStringEnumMemberName("secret")]
    Secret,
}
