using Microsoft.AspNetCore.Http.HttpResults;
using RlGameTester.Data.Runs;
using RlGameTester.Domain;

namespace RlGameTester.Api.Infrastructure;

/// <summary>ProblemDetails bodies that say what went wrong, for every error the API returns.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string what, long id) =>
        NotFound($"{Capitalise(what)} not found", $"There is no {what} with id {id}.");

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: title);

    public static ProblemHttpResult Conflict(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title, extensions: extensions);

    /// <summary>409 for a lifecycle move the run's current state does not allow, naming that state.</summary>
    public static ProblemHttpResult IllegalTransition(long runId, RunTransition transition, RunStatus current) =>
        Conflict(
            "Illegal run state transition",
            $"Run {runId} is {SnakeCase.Of(current)}; '{SnakeCase.Of(transition)}' is allowed only from {string.Join(" or ", RunLifecycle.AllowedFrom(transition).Select(SnakeCase.Of))}.",
            new Dictionary<string, object?> { ["current_status"] = SnakeCase.Of(current) });

    /// <summary>400 for an id in the path that is 0 or negative.</summary>
    public static ValidationProblem InvalidId(string field, long id) => Invalid(field, $"must be a positive id; got {id}.");

    /// <summary>400 naming one bad field, worded like every other 400 (<see cref="RequestErrors"/>).</summary>
    public static ValidationProblem Invalid(string field, string reason)
    {
        var errors = new RequestErrors();
        errors.Add(field, reason);
        return errors.Problem();
    }

    /// <summary>
    /// Writes a ProblemDetails answer from outside an endpoint (authentication, the rate limiter), through the same
    /// service the endpoints' answers go through; the status is set on the response as well.
    /// </summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
