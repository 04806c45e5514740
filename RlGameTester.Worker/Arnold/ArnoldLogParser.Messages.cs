using RawText = System.ReadOnlyMemory<byte>;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using RlGameTester.Data.Events;

namespace RlGameTester.Worker.Arnold;

internal sealed partial class ArnoldLogParser
{
    private const string TracebackHeader = "Traceback (most recent call last):";
    private const string EpisodeSeparator = "===============";

    private static bool IsEpisodeSeparator(ReadOnlySpan<char> message) => message.SequenceEqual(EpisodeSeparator);

    /// <summary>Dispatches on the message's first character, then compares whole prefixes (ordinal, no regex).</summary>
    private void Dispatch(RawText line, ReadOnlySpan<char> message, RecordLevel level, List<TelemetryEvent> output)
    {
        var handled = message.IsEmpty ? false : message[0] switch
        {
            'K' => OnK(line, message, output),
            'L' => OnChange(line, message, "Lost ", output),
            'F' => OnF(line, message, output),
            'D' => OnD(line, message, output),
            'N' => OnN(line, message, output),
            '=' => OnEquals(line, message, output),
            'S' => OnS(line, message, level, output),
            'R' => OnR(line, message, output),
            'E' => OnE(line, message, output),
            'T' => OnT(line, message, output),
            'M' => OnM(line, message, output),
            'G' => OnG(line, message, output),
            'B' => OnPath(line, message, "Best model dump: ", "best", output),
            'P' => OnP(line, message, level, output),
            'A' => OnA(line, message, output),
            'I' => OnI(line, message, output),
            'C' => OnSetupNumber(line, message, "Conv layer output dim : ", "conv_output_dim", output),
            'H' => OnSetupNumber(line, message, "Hidden layer input dim: ", "hidden_input_dim", output),
            's' => OnConfig(line, message),
            '_' => OnLog(line, message, output),
            '*' => OnBlockHeader(line, message),
            '{' => OnRewardValues(line, message, output),
            >= '0' and <= '9' => OnNumber(line, message, output),
            _ => false,
        };

        if (!handled)
        {
            // An unknown WARNING (or ERROR, CRITICAL) is still a warning; unknown INFO or DEBUG is kept as a log line.
            var isInformation = level == RecordLevel.Info || line.Span.StartsWith("DEBUG "u8);
            StartPending(isInformation ? PendingKind.Unknown : PendingKind.UnknownWarning, line, message);
        }
    }

    private bool OnK(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        if (message is "Kill")
        {
            EmitSimple(EventType.Kill, line, output);
            return true;
        }

        return OnSummaryList(line, message, "Kills by episode: ", "kills_by_episode", output);
    }

    private bool OnD(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        if (message is "Dead")
        {
            EmitSimple(EventType.Death, line, output);
            return true;
        }

        return OnLoss(line, message, "DQN loss: ", "dqn", output);
    }

    private bool OnG(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output) =>
        OnLoss(line, message, "Game features loss: ", "game_features", output);

    private bool OnF(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        if (message.StartsWith("Found weapon: ", StringComparison.Ordinal))
        {
            var json = StartPayload();
            json.String("weapon", message["Found weapon: ".Length..]);
            EmitCurrent(EventType.WeaponPickup, json.Finish(), line, output);
            return true;
        }

        return OnChange(line, message, "Found ", output);
    }

