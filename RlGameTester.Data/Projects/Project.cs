namespace RlGameTester.Data.Projects;

/// <summary>
/// A group of uploads, as a map set is developed: a level uploaded again into the project under the same name is a new
/// <see cref="LevelRevision"/> of it, so its findings can be compared revision by revision.
/// </summary>
public sealed class Project
{
    public long Id { get; set; }

    /// <summary>Unique, as its team names it.</summary>
    public required string Name { get; set; }

    /// <summary>The caller that made it (an API key's prefix or a token's subject).</summary>
    public string? CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<LevelRevision> Revisions { get; } = [];
}
