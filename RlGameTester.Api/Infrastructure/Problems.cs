using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RlGameTester.Data;
using RlGameTester.Data.Runs;

namespace RlGameTester.Api.Infrastructure;

/// <summary>ProblemDetails bodies that say what went wrong, for every error the API returns.</summary>
internal static class Problems
{
    public static NotFound<ProblemDetails> NotFound(string what, long id) =>
        TypedResults.NotFound(new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = $"{Capitalise(what)} not found",
            Detail = $"There is no {what} with id {id}.",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        });

    public static NotFound<ProblemDetails> NotFound(string title, string detail) =>
        TypedResults.NotFound(new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = title,
            Detail = detail,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        });

    public static Conflict<ProblemDetails> Conflict(string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = title,
            Detail = detail,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return TypedResults.Conflict(problem);
    }

    /// <summary>409 for a lifecycle move the run's current state does not allow, naming that state.</summary>
    public static Conflict<ProblemDetails> IllegalTransition(long runId, RunTransition transition, RunStatus current) =>
        Conflict(
            "Illegal run state transition",
            $"Run {runId} is {SnakeCase.Of(current)}; '{SnakeCase.Of(transition)}' is allowed only from {string.Join(" or ", RunLifecycle.AllowedFrom(transition).Select(SnakeCase.Of))}.",
            new Dictionary<string, object?> { ["current_status"] = SnakeCase.Of(current) });

    public static ValidationProblem Invalid(string field, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] });

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
