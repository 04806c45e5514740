using System.Globalization;
using System.Text.Json;
using RlGameTester.Doom.Checks;

namespace RlGameTester.Domain.Agents;

/// <summary>
/// The explorer agent's settings, read from a run's <c>config</c> object: <c>skill</c> (1-5, Doom's skill
/// levels: which things are on the map and whether damage is halved), <c>time_limit</c> (seconds of game time,
/// at 35 tics a second), <c>position_interval</c> (tics between position events), <c>frame_every</c> (tics between
/// the frames rendered along the path, 0 for none) and <c>compatibility</c> (the engine the run judges the level for,
/// over the upload's). The Api checks them when the run is created, so a run never reaches the Worker with settings it
/// cannot play.
/// </summary>
public sealed record ExplorerSettings
{
    public const int DefaultSkill = 3;
    public const int DefaultTimeLimitSeconds = 30 * 60;
    public const int MaxTimeLimitSeconds = 6 * 60 * 60;
    public const int DefaultPositionInterval = 4;
    public const int MaxPositionInterval = 350;
    // Every explorer run draws its path, so the frame checks run on every one: on frames the renderer drew, a finding
    // stands only where its note gives a cause (RenderedFrameGate), which left no false finding on the 100 freedoom and
    // FreeDM paths of bench/frame-eval.sh (2026-12-04). 8 tics: vanilla's bob differs between any two frames.
    public const int DefaultFrameEvery = 8;
    public const int MaxFrameEvery = 35 * 60;

    public int Skill { get; init; } = DefaultSkill;

    public int TimeLimitSeconds { get; init; } = DefaultTimeLimitSeconds;

    public int PositionInterval { get; init; } = DefaultPositionInterval;

    /// <summary>
    /// Tics between frames rendered along the path (taken at the first position sample on or after each step, so never
    /// closer than <see cref="PositionInterval"/>); 0: no frames.
    /// </summary>
    public int FrameEvery { get; init; } = DefaultFrameEvery;

    /// <summary>The engine this run judges the level for; null: the upload's (its load order's) compatibility.</summary>
    public CompatibilityLevel? Compatibility { get; init; }

    /// <summary>The game time limit in tics.</summary>
    public int TickLimit => TimeLimitSeconds * 35;

    /// <summary>Reads the settings; <paramref name="errors"/> names each bad key (unknown keys are errors too: a typo must not be ignored).</summary>
    public static bool TryRead(JsonElement? config, out ExplorerSettings settings, out Dictionary<string, string> errors)
    {
        errors = [];
        settings = new ExplorerSettings();
        if (config is not { ValueKind: JsonValueKind.Object } root)
        {
            return true;
        }

        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "skill" when Integer(property.Value, 1, 5, errors, "config.skill") is { } skill:
                    settings = settings with { Skill = skill };
                    break;
                case "time_limit" when Integer(property.Value, 1, MaxTimeLimitSeconds, errors, "config.time_limit") is { } limit:
                    settings = settings with { TimeLimitSeconds = limit };
                    break;
                case "position_interval" when Integer(property.Value, 1, MaxPositionInterval, errors, "config.position_interval") is { } interval:
                    settings = settings with { PositionInterval = interval };
                    break;
                case "frame_every" when Integer(property.Value, 0, MaxFrameEvery, errors, "config.frame_every") is { } every:
                    settings = settings with { FrameEvery = every };
                    break;
                case "compatibility" when ReadCompatibility(property.Value, errors) is { } level:
                    settings = settings with { Compatibility = level };
                    break;
                case "skill" or "time_limit" or "position_interval" or "frame_every" or "compatibility":
                    break;
                default:
                    errors[$"config.{property.Name}"] = "is not an explorer setting; the explorer takes skill (1-5), time_limit (seconds of game time), position_interval (tics), frame_every (tics, 0 for no frames) and compatibility (vanilla, boom, mbf21, udmf).";
                    break;
            }
        }

        return errors.Count == 0;
    }

    /// <summary>The same, from a config object's JSON text (the run's stored <c>config</c>).</summary>
    public static bool TryRead(string? configJson, out ExplorerSettings settings, out Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(configJson))
        {
            return TryRead((JsonElement?)null, out settings, out errors);
        }

        using var document = JsonDocument.Parse(configJson);
        return TryRead(document.RootElement, out settings, out errors);
    }

    private static CompatibilityLevel? ReadCompatibility(JsonElement value, Dictionary<string, string> errors)
    {
        if (value.ValueKind == JsonValueKind.String && Enum.TryParse<CompatibilityLevel>(value.GetString(), ignoreCase: true, out var level)
            && Enum.IsDefined(level) && !char.IsAsciiDigit(value.GetString()![0]))
        {
            return level;
        }

        errors["config.compatibility"] = $"must be one of vanilla, boom, mbf21, udmf; got {value.GetRawText()}.";
        return null;
    }

    private static int? Integer(JsonElement value, int min, int max, Dictionary<string, string> errors, string name)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors[name] = string.Create(CultureInfo.InvariantCulture, $"must be a whole number from {min} to {max}; got {value.GetRawText()}.");
        return null;
    }
}
