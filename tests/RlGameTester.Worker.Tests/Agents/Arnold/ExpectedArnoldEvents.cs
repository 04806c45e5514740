using RlGameTester.Domain.Events;

namespace RlGameTester.Worker.Tests.Agents.Arnold;

/// <summary>
/// What an Arnold log should yield, per event type, decided the naive way: split each record at its
/// " - " separators and look at the message with plain string checks, as one would with grep. It shares
/// no code with the parser, so a count that agrees means something.
/// </summary>
internal static class ExpectedArnoldEvents
{
    private static readonly string[] SetupPrefixes =
    [
        "Experiment will be saved in: ", "Input shape: ", "Conv layer output dim : ", "Hidden layer input dim: ",
        "Reloading model from ", "Starting experiment...", "Training on map ", "Evaluating on map ", "Reward values:",
    ];

    public static Dictionary<EventType, int> Count(IEnumerable<string> lines)
    {
        var counts = new Dictionary<EventType, int>();
        void Add(EventType type) => counts[type] = counts.GetValueOrDefault(type) + 1;

        var evaluationOpen = false;
        var episodeOpen = false;
        var inStatistics = false;
        var previousMessage = "";
        foreach (var line in lines)
        {
            var isRecord = line.StartsWith("INFO [", StringComparison.Ordinal) || line.StartsWith("WARNING [", StringComparison.Ordinal);
            if (!isRecord)
            {
                if (line.StartsWith("Traceback (most recent call last):", StringComparison.Ordinal))
                {
                    Add(EventType.Crash);
                }
                else if (!line.StartsWith(' ') && line.Trim().Length > 0)
                {
                    // Annotations (### ..., [... ...]) and anything else that is not Arnold's.
                    Add(EventType.LogLine);
                }

                // Indented lines continue their record.
                continue;
            }

            var message = line.Split(" - ", 4)[3];
            if (inStatistics && IsStatisticsRow(message))
            {
                continue;
            }

            inStatistics = false;
            var previous = previousMessage;
            previousMessage = message;

            switch (message)
            {
                case "Kill":
                    Add(EventType.Kill);
                    continue;
                case "Dead":
                    Add(EventType.Death);
                    continue;
                case "Suicide":
                    Add(EventType.Suicide);
                    continue;
                case "Respawn player":
                    Add(EventType.Respawn);
                    continue;
                case "New episode":
                    Add(EventType.EpisodeStart);
                    episodeOpen = true;
                    continue;
                case "Evaluating the model...":
                    Add(EventType.EvaluationStart);
                    Add(EventType.EpisodeStart);
                    evaluationOpen = episodeOpen = true;
                    continue;
                case "===============":
                    Add(EventType.EpisodeEnd);
                    episodeOpen = false;
                    continue;
                case "========== Running DOOM ==========":
                    Add(EventType.RunStart);
                    evaluationOpen = episodeOpen = false;
                    continue;
                case "Activated manual control":
                    Add(EventType.StuckCandidate);
                    continue;
                case "SELECTED WEAPON is -1!" or "SELECTED AMMO is -1!":
                    Add(EventType.Warning);
                    continue;
            }

            if (message.EndsWith(" kills.", StringComparison.Ordinal) || message.StartsWith("Survived for ", StringComparison.Ordinal))
            {
                // Joined with the "===============" that follows into one episode_end.
                continue;
            }

            if (message.StartsWith("Lost health", StringComparison.Ordinal) || message.StartsWith("Found health", StringComparison.Ordinal))
            {
                Add(EventType.HealthChange);
            }
            else if (message.StartsWith("Lost armor", StringComparison.Ordinal) || message.StartsWith("Found armor", StringComparison.Ordinal))
            {
                Add(EventType.ArmorChange);
            }
            else if (message.StartsWith("Lost ammo: ", StringComparison.Ordinal) || message.StartsWith("Found ammo: ", StringComparison.Ordinal))
            {
                Add(EventType.AmmoChange);
            }
            else if (message.StartsWith("Switched weapon: ", StringComparison.Ordinal) || message.StartsWith("Manual weapon change: ", StringComparison.Ordinal))
            {
                Add(EventType.WeaponChange);
            }
            else if (message.StartsWith("Found weapon: ", StringComparison.Ordinal))
            {
                Add(EventType.WeaponPickup);
            }
            else if (message.StartsWith("=== Iteration ", StringComparison.Ordinal))
            {
                Add(EventType.Iteration);
            }
            else if (message.StartsWith("DQN loss: ", StringComparison.Ordinal) || message.StartsWith("Game features loss: ", StringComparison.Ordinal))
            {
                Add(EventType.Loss);
            }
            else if (message.StartsWith("scenario: ", StringComparison.Ordinal))
            {
                Add(EventType.Config);
            }
            else if (message.Contains(" available buttons: ", StringComparison.Ordinal) || message.EndsWith(" available actions:", StringComparison.Ordinal))
            {
                Add(EventType.Setup);
            }
            else if (SetupPrefixes.Any(prefix => message.StartsWith(prefix, StringComparison.Ordinal)))
            {
                Add(EventType.Setup);
                if (message.StartsWith("Training on map ", StringComparison.Ordinal))
                {
                    evaluationOpen = episodeOpen = false;
                }
            }
            else if (message.StartsWith("{'", StringComparison.Ordinal))
            {
                // The reward dict joins its "Reward values:" header.
                if (previous != "Reward values:")
                {
                    Add(EventType.Setup);
                }
            }
            else if (message.StartsWith("New best score: ", StringComparison.Ordinal) || message.StartsWith("Best model dump: ", StringComparison.Ordinal)
                || message.StartsWith("Periodic dump: ", StringComparison.Ordinal))
            {
                Add(EventType.ModelSave);
            }
            else if (message.EndsWith(" iterations", StringComparison.Ordinal) || message.EndsWith(" episodes.", StringComparison.Ordinal)
                || message.StartsWith("Kills by episode: ", StringComparison.Ordinal) || message.EndsWith(" kills / episode average.", StringComparison.Ordinal)
                || message.StartsWith("Survival time by episode: ", StringComparison.Ordinal) || message.EndsWith(" survival time / episode average.", StringComparison.Ordinal))
            {
                Add(EventType.Summary);
            }
            else if (message.StartsWith("__log__:", StringComparison.Ordinal))
            {
                Add(EventType.Summary);
                if (evaluationOpen && episodeOpen)
                {
                    // Deathmatch logs no episode end: the evaluation's end closes its episode.
                    Add(EventType.EpisodeEnd);
                }

                Add(EventType.EvaluationEnd);
                evaluationOpen = episodeOpen = false;
            }
            else if (message.Contains("Game statistics summary", StringComparison.Ordinal))
            {
                Add(EventType.Statistics);
                inStatistics = true;
            }
            else if (message.EndsWith(" is still dead after respawn.", StringComparison.Ordinal))
            {
                Add(EventType.Warning);
            }
            else
            {
                Add(line.StartsWith("WARNING", StringComparison.Ordinal) ? EventType.Warning : EventType.LogLine);
            }
        }

        return counts;
    }

    /// <summary>A row of the statistics table: blank, <c>MapNN ...</c>, or <c>Label: numbers</c>.</summary>
    private static bool IsStatisticsRow(string message)
    {
        var text = message.Trim();
        if (text.Length == 0 || text.StartsWith("Map", StringComparison.Ordinal))
        {
            return true;
        }

        var colon = text.LastIndexOf(':');
        return colon > 0 && text[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .All(value => double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _));
    }
}
