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

    /// <summary>The IWAD the upload named (a file of the server's IWAD folder); null: chosen by the level names.</summary>
    public string? Iwad { get; set; }

    /// <summary>SHA-256 of the resource WADs the upload carried, comma-separated in load order; null: none.</summary>
    public string? Resources { get; set; }

    /// <summary>The engine the upload declared (vanilla, boom, mbf21, udmf); null: inferred per level.</summary>
    public string? Compatibility { get; set; }

    /// <summary>Empty for the default load order, else its SHA-256 (<c>LoadOrder.Hash</c>): with the file and level, what makes a map.</summary>
    public string LoadHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<Runs.Run> Runs { get; } = [];
}
