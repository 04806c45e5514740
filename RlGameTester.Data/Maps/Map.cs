namespace RlGameTester.Data.Maps;

/// <summary>One level: uploaded in a WAD (one row per level in the file) or registered by path.</summary>
public sealed class Map
{
    public long Id { get; set; }

    /// <summary>Display name (the level name unless the uploader chose one).</summary>
    public required string Name { get; set; }

    /// <summary>The level's marker lump (<c>E1M1</c>, <c>MAP01</c>); null for maps registered without a readable WAD.</summary>
    public string? LevelName { get; set; }

    /// <summary>Where the WAD was imported from, for maps created from the import folder.</summary>
    public string? FilePath { get; set; }

    /// <summary>SHA-256 of the WAD's bytes (lower-case hex): identifies the file and its blob.</summary>
    public string? FileHash { get; set; }

    /// <summary>The blob holding the WAD, one per distinct file.</summary>
    public string? BlobName { get; set; }

    /// <summary>Size of the WAD in bytes.</summary>
    public long? FileSize { get; set; }

    /// <summary>The scenario the level is played in (<c>defend_the_center</c>, <c>deathmatch</c>...).</summary>
    public string? Scenario { get; set; }

    /// <summary>Level metadata as JSON (format, counts, bounds, starts, monsters and items per skill, keys, exits, secrets).</summary>
    public string? Metadata { get; set; }

    /// <summary>When the static level checks last ran on this level; null until they have.</summary>
    public DateTime? CheckedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<Runs.Run> Runs { get; } = [];
}