    /// <summary><c>Lost|Found health (a -> b)</c>, <c>Lost|Found armor (a -> b)</c>, <c>Lost|Found ammo: kind (a -> b)</c>.</summary>
    private bool OnChange(RawText line, ReadOnlySpan<char> message, string verb, List<TelemetryEvent> output)
    {
        if (!message.StartsWith(verb, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = message[verb.Length..];
        EventType type;
        ReadOnlySpan<char> ammo = default;
        ReadOnlySpan<char> change;
        if (rest.StartsWith("health ", StringComparison.Ordinal))
        {
            type = EventType.HealthChange;
            change = rest["health ".Length..];
        }
        else if (rest.StartsWith("armor ", StringComparison.Ordinal))
        {
            type = EventType.ArmorChange;
            change = rest["armor ".Length..];
        }
        else if (rest.StartsWith("ammo: ", StringComparison.Ordinal))
        {
            type = EventType.AmmoChange;
            rest = rest["ammo: ".Length..];
            var space = rest.IndexOf(' ');
            if (space <= 0)
            {
                return false;
            }

            ammo = rest[..space];
            change = rest[(space + 1)..];
        }
        else
        {
            return false;
        }

        if (!JsonText.TryParseChange(change, out var oldValue, out var newValue))
        {
            return false;
        }

        EmitCurrent(type, ChangePayload(type, ammo, oldValue, newValue), line, output);
        return true;
    }

    /// <summary>
    /// The payload of a health, armor or ammo change. Arnold logs the same changes over and over (every episode starts
    /// from the same health and ammo, damage comes in a few sizes), so the last payloads are kept per process in a small
    /// direct-mapped cache keyed by the parsed values: a repeated change costs a lookup, not a new string.
    /// </summary>
    private string ChangePayload(EventType type, ReadOnlySpan<char> ammo, int oldValue, int newValue)
    {
        var cache = _process!.ChangePayloads;
        var hash = ((uint)oldValue * 0x9E3779B1u) ^ ((uint)newValue * 0x85EBCA77u) ^ (((uint)type + (ammo.IsEmpty ? 0u : ammo[0])) * 0xC2B2AE3Du);
        ref var entry = ref cache[hash >> (32 - ChangeCacheBits)];
        if (entry.Payload is not null && entry.Old == oldValue && entry.New == newValue && entry.Type == type && ammo.SequenceEqual(entry.Ammo))
        {
            return entry.Payload;
        }

        var json = StartPayload();
        if (type == EventType.AmmoChange)
        {
            json.String("ammo", ammo);
        }

        json.Int("old", oldValue);
        json.Int("new", newValue);
        json.Int("delta", (long)newValue - oldValue);
        var payload = json.Finish();
        entry = new CachedChange(type, ammo.IsEmpty ? string.Empty : ammo.ToString(), oldValue, newValue, payload);
        return payload;
    }

    /// <summary>A change event's values and the payload built for them (<see cref="ChangePayload"/>).</summary>
    private readonly record struct CachedChange(EventType Type, string Ammo, int Old, int New, string Payload);

    private bool OnN(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        var process = _process!;
        if (message is "New episode")
        {
            process.Episode++;
            process.EpisodeOpen = true;
            EmitEpisodeStart(process, line, mapId: null, output);
            return true;
        }

        if (message.StartsWith("New best score: ", StringComparison.Ordinal))
        {
            var json = StartPayload();
            json.String("kind", "best_score");
            json.Number("score", message["New best score: ".Length..]);
            EmitCurrent(EventType.ModelSave, json.Finish(), line, output);
            return true;
        }

        if (message is "No statistics to show!")
        {
            var json = StartPayload();
            json.String("kind", "game");
            json.StartObject("maps");
            json.EndObject();
            EmitCurrent(EventType.Statistics, json.Finish(), line, output);
            return true;
        }

        return false;
    }

    private bool OnEquals(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        var process = _process!;
        if (IsEpisodeSeparator(message))
        {
            if (process.EndRaw is { } endRaw)
            {
                EmitEpisodeEnd(process, JoinLines([endRaw, line]), process.EndTimestamp, output);
            }
            else
            {
                // A separator with no `N kills.` before it: still the end of the episode.
                EmitEpisodeEnd(process, line, _timestamp, output);
            }

            return true;
        }

        if (message.StartsWith("=== Iteration ", StringComparison.Ordinal)
            && JsonText.TryParseInt(message["=== Iteration ".Length..], out var iteration))
        {
            process.Iteration = iteration;
            if (LastIteration is null || iteration > LastIteration)
            {
                LastIteration = iteration;
            }

            // One iteration in four lines of a training log: its payload's fixed part is built once per process.
            var json = _json.StartBeforeValue(process.IterationStart);
            json.IntValue(iteration);
            EmitCurrent(EventType.Iteration, json.Finish(), line, output);
            return true;
        }

        if (message is "========== Running DOOM ==========")
        {
            // A new run (a restarted process, or logs concatenated): forget every process's evaluation state.
            foreach (var other in _processes.Values)
            {
                FlushEpisodeEnd(other, output);
                other.Reset();
            }

            EmitCurrent(EventType.RunStart, process.PidPayload, line, output);
            return true;
        }

        return false;
    }

    private bool OnS(RawText line, ReadOnlySpan<char> message, RecordLevel level, List<TelemetryEvent> output)
    {
        if (message.StartsWith("Switched weapon: ", StringComparison.Ordinal))
        {
            return OnWeaponChange(line, message["Switched weapon: ".Length..], manual: false, output);
        }

        if (message is "Suicide")
        {
            EmitSimple(EventType.Suicide, line, output);
            return true;
        }

        if (message.StartsWith("Survived for ", StringComparison.Ordinal) && message.EndsWith(" steps.", StringComparison.Ordinal))
        {
            var steps = message["Survived for ".Length..^" steps.".Length];
            if (!JsonText.IsNumber(steps))
            {
                return false;
            }

            StartEpisodeEnd(line, "survived_steps", steps);
            return true;
        }

        if (message is "Starting experiment...")
        {
            var json = StartPayload();
            json.String("kind", "starting_experiment");
            EmitCurrent(EventType.Setup, json.Finish(), line, output);
            return true;
        }

        if (message is "SELECTED WEAPON is -1!" or "SELECTED AMMO is -1!")
        {
            EmitWarning(line, message, level, player: null, output);
            return true;
        }

        return OnSummaryList(line, message, "Survival time by episode: ", "survival_time_by_episode", output);
    }

    private bool OnR(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        if (message is "Respawn player")
        {
            EmitSimple(EventType.Respawn, line, output);
            return true;
        }

        if (message is "Reward values:")
        {
            // The dict follows as the next record: the two become one setup event.
            StartPending(PendingKind.RewardHeader, line, message);
            return true;
        }

        if (message.StartsWith("Reloading model from ", StringComparison.Ordinal))
        {
            var path = message["Reloading model from ".Length..];
            if (path.EndsWith("...", StringComparison.Ordinal))
            {
                path = path[..^3];
            }

            var json = StartPayload();
            json.String("kind", "reload");
            json.String("path", path);
            EmitCurrent(EventType.Setup, json.Finish(), line, output);
            return true;
        }

        return false;
    }

    private bool OnE(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        var process = _process!;
        if (message is "Evaluating the model...")
        {
            process.Evaluations++;
            process.InEvaluation = true;
            process.Episode = 1;
            process.EpisodeOpen = false;
            process.EpisodesEnded = 0;
            process.MapsInEvaluation = 0;
            process.EvaluationIterations = null;

            var json = StartPayload();
            json.Int("evaluation", process.Evaluations);
            Emit(output, EventType.EvaluationStart, json.Finish(), line, null, process.Iteration, _timestamp);

            // Arnold logs no `New episode` for an evaluation's first episode.
            process.EpisodeOpen = true;
            EmitEpisodeStart(process, line, mapId: null, output);
            return true;
        }

        if (message.StartsWith("Evaluating on map ", StringComparison.Ordinal) && message.EndsWith(" ...", StringComparison.Ordinal)
            && JsonText.TryParseInt(message["Evaluating on map ".Length..^" ...".Length], out var mapId))
        {
            // Deathmatch plays each test map as its own game: a map after the first starts a new episode.
            process.MapsInEvaluation++;
            if (process.MapsInEvaluation > 1 && process.InEvaluation)
            {
                if (process.EpisodeOpen)
                {
                    EmitSyntheticEpisodeEnd(process, line, "map_end", output);
                }

                process.Episode++;
                process.EpisodeOpen = true;
                EmitEpisodeStart(process, line, mapId, output);
            }

            var json = StartPayload();
            json.String("kind", "evaluation_map");
            json.Int("map_id", mapId);
            EmitCurrent(EventType.Setup, json.Finish(), line, output);
            return true;
        }

        if (message.StartsWith("Experiment will be saved in: ", StringComparison.Ordinal))
        {
            var path = message["Experiment will be saved in: ".Length..];
            DumpPath = path.ToString();
            var json = StartPayload();
            json.String("kind", "dump_path");
            json.String("path", path);
            EmitCurrent(EventType.Setup, json.Finish(), line, output);
            return true;
        }

        return false;
    }

    private bool OnT(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        if (!message.StartsWith("Training on map ", StringComparison.Ordinal) || !message.EndsWith(" ...", StringComparison.Ordinal)
            || !JsonText.TryParseInt(message["Training on map ".Length..^" ...".Length], out var mapId))
        {
            return false;
        }

        // Back to training: whatever evaluation was running is over.
        var process = _process!;
        process.InEvaluation = false;
        process.EpisodeOpen = false;

        var json = StartPayload();
        json.String("kind", "training_map");
        json.Int("map_id", mapId);
        EmitCurrent(EventType.Setup, json.Finish(), line, output);
        return true;
    }

    private bool OnM(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output) =>
        message.StartsWith("Manual weapon change: ", StringComparison.Ordinal)
        && OnWeaponChange(line, message["Manual weapon change: ".Length..], manual: true, output);

    private bool OnWeaponChange(RawText line, ReadOnlySpan<char> change, bool manual, List<TelemetryEvent> output)
    {
        var arrow = change.IndexOf(" -> ", StringComparison.Ordinal);
        if (arrow <= 0)
        {
            return false;
        }

        var json = StartPayload();
        json.String("from", change[..arrow]);
        json.String("to", change[(arrow + 4)..]);
        json.Bool("manual", manual);
        EmitCurrent(EventType.WeaponChange, json.Finish(), line, output);
        return true;
    }

    private bool OnP(RawText line, ReadOnlySpan<char> message, RecordLevel level, List<TelemetryEvent> output)
    {
        if (message.StartsWith("Player ", StringComparison.Ordinal) && message.EndsWith(" is still dead after respawn.", StringComparison.Ordinal)
            && JsonText.TryParseInt(message["Player ".Length..^" is still dead after respawn.".Length], out var player))
        {
            EmitWarning(line, message, level, player, output);
            return true;
        }

        return OnPath(line, message, "Periodic dump: ", "periodic", output);
    }

    private bool OnPath(RawText line, ReadOnlySpan<char> message, string prefix, string kind, List<TelemetryEvent> output)
    {
        if (!message.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var json = StartPayload();
        json.String("kind", kind);
        json.String("path", message[prefix.Length..]);
        EmitCurrent(EventType.ModelSave, json.Finish(), line, output);
        return true;
    }

    private bool OnA(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        if (message is not "Activated manual control")
        {
            return false;
        }

        // Arnold overrides its policy after 30 non-forward or 60 non-turn actions: the agent was stuck.
        var json = StartPayload();
        json.String("reason", "manual_control");
        EmitCurrent(EventType.StuckCandidate, json.Finish(), line, output);
        return true;
    }

    private bool OnI(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        if (!message.StartsWith("Input shape: ", StringComparison.Ordinal))
        {
            return false;
        }

        var shape = message["Input shape: ".Length..];
        var json = StartPayload();
        json.String("kind", "input_shape");
        if (shape.Length >= 2 && shape[0] == '(' && shape[^1] == ')')
        {
            json.StartArray("shape");
            foreach (var range in shape[1..^1].Split(','))
            {
                var item = shape[1..^1][range].Trim();
                if (!item.IsEmpty)
                {
                    json.NumberValue(item);
                }
            }

            json.EndArray();
        }
        else
        {
            json.String("shape", shape);
        }

        EmitCurrent(EventType.Setup, json.Finish(), line, output);
        return true;
    }

    private bool OnSetupNumber(RawText line, ReadOnlySpan<char> message, string prefix, string kind, List<TelemetryEvent> output)
    {
        if (!message.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var json = StartPayload();
        json.String("kind", kind);
        json.Number("value", message[prefix.Length..]);
        EmitCurrent(EventType.Setup, json.Finish(), line, output);
        return true;
    }

    private bool OnLoss(RawText line, ReadOnlySpan<char> message, string prefix, string kind, List<TelemetryEvent> output)
    {
        if (!message.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        // As many losses as iterations: the payload's fixed part is built once per process and kind.
        var json = _json.StartBeforeValue(_process!.LossStart(kind));
        json.NumberValue(message[prefix.Length..]);
        EmitCurrent(EventType.Loss, json.Finish(), line, output);
        return true;
    }

    private bool OnSummaryList(RawText line, ReadOnlySpan<char> message, string prefix, string key, List<TelemetryEvent> output)
    {
        if (!message.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var list = message[prefix.Length..];
        var json = StartPayload();
        json.Int("evaluation", _process!.Evaluations);
        if (JsonText.IsNumberArray(list))
        {
            json.RawJson(key, list);
        }
        else
        {
            json.String(key, list);
        }

        EmitCurrent(EventType.Summary, json.Finish(), line, output);
        return true;
    }

    /// <summary>Messages that start with a number: counts, episode ends, evaluation summaries.</summary>
    private bool OnNumber(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        var space = message.IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        var number = message[..space];
        var rest = message[(space + 1)..];
        var process = _process!;
        switch (rest)
        {
            case "kills.":
                if (!JsonText.IsNumber(number))
                {
                    return false;
                }

                StartEpisodeEnd(line, "kills", number);
                return true;

            case "iterations":
            {
                if (!JsonText.IsNumber(number))
                {
                    return false;
                }

                process.EvaluationIterations = number.ToString();
                var json = StartPayload();
                json.Int("evaluation", process.Evaluations);
                json.Number("iterations", number);
                EmitCurrent(EventType.Summary, json.Finish(), line, output);
                return true;
            }

            case "kills / episode average.":
                return EmitSummaryNumber(line, "kills_average", number, output);

            case "survival time / episode average.":
                return EmitSummaryNumber(line, "survival_time_average", number, output);

            case "available actions:":
                if (!JsonText.TryParseInt(number, out var actionCount))
                {
                    return false;
                }

                StartPending(PendingKind.Actions, line, message);
                _pendingJson.Int("count", actionCount);
                _pendingJson.StartArray("actions");
                return true;
        }

        if (rest.StartsWith("iterations on ", StringComparison.Ordinal) && rest.EndsWith(" episodes.", StringComparison.Ordinal))
        {
            var episodes = rest["iterations on ".Length..^" episodes.".Length];
            if (!JsonText.IsNumber(number) || !JsonText.IsNumber(episodes))
            {
                return false;
            }

            process.EvaluationIterations = number.ToString();
            var json = StartPayload();
            json.Int("evaluation", process.Evaluations);
            json.Number("iterations", number);
            json.Number("episodes", episodes);
            EmitCurrent(EventType.Summary, json.Finish(), line, output);
            return true;
        }

        if (rest.StartsWith("available buttons: ", StringComparison.Ordinal) && JsonText.TryParseInt(number, out var buttonCount))
        {
            var json = StartPayload();
            json.String("kind", "buttons");
            json.Int("count", buttonCount);
            json.StartArray("buttons");
            WritePythonStrings(json, rest["available buttons: ".Length..]);
            json.EndArray();
            EmitCurrent(EventType.Setup, json.Finish(), line, output);
            return true;
        }

        return false;
    }

    private bool EmitSummaryNumber(RawText line, string key, ReadOnlySpan<char> number, List<TelemetryEvent> output)
    {
        var json = StartPayload();
        json.Int("evaluation", _process!.Evaluations);
        json.Number(key, number);
        EmitCurrent(EventType.Summary, json.Finish(), line, output);
        return true;
    }

    /// <summary><c>__log__:{json}</c>: the evaluation's summary as JSON, and the end of the evaluation.</summary>
    private bool OnLog(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        if (!message.StartsWith("__log__:", StringComparison.Ordinal))
        {
            return false;
        }

        var process = _process!;
        var log = message["__log__:".Length..];
        var valid = IsValidJsonObject(log, out var trainingIteration);

        var json = StartPayload();
        json.Int("evaluation", process.Evaluations);
        WriteLog(json, log, valid);
        EmitCurrent(EventType.Summary, json.Finish(), line, output);

        // Deathmatch never ends its episode in the log: the evaluation's end does.
        if (process.EpisodeOpen && process.InEvaluation)
        {
            EmitSyntheticEpisodeEnd(process, line, "evaluation_end", output);
        }

        // The evaluation ran at this training iteration (the model files are named after it).
        if (trainingIteration is { } n)
        {
            process.Iteration = n;
        }

        json = StartPayload();
        json.Int("evaluation", process.Evaluations);
        json.Int("episodes", process.EpisodesEnded);
        if (process.EvaluationIterations is { } iterations)
        {
            json.Number("iterations", iterations);
        }

        WriteLog(json, log, valid);
        Emit(output, EventType.EvaluationEnd, json.Finish(), line, null, process.Iteration, _timestamp);

        process.InEvaluation = false;
        process.EpisodeOpen = false;
        return true;
    }

    private static void WriteLog(JsonPayloadWriter json, ReadOnlySpan<char> log, bool valid)
    {
        if (valid)
        {
            json.RawJson("log", log);
        }
        else
        {
            // Python's json.dumps writes NaN and Infinity, which JSON has no words for.
            json.String("log_text", log);
        }
    }

    private static bool IsValidJsonObject(ReadOnlySpan<char> text, out int? trainingIteration)
    {
        trainingIteration = null;
        if (text.IsEmpty || text[0] != '{')
        {
            return false;
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToArray());
        var reader = new Utf8JsonReader(bytes);
        try
        {
            var depth = 0;
            string? property = null;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        depth++;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        depth--;
                        break;
                    case JsonTokenType.PropertyName:
                        property = depth == 1 ? reader.GetString() : null;
                        break;
                    case JsonTokenType.Number when property == "n_iter" && reader.TryGetInt32(out var n):
                        trainingIteration = n;
                        break;
                }
            }

            return reader.BytesConsumed == bytes.Length && depth == 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private bool OnConfig(RawText line, ReadOnlySpan<char> message)
    {
        if (!message.StartsWith("scenario: ", StringComparison.Ordinal))
        {
            return false;
        }

        // The configuration dump: `scenario: X` then one `key: value` continuation line per parameter.
        StartPending(PendingKind.Config, line, message);
        AddConfigEntry(message);
        return true;
    }

    private bool OnBlockHeader(RawText line, ReadOnlySpan<char> message)
    {
        if (message.Contains("Game statistics summary", StringComparison.Ordinal))
        {
            StartPending(PendingKind.Statistics, line, message);
            return true;
        }

        if (message.Contains("Game features summary", StringComparison.Ordinal))
        {
            StartPending(PendingKind.FeatureStatistics, line, message);
            return true;
        }

        return false;
    }

    private bool OnRewardValues(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        // A reward dict without its `Reward values:` header.
        if (message[^1] != '}')
        {
            return false;
        }

        var json = StartPayload();
        json.String("kind", "reward_values");
        WriteRewardValues(json, message);
        EmitCurrent(EventType.Setup, json.Finish(), line, output);
        return true;
    }

    /// <summary><c>{'BASE_REWARD': 0.0, 'KILL': 5.0}</c> as <c>"values":{"base_reward":0.0,"kill":5.0}</c>.</summary>
    private static void WriteRewardValues(JsonPayloadWriter json, ReadOnlySpan<char> dict)
    {
        json.StartObject("values");
        var inner = dict.Trim();
        if (inner.Length >= 2 && inner[0] == '{' && inner[^1] == '}')
        {
            inner = inner[1..^1];
            foreach (var range in inner.Split(','))
            {
                var entry = inner[range];
                var colon = entry.IndexOf(':');
                if (colon < 0)
                {
                    continue;
                }

                var key = entry[..colon].Trim().Trim('\'').Trim('"');
                json.Number(JsonText.ToSnakeCase(key), entry[(colon + 1)..].Trim());
            }
        }

        json.EndObject();
    }

    /// <summary>Writes the quoted items of a Python list of strings (<c>['A', 'B']</c>) as JSON strings.</summary>
    private static void WritePythonStrings(JsonPayloadWriter json, ReadOnlySpan<char> list)
    {
        var i = 0;
        while (i < list.Length)
        {
            var quote = list[i];
            if (quote is not ('\'' or '"'))
            {
                i++;
                continue;
            }

            var end = list[(i + 1)..].IndexOf(quote);
            if (end < 0)
            {
                return;
            }

            json.StringValue(list.Slice(i + 1, end));
            i += end + 2;
        }
    }

    private void StartEpisodeEnd(RawText line, string key, ReadOnlySpan<char> value)
    {
        var process = _process!;
        process.EndRaw = line;
        process.EndKey = key;
        process.EndValue = value.ToString();
        process.EndTimestamp = _timestamp;
    }

    private void FlushEpisodeEnd(ProcessState process, List<TelemetryEvent> output)
    {
        if (process.EndRaw is { } raw)
        {
            EmitEpisodeEnd(process, raw, process.EndTimestamp, output);
        }
    }

    private void EmitEpisodeEnd(ProcessState process, RawText raw, DateTime timestamp, List<TelemetryEvent> output)
    {
        var json = _json.Start();
        json.Int("pid", process.Pid);
        if (process.EndKey is { } key)
        {
            json.Number(key, process.EndValue);
        }

        Emit(output, EventType.EpisodeEnd, json.Finish(), raw, process.CurrentEpisode, process.Iteration, timestamp);
        process.EndRaw = null;
        process.EndKey = process.EndValue = null;
        if (process.EpisodeOpen)
        {
            process.EpisodesEnded++;
        }

        process.EpisodeOpen = false;
    }

    private void EmitSyntheticEpisodeEnd(ProcessState process, RawText raw, string reason, List<TelemetryEvent> output)
    {
        var json = _json.Start();
        json.Int("pid", process.Pid);
        json.String("reason", reason);
        Emit(output, EventType.EpisodeEnd, json.Finish(), raw, process.CurrentEpisode, process.Iteration, _timestamp);
        process.EpisodesEnded++;
        process.EpisodeOpen = false;
    }

    private void EmitEpisodeStart(ProcessState process, RawText raw, int? mapId, List<TelemetryEvent> output)
    {
        var json = _json.Start();
        json.Int("pid", process.Pid);
        json.Int("evaluation", process.Evaluations);
        if (mapId is { } id)
        {
            json.Int("map_id", id);
        }

        Emit(output, EventType.EpisodeStart, json.Finish(), raw, process.CurrentEpisode, process.Iteration, _timestamp);
    }

    private void EmitWarning(RawText line, ReadOnlySpan<char> message, RecordLevel level, int? player, List<TelemetryEvent> output)
    {
        var json = StartPayload();
        json.String("level", LevelName(line, level));
        json.String("message", message);
        if (player is { } p)
        {
            json.Int("player", p);
        }

        EmitCurrent(EventType.Warning, json.Finish(), line, output);
    }

    private static string LevelName(RawText line, RecordLevel level) => level switch
    {
        RecordLevel.Info => "INFO",
        RecordLevel.Warning => "WARNING",
        _ => Encoding.UTF8.GetString(line.Span[..line.Span.IndexOf((byte)' ')]),
    };

    private JsonPayloadWriter StartPayload() => _json.Start(_process!.PayloadStart);

    /// <summary>An event whose payload is only the pid (kill, death, ...): the payload string is cached per process.</summary>
    private void EmitSimple(EventType type, RawText line, List<TelemetryEvent> output) =>
        EmitCurrent(type, _process!.PidPayload, line, output);

    private void EmitCurrent(EventType type, string payload, RawText line, List<TelemetryEvent> output)
    {
        var process = _process!;
        Emit(output, type, payload, line, process.CurrentEpisode, process.Iteration, _timestamp);
    }

    private void Emit(List<TelemetryEvent> output, EventType type, string payload, RawText raw, int? episode, int? iteration, DateTime timestamp) =>
        output.Add(new TelemetryEvent(_sequence++, type, timestamp, episode, null, iteration, payload, raw));

    /// <summary>
    /// Lines joined with <c>\n</c>: the raw text of a record that spans them. Lines read one after the other from one
    /// block with <c>\n</c> between them already are that text: the slice that spans them is returned, not a copy.
    /// </summary>
    private static RawText JoinLines(IReadOnlyList<RawText> lines)
    {
        if (MemoryMarshal.TryGetArray(lines[0], out var first) && first.Array is { } block)
        {
            var end = first.Offset + first.Count;
            var adjacent = true;
            for (var i = 1; i < lines.Count && adjacent; i++)
            {
                adjacent = MemoryMarshal.TryGetArray(lines[i], out var next) && next.Array == block && next.Offset == end + 1 && block[end] == (byte)'\n';
                end = next.Offset + next.Count;
            }

            if (adjacent)
            {
                return block.AsMemory(first.Offset, end - first.Offset);
            }
        }

        var length = lines.Count - 1;
        foreach (var line in lines)
        {
            length += line.Length;
        }

        var joined = GC.AllocateUninitializedArray<byte>(length);
        var at = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                joined[at++] = (byte)'\n';
            }

            lines[i].Span.CopyTo(joined.AsSpan(at));
            at += lines[i].Length;
        }

        return joined;
    }
}
