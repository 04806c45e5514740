namespace RlGameTester.Domain.Events;

/// <summary>
/// The telemetry vocabulary every agent speaks (the README's "How a run flows"), so detectors, metrics and reports
/// never care which agent ran. Stored and serialised in snake_case (<c>health_change</c>).
/// </summary>
public enum EventType
{
    RunStart,
    Config,
    /// <summary>Agent setup lines: available buttons and actions, reward values, input shape, model reload.</summary>
    Setup,
    Iteration,
    /// <summary>A training loss value (DQN loss, game features loss).</summary>
    Loss,
    EvaluationStart,
    EvaluationEnd,
    EpisodeStart,
    EpisodeEnd,
    HealthChange,
    ArmorChange,
    AmmoChange,
    WeaponChange,
    WeaponPickup,
    ItemPickup,
    KeyPickup,
    Kill,
    Death,
    Suicide,
    Respawn,
    Position,

    /// <summary>The player jumped (a port that lets players jump), from the event's x, y.</summary>
    Jump,
    Teleport,
    LineActivated,
    StuckCandidate,
    ExitReached,

    /// <summary>A thing the player destroyed that is no kill (an explosive barrel shot out of the way).</summary>
    ThingDestroyed,

    /// <summary>Something the agent found itself (the explorer's unreachable exit, softlock, death zone...): an <see cref="AgentFinding"/> payload.</summary>
    Finding,
    ModelSave,
    /// <summary>A per-map statistics block (deathmatch evaluation).</summary>
    Statistics,
    /// <summary>An evaluation summary: iterations, episodes, kills by episode, survival times, <c>__log__</c> JSON.</summary>
    Summary,
    Warning,
    Crash,
    /// <summary>A line the parser did not understand: kept raw, never dropped.</summary>
    LogLine,
}
