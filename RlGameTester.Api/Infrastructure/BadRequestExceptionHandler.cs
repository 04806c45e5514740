using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using RlGameTester.Data.Runs;
using RlGameTester.Domain;
using RlGameTester.Domain.Bugs;
using RlGameTester.Domain.Events;

namespace RlGameTester.Api.Infrastructure;

/// <summary>
/// Turns requests the framework cannot bind (malformed JSON, a wrong type, an unknown enum value, a
/// query value that is not a number, a body too large) into a 400 (or 413) ProblemDetails that names the
/// field and the reason, instead of an empty 400.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    private static readonly (Type Type, string Allowed)[] Enums =
    [
        (typeof(RunType), SnakeCase.AllowedValues<RunType>()),
        (typeof(RunStatus), SnakeCase.AllowedValues<RunStatus>()),
        (typeof(EventType), SnakeCase.AllowedValues<EventType>()),
        (typeof(BugType), SnakeCase.AllowedValues<BugType>()),
        (typeof(BugSeverity), SnakeCase.AllowedValues<BugSeverity>()),
        (typeof(DetectionSource), SnakeCase.AllowedValues<DetectionSource>()),
    ];

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var status = bad.StatusCode is StatusCodes.Status413PayloadTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
        var problem = new ProblemDetails { Status = status, Title = "The request could not be read" };
        if (bad.InnerException is JsonException json)
        {
            var field = FieldName(json.Path);
            var reason = EnumReason(json.Message) ?? JsonReason(json);
            problem.Title = "The request body is not valid";
            problem.Detail = $"{field}: {reason}";
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [reason] };
        }
        else if (FrameworkProblems.Binding(bad.Message) is var (field, reason))
        {
            problem.Title = "The request is not valid";
            problem.Detail = $"{field}: {reason}";
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [reason] };
        }
        else
        {
            problem.Detail = bad.Message;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary><c>$.events[3].event_type</c> becomes <c>events[3].event_type</c>; the whole body is <c>body</c>.</summary>
    private static string FieldName(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$').TrimStart('.');

    private static string? EnumReason(string message)
    {
        foreach (var (type, allowed) in Enums)
        {
            if (message.Contains(type.FullName!, StringComparison.Ordinal))
            {
                return $"not a valid value; allowed values: {allowed}.";
            }
        }

        return null;
    }

    private static string JsonReason(JsonException json)
    {
        // The framework's message carries the CLR type and position; keep the part a client can act on.
        var message = json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        if (NotConverted().Match(message) is { Success: true } converted)
        {
            return $"must be {FrameworkProblems.Describe(converted.Groups["type"].Value)}.";
        }

        return message.Replace("System.", string.Empty, StringComparison.Ordinal);
    }

    [GeneratedRegex("^The JSON value could not be converted to (?<type>\\S+)\\.$", RegexOptions.CultureInvariant)]
    private static partial Regex NotConverted();
}
