using RlGameTester.Data.Maps;

namespace RlGameTester.Data.Projects;

/// <summary>
/// One revision of a level of a project: the map (a level of an uploaded file) that the upload numbered
/// <see cref="Revision"/> for that level name. Maps stay one per file and level; a file uploaded again unchanged adds no
/// revision, and a file going back to an earlier content adds one pointing at the earlier map.
/// </summary>
public sealed class LevelRevision
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public Project? Project { get; set; }

    /// <summary>The level's name in the WAD (MAP01, E1M1): what makes two uploads the same level.</summary>
    public required string LevelName { get; set; }

    /// <summary>1, 2, ... per project and level name.</summary>
    public int Revision { get; set; }

    public long MapId { get; set; }

    public Map? Map { get; set; }

    public DateTime CreatedAt { get; set; }
}
