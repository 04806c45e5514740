using System.Text.Json.Nodes;
using RlGameTester.Data.Runs;
using RlGameTester.Domain.Levels;

namespace RlGameTester.Worker.Agents;

/// <summary>What an agent is asked to play.</summary>
/// <param name="RunId">The run being played.</param>
/// <param name="RunType">Training, testing or evaluation.</param>
/// <param name="WorkingDirectory">A folder of the run's own; the agent may write anything there.</param>
/// <param name="WadPath">The level's WAD, already fetched from blob storage into the working folder.</param>
/// <param name="MapName">The level's marker name (<c>E1M1</c>, <c>MAP01</c>).</param>
/// <param name="Scenario">The scenario the map was uploaded for (Arnold: <c>defend_the_center</c>, <c>deathmatch</c>...), if any.</param>
/// <param name="Seed">Seed for reproducible runs, if given.</param>
/// <param name="Settings">The agent's own settings from the run (<c>config</c>): skill, time limit, Arnold arguments...</param>
/// <param name="StartedAt">When the run started (UTC): agents without a wall clock derive event times from it.</param>
/// <param name="Load">What the upload declared a port loads with the level (IWAD, resource WADs, compatibility); null: the default.</param>
public sealed record AgentRun(
    long RunId,
    RunType RunType,
    string WorkingDirectory,
    string WadPath,
    string MapName,
    string? Scenario,
    int? Seed,
    JsonObject Settings,
    DateTime StartedAt,
    LoadOrder? Load = null);
