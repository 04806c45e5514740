using System.Text.Json;

namespace RlGameTester.Api.Maps;

/// <summary>The seed's JSON form of creating a map: a name and where its file is.</summary>
public sealed record MapCreateRequest
{
    /// <summary>Display name, 1-255 characters.</summary>
    /// <example>E1M1</example>
    public string? Name { get; init; }

    /// <summary>Path of the WAD file, at most 1024 characters.</summary>
    /// <example>/srv/levels/e1m1.wad</example>
    public string? FilePath { get; init; }

    /// <summary>The scenario the level is played in, at most 100 characters.</summary>
    /// <example>defend_the_center</example>
    public string? Scenario { get; init; }

    /// <summary>Free-form metadata (a JSON object).</summary>
    public JsonElement? Metadata { get; init; }
}
