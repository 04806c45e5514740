namespace RlGameTester.Api.Runs;

/// <summary>The agents a run can choose.</summary>
internal static class Agents
{
    public const string Explorer = "explorer";
    public const string Arnold = "arnold";

    public static readonly string[] All = [Explorer, Arnold];
}
