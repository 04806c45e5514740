using System.Net;

namespace RlGameTester.Cli.Submitting;

/// <summary>The server refused a request: its status and the ProblemDetails' title and detail, for the exit-2 message.</summary>
internal sealed class ServerProblemException(string message, HttpStatusCode? status = null) : Exception(message)
{
    /// <summary>The answer's status; null when no answer came (the wait passed the timeout).</summary>
    public HttpStatusCode? Status { get; } = status;
}
