using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RlGameTester.Api.Bugs;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Api.Security;
using RlGameTester.Data;
using RlGameTester.Data.Bugs;
using RlGameTester.Data.Projects;

namespace RlGameTester.Api.Projects;

/// <summary>
/// Projects group uploads (<c>POST /api/maps</c> with the form field <c>project</c>); a level uploaded again into a
/// project is a new revision of it. Lists projects and their levels, a level's revisions, and what changed in the level
/// checks' findings between two revisions.
/// </summary>
internal static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder routes)
    {
        var projects = routes.MapGroup("/api/projects").WithTags("Projects");
        projects.MapPost("/", CreateProject).WithName("CreateProject").CanConflict()
            .WithSummary("Make a project")
            .WithDescription("A named group of uploads; upload into it with the form field project of POST /api/maps. 409 when the name is taken.");
        projects.MapGet("/", ListProjects).WithName("ListProjects")
            .WithSummary("List projects")
            .WithDescription("Every project with its levels and each level's latest revision.");
        projects.MapGet("/{id:long}", GetProject).WithName("GetProject").CanBeMissing()
            .WithSummary("Get a project")
            .WithDescription("The project with its levels and each level's latest revision.");
        projects.MapDelete("/{id:long}", DeleteProject).WithName("DeleteProject").CanBeMissing()
            .WithSummary("Delete a project")
            .WithDescription("The project and its revision history; the maps (and their runs and findings) stay.");
        projects.MapGet("/{id:long}/levels/{level}/revisions", ListRevisions).WithName("ListLevelRevisions").CanBeMissing()
            .WithSummary("A level's revisions")
            .WithDescription("Every revision of the level in the project, oldest first, each the map it is.");
        projects.MapGet("/{id:long}/levels/{level}/compare", CompareRevisions).WithName("CompareLevelRevisions").CanBeMissing().CanConflict()
            .WithSummary("Compare two revisions of a level")
            .WithDescription("The level checks' findings new in revision to, fixed since revision from, and unchanged, matched by check, element and place. Default: the latest against the one before. 409 until both are checked.");
        return routes;
    }

    internal static async Task<Results<Created<ProjectResponse>, ProblemHttpResult>> CreateProject(
        ProjectCreateRequest request, RlgtDbContext db, HttpContext context, TimeProvider clock, CancellationToken cancellationToken)
    {
        var project = new Project { Name = request.Name!.Trim(), CreatedBy = Callers.Of(context.User), CreatedAt = clock.GetUtcNow().UtcDateTime };
        if (await db.Projects.AnyAsync(p => p.Name == project.Name, cancellationToken))
        {
            return NameTaken(project.Name);
        }

        db.Projects.Add(project);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Made by another request since the look above.
            return NameTaken(project.Name);
        }

        return TypedResults.Created($"/api/projects/{project.Id}", new ProjectResponse(project.Id, project.Name, project.CreatedBy, project.CreatedAt, []));
    }

    internal static async Task<Ok<List<ProjectResponse>>> ListProjects(RlgtDbContext db, [AsParameters] PageQuery page, CancellationToken cancellationToken)
    {
        var projects = await db.Projects.AsNoTracking().OrderBy(p => p.Id).Skip(page.Offset).Take(page.Take()).ToListAsync(cancellationToken);
        var levels = await LevelsOfAsync(db, [.. projects.Select(p => p.Id)], cancellationToken);
        return TypedResults.Ok(projects.ConvertAll(p => Response(p, levels)));
    }

    internal static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> GetProject(long id, RlgtDbContext db, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return project is null
            ? Problems.NotFound("project", id)
            : TypedResults.Ok(Response(project, await LevelsOfAsync(db, [id], cancellationToken)));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteProject(long id, RlgtDbContext db, CancellationToken cancellationToken) =>
        await db.Projects.Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken) == 0 ? Problems.NotFound("project", id) : TypedResults.NoContent();

    internal static async Task<Results<Ok<List<LevelRevisionResponse>>, ProblemHttpResult>> ListRevisions(
        long id, string level, RlgtDbContext db, CancellationToken cancellationToken)
    {
        var revisions = await RevisionsAsync(db, id, level, cancellationToken);
        return revisions switch
        {
            null => Problems.NotFound("project", id),
            { Count: 0 } => Problems.NotFound("Level not found", $"Project {id} has no level {level}."),
            _ => TypedResults.Ok(revisions),
        };
    }

    internal static async Task<Results<Ok<RevisionComparisonResponse>, ProblemHttpResult, ValidationProblem>> CompareRevisions(
        long id, string level, [AsParameters] CompareQuery query, RlgtDbContext db, CancellationToken cancellationToken)
    {
        var revisions = await RevisionsAsync(db, id, level, cancellationToken);
        if (revisions is null)
        {
            return Problems.NotFound("project", id);
        }

        var to = query.To ?? (revisions.Count == 0 ? 0 : revisions[^1].Revision);
        var from = query.From ?? to - 1;
        var later = revisions.FirstOrDefault(r => r.Revision == to);
        var earlier = revisions.FirstOrDefault(r => r.Revision == from);
        if (later is null || earlier is null)
        {
            return Problems.NotFound("Revision not found",
                revisions.Count < 2 && query.From is null
                    ? $"Level {level} of project {id} has {revisions.Count} revision(s): there is nothing to compare yet."
                    : $"Level {level} of project {id} has revisions {string.Join(", ", revisions.Select(r => r.Revision))}; asked for {from} and {to}.");
        }

        if (earlier.CheckedAt is null || later.CheckedAt is null)
        {
            var pending = earlier.CheckedAt is null ? earlier : later;
            return Problems.Conflict("Not checked yet", $"Revision {pending.Revision} (map {pending.MapId}) is not checked yet: ask again once GET /api/maps/{pending.MapId}/checks has checked_at.");
        }

        var before = await db.Bugs.AsNoTracking().LevelFindings(earlier.MapId).ToListAsync(cancellationToken);
        var after = await db.Bugs.AsNoTracking().LevelFindings(later.MapId).ToListAsync(cancellationToken);
        var (added, fixedOnes, unchanged) = FindingMatch.Compare(before, after);
        return TypedResults.Ok(new RevisionComparisonResponse(id, level, earlier, later,
            added.ConvertAll(BugResponse.From), fixedOnes.ConvertAll(BugResponse.From), unchanged.ConvertAll(BugResponse.From)));
    }

    private static ProblemHttpResult NameTaken(string name) =>
        Problems.Conflict("Project name taken", $"A project named '{name}' exists: upload into it, or choose another name.");

    /// <summary>The level's revisions oldest first; null when the project does not exist.</summary>
    private static async Task<List<LevelRevisionResponse>?> RevisionsAsync(RlgtDbContext db, long projectId, string level, CancellationToken cancellationToken)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return null;
        }

        return await db.LevelRevisions.AsNoTracking()
            .Where(r => r.ProjectId == projectId && r.LevelName == level)
            .OrderBy(r => r.Revision)
            .Select(r => new LevelRevisionResponse(r.Revision, r.MapId, r.Map!.FilePath, r.Map.FileHash, r.Map.CheckedAt, r.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    private static async Task<ILookup<long, ProjectLevelResponse>> LevelsOfAsync(RlgtDbContext db, IReadOnlyCollection<long> projectIds, CancellationToken cancellationToken)
    {
        var rows = await db.LevelRevisions.AsNoTracking()
            .Where(r => projectIds.Contains(r.ProjectId))
            .Select(r => new { r.ProjectId, r.LevelName, Revision = new LevelRevisionResponse(r.Revision, r.MapId, r.Map!.FilePath, r.Map.FileHash, r.Map.CheckedAt, r.CreatedAt) })
            .ToListAsync(cancellationToken);
        return rows
            .GroupBy(r => (r.ProjectId, r.LevelName))
            .Select(g => (g.Key.ProjectId, Level: new ProjectLevelResponse(g.Key.LevelName, g.Count(), g.MaxBy(r => r.Revision.Revision)!.Revision)))
            .OrderBy(l => l.Level.LevelName, StringComparer.Ordinal)
            .ToLookup(l => l.ProjectId, l => l.Level);
    }

    private static ProjectResponse Response(Project project, ILookup<long, ProjectLevelResponse> levels) =>
        new(project.Id, project.Name, project.CreatedBy, project.CreatedAt, [.. levels[project.Id]]);
}
