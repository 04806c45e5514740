using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RlGameTester.Api.Bugs;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Data;
using RlGameTester.Data.Bugs;
using RlGameTester.Data.Runs;
using RlGameTester.Domain;

namespace RlGameTester.Api.Runs;

/// <summary>
/// What changed in the findings between two runs of one level (<c>GET /api/runs/compare</c>), matched as revisions are
/// (<see cref="FindingMatch"/>: check, element and place), so a designer sees what a fix or a rebalance did to play.
/// </summary>
internal static class RunComparison
{
    internal static async Task<Results<Ok<RunComparisonResponse>, ProblemHttpResult, ValidationProblem>> CompareRuns(
        [AsParameters] RunCompareQuery query, RlgtDbContext db, CancellationToken cancellationToken)
    {
        long[] ids = [query.From!.Value, query.To!.Value];
        var runs = await db.Runs.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var missing = ids.Where(id => !runs.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            return Problems.NotFound("Run not found", $"There is no run with id {string.Join(" or ", missing)}.");
        }

        var (earlier, later) = (runs[ids[0]], runs[ids[1]]);
        if (earlier.MapId != later.MapId)
        {
            // Findings of two levels share no places; two revisions of a project level compare by their own endpoint.
            return Problems.Invalid("to", $"run {later.Id} is of level {later.MapId} and run {earlier.Id} of level {earlier.MapId}: runs compare only on one level "
                + "(two revisions of a project level compare with GET /api/projects/{id}/levels/{level}/compare).");
        }

        if (new[] { earlier, later }.FirstOrDefault(r => r.Status is RunStatus.Pending or RunStatus.Running) is { } playing)
        {
            return Problems.Conflict("Run not ended", $"Run {playing.Id} is {SnakeCase.Of(playing.Status)}: its findings are still coming; compare once it has ended.");
        }

        var before = await db.Bugs.AsNoTracking().Where(b => b.RunId == earlier.Id).OrderBy(b => b.Id).ToListAsync(cancellationToken);
        var after = await db.Bugs.AsNoTracking().Where(b => b.RunId == later.Id).OrderBy(b => b.Id).ToListAsync(cancellationToken);
        var (added, fixedOnes, unchanged) = FindingMatch.Compare(before, after);
        return TypedResults.Ok(new RunComparisonResponse(RunResponse.From(earlier), RunResponse.From(later),
            added.ConvertAll(BugResponse.From), fixedOnes.ConvertAll(BugResponse.From), unchanged.ConvertAll(BugResponse.From)));
    }
}

/// <summary>The two runs to compare: <c>from</c> the earlier, <c>to</c> the later (both required, of one level).</summary>
internal sealed record RunCompareQuery(
    [property: FromQuery(Name = "from")] long? From,
    [property: FromQuery(Name = "to")] long? To) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        errors.RequiredId("from", From);
        errors.RequiredId("to", To);
        if (From is { } from && from == To)
        {
            errors.Add("to", $"must be another run than from; both are {from}.");
        }
    }
}

/// <summary>
/// Two runs' findings, matched by check, element and place (never by id): new in the later run, fixed (found in the
/// earlier, not the later), and unchanged (listed as the later run has them).
/// </summary>
public sealed record RunComparisonResponse(
    RunResponse From,
    RunResponse To,
    IReadOnlyList<BugResponse> New,
    IReadOnlyList<BugResponse> Fixed,
    IReadOnlyList<BugResponse> Unchanged);
