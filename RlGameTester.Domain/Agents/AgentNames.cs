namespace RlGameTester.Domain.Agents;

/// <summary>The agents a run can be played by, as a run's <c>agent</c> names them.</summary>
public static class AgentNames
{
    /// <summary>The built-in explorer: plays a level from its geometry, without monsters.</summary>
    public const string Explorer = "explorer";

    /// <summary>The Arnold deep-RL agent, where it is installed.</summary>
    public const string Arnold = "arnold";

    /// <summary>Whether the agent fights: the explorer does not (monsters are not simulated), so it counts no kills.</summary>
    public static bool Fights(string agent) => !string.Equals(agent, Explorer, StringComparison.OrdinalIgnoreCase);
}
