using System.Diagnostics;

// In the Worker's root namespace, not Arnold's: it is the whole Worker's source of spans and belongs at the
// project's root; it lives in this folder only until the Worker has a place for cross-cutting code.
namespace RlGameTester.Worker;

/// <summary>The Worker's one <see cref="ActivitySource"/> (spans around runs, jobs and agent processes).</summary>
internal static class WorkerTelemetry
{
    public const string SourceName = "RlGameTester.Worker";

    public static readonly ActivitySource ActivitySource = new(SourceName);
}
