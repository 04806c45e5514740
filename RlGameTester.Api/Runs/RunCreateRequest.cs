using System.Text.Json;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Data.Runs;
using RlGameTester.Domain.Agents;

namespace RlGameTester.Api.Runs;

/// <summary>A new run of an agent on a map; it waits in <c>pending</c> until started.</summary>
public sealed record RunCreateRequest : IValidatedRequest
{
    /// <summary>The map to play (required).</summary>
    /// <example>1</example>
    public long? MapId { get; init; }

    /// <summary>training, testing (default) or evaluation.</summary>
    /// <example>testing</example>
    public RunType? RunType { get; init; }

    /// <summary>The agent: explorer (built in) or arnold; default: arnold where the Worker has an Arnold installation, else explorer.</summary>
    /// <example>explorer</example>
    public string? Agent { get; init; }

    /// <summary>Arnold: the model to reload (absolute path).</summary>
    /// <example>/models/defend_the_center.pth</example>
    public string? AgentModel { get; init; }

    /// <summary>The scenario; defaults to the map's.</summary>
    /// <example>defend_the_center</example>
    public string? Scenario { get; init; }

    /// <summary>Seed for a reproducible run.</summary>
    /// <example>42</example>
    public int? Seed { get; init; }

    /// <summary>The agent's own settings (a JSON object). Explorer: skill (1-5, default 3), time_limit (seconds of game time, default 1800), position_interval (tics, default 4), frame_every (tics between the frames rendered along its path and checked for visual glitches, 0-2100, default 8; 0: none; at most 1,000 frames a run), compatibility (vanilla, boom, mbf21 or udmf, default the upload's: vanilla files render_limit bugs where the path passes vanilla's renderer limits); unknown keys are refused. Arnold: its command-line options.</summary>
    public JsonElement? Config { get; init; }

    /// <summary>The agent asked for, in the form <see cref="Agents"/> names it; null when the service's default is wanted.</summary>
    internal string? AgentName => string.IsNullOrWhiteSpace(Agent) ? null : Agent.Trim().ToLowerInvariant();

    void IValidatedRequest.Validate(RequestErrors errors)
    {
        errors.RequiredId("map_id", MapId);
        if (AgentName is { } agent && !Agents.All.Contains(agent))
        {
            errors.Add("agent", $"'{Agent}' is not a valid agent; allowed values: {string.Join(", ", Agents.All)}.");
        }

        errors.Text("agent_model", AgentModel, 1024, required: false);
        errors.Text("scenario", Scenario, 100, required: false);
        errors.JsonObject("config", Config);
        if (AgentName == Agents.Explorer)
        {
            ValidateExplorerConfig(errors);
        }
    }

    /// <summary>The explorer's settings in <see cref="Config"/>: known keys, values in range.</summary>
    internal void ValidateExplorerConfig(RequestErrors errors)
    {
        if (!ExplorerSettings.TryRead(Config, out _, out var settingErrors))
        {
            foreach (var (field, message) in settingErrors)
            {
                errors.Add(field, message);
            }
        }
    }
}
