using RlGameTester.Domain.Agents;

namespace RlGameTester.Api.Runs;

/// <summary>The agents a run can choose.</summary>
internal static class Agents
{
    public const string Explorer = AgentNames.Explorer;
    public const string Arnold = AgentNames.Arnold;

    public static readonly string[] All = [Explorer, Arnold];
}
