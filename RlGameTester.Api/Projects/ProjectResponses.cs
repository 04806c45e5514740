using RlGameTester.Api.Bugs;
using RlGameTester.Api.Infrastructure;

namespace RlGameTester.Api.Projects;

/// <summary>A project to make.</summary>
public sealed record ProjectCreateRequest : IValidatedRequest
{
    /// <summary>Its name, unique (required, at most 200 characters).</summary>
    /// <example>Episode 2</example>
    public string? Name { get; init; }

    void IValidatedRequest.Validate(RequestErrors errors) => errors.Text("name", Name, 200, required: true);
}

/// <summary>A project and its levels, each with its latest revision.</summary>
public sealed record ProjectResponse(long Id, string Name, string? CreatedBy, DateTime CreatedAt, IReadOnlyList<ProjectLevelResponse> Levels);

/// <summary>A level of a project: how many revisions it has, and the latest.</summary>
public sealed record ProjectLevelResponse(string LevelName, int Revisions, LevelRevisionResponse Latest);

/// <summary>One revision of a level: the map (a level of an uploaded file) it is.</summary>
public sealed record LevelRevisionResponse(int Revision, long MapId, string? FilePath, string? FileHash, DateTime? CheckedAt, DateTime CreatedAt);

/// <summary>
/// Two revisions' findings side by side, matched by check, element and place (never by id): new in the later one, fixed
/// (gone from it), and unchanged (listed as the later revision has them).
/// </summary>
public sealed record RevisionComparisonResponse(
    long ProjectId,
    string LevelName,
    LevelRevisionResponse From,
    LevelRevisionResponse To,
    IReadOnlyList<BugResponse> New,
    IReadOnlyList<BugResponse> Fixed,
    IReadOnlyList<BugResponse> Unchanged);

/// <summary>Which revisions to compare: <c>from</c> and <c>to</c>, by default the latest and the one before it.</summary>
public sealed record CompareQuery(
    [property: Microsoft.AspNetCore.Mvc.FromQuery(Name = "from")] int? From,
    [property: Microsoft.AspNetCore.Mvc.FromQuery(Name = "to")] int? To) : IValidatedRequest
{
    void IValidatedRequest.Validate(RequestErrors errors)
    {
        if (From is < 1)
        {
            errors.Add("from", $"must be a revision, 1 or more; got {From}.");
        }

        if (To is < 1)
        {
            errors.Add("to", $"must be a revision, 1 or more; got {To}.");
        }
    }
}
