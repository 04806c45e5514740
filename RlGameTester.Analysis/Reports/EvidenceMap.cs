using System.Text.Json;

namespace RlGameTester.Analysis.Reports;

/// <summary>The level: its names, when it was checked, and its stored metadata (counts, starts, keys, exits, secrets).</summary>
internal sealed record EvidenceMap
{
    public long Id { get; init; }

    public required string Name { get; init; }

    public string? LevelName { get; init; }

    public string? Scenario { get; init; }

    public string? FileHash { get; init; }

    /// <summary>The IWAD the upload named; null: chosen by the level's name.</summary>
    public string? Iwad { get; init; }

    /// <summary>SHA-256 of the resource WADs loaded with the level, in load order (empty: none).</summary>
    public IReadOnlyList<string> Resources { get; init; } = [];

    /// <summary>The engine the upload declared; null: inferred per level.</summary>
    public string? Compatibility { get; init; }

    /// <summary>When the static checks ran; null while they are queued.</summary>
    public DateTime? CheckedAt { get; init; }

    /// <summary>The level's metadata as stored at upload.</summary>
    public JsonElement? Level { get; init; }
}
