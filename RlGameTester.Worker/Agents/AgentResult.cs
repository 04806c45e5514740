namespace RlGameTester.Worker.Agents;

/// <summary>How an agent's play ended.</summary>
/// <param name="Succeeded">True when the agent finished normally (or was stopped at its limit, for training).</param>
/// <param name="FailureReason">Why it failed, in words a user can act on; null on success.</param>
/// <param name="ExitCode">The agent process's exit code, for agents that run a process.</param>
/// <param name="StderrTail">The last lines the process wrote to stderr (a Python traceback, say).</param>
/// <param name="Crash">A crash report (a Python traceback) that becomes a <c>crash</c> bug; null when none.</param>
public sealed record AgentResult(
    bool Succeeded,
    string? FailureReason = null,
    int? ExitCode = null,
    string? StderrTail = null,
    string? Crash = null);
