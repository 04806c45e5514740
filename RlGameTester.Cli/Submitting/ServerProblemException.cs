namespace RlGameTester.Cli.Submitting;

/// <summary>The server refused a request: its status and the ProblemDetails' title and detail, for the exit-2 message.</summary>
internal sealed class ServerProblemException(string message) : Exception(message);
