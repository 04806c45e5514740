using System.Text.Json;
using RlGameTester.Data.Maps;

namespace RlGameTester.Api.Maps;

/// <summary>A level known to the system.</summary>
public sealed record MapResponse
{
    /// <example>1</example>
    public long Id { get; init; }

    /// <summary>Display name.</summary>
    /// <example>E1M1</example>
    public required string Name { get; init; }

    /// <summary>The level's marker lump in its WAD, when known.</summary>
    /// <example>E1M1</example>
    public string? LevelName { get; init; }

    /// <summary>Where the WAD was imported from, for maps registered by path.</summary>
    /// <example>/srv/levels/e1m1.wad</example>
    public string? FilePath { get; init; }

    /// <summary>SHA-256 of the WAD file, lower-case hex.</summary>
    /// <example>5e3b2a0d2c4f1f7a9b8c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a</example>
    public string? FileHash { get; init; }

    /// <summary>Size of the WAD file in bytes.</summary>
    /// <example>28178880</example>
    public long? FileSize { get; init; }

    /// <summary>The scenario the level is played in.</summary>
    /// <example>defend_the_center</example>
    public string? Scenario { get; init; }

    /// <summary>Level metadata: format, counts, bounds, starts, monsters and items per skill, keys, exits, secrets.</summary>
    public JsonElement? Metadata { get; init; }

    /// <example>2026-11-25T16:00:00Z</example>
    public DateTime CreatedAt { get; init; }

    /// <example>2026-11-25T16:00:00Z</example>
    public DateTime UpdatedAt { get; init; }

    /// <summary>The IWAD the upload named (null: chosen by the level names).</summary>
    /// <example>freedoom2.wad</example>
    public string? Iwad { get; init; }

    /// <summary>SHA-256 of the resource WADs the upload carried, in load order.</summary>
    public IReadOnlyList<string> Resources { get; init; } = [];

    /// <summary>The engine the upload declared (vanilla, boom, mbf21, udmf; null: inferred per level).</summary>
    /// <example>boom</example>
    public string? Compatibility { get; init; }

    /// <summary>In the answer to an upload into a project, and from <c>GET /api/maps/{id}</c> for a project's revision: the project.</summary>
    /// <example>3</example>
    public long? ProjectId { get; init; }

    /// <summary>As project_id: the level's revision this map is (unchanged when the file was uploaded before).</summary>
    /// <example>2</example>
    public int? Revision { get; init; }

    internal static MapResponse From(Map map) => new()
    {
        Id = map.Id,
        Name = map.Name,
        LevelName = map.LevelName,
        FilePath = map.FilePath,
        FileHash = map.FileHash,
        FileSize = map.FileSize,
        Scenario = map.Scenario,
        Metadata = Infrastructure.ApiJson.Element(map.Metadata),
        Iwad = map.Iwad,
        Resources = map.Resources?.Split(',') ?? [],
        Compatibility = map.Compatibility,
        CreatedAt = map.CreatedAt,
        UpdatedAt = map.UpdatedAt,
    };
}
