using System.Text;
using System.Text.Json;
using RlGameTester.Domain.Events;
using RawText = System.ReadOnlyMemory<byte>;

namespace RlGameTester.Worker.Agents.Arnold;

/// <summary>
/// Episodes and evaluations: an episode's start and end (<c>N kills.</c> or <c>Survived for N steps.</c>, then
/// <c>===============</c>), evaluation and training maps, and the summaries an evaluation ends with. Episode numbers
/// restart at 1 with every evaluation.
/// </summary>
internal sealed class EpisodeRecords(ArnoldEventWriter events)
{
    private const string Separator = "===============";

    public static bool IsSeparator(ReadOnlySpan<char> message) => message.SequenceEqual(Separator);

    public bool NewEpisode(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        if (message is not "New episode")
        {
            return false;
        }

        var process = events.Current;
        process.Episode++;
        process.EpisodeOpen = true;
        events.EpisodeStart(process, line, mapId: null, output);
        return true;
    }

    public bool EpisodeSeparator(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        if (!IsSeparator(message))
        {
            return false;
        }

        var process = events.Current;
        if (process.EndRaw is { } endRaw)
        {
            events.EpisodeEnd(process, ArnoldEventWriter.JoinLines([endRaw, line]), process.EndTimestamp, output);
        }
        else
        {
            // A separator with no `N kills.` before it: still the end of the episode.
            events.EpisodeEnd(process, line, events.Timestamp, output);
        }

        return true;
    }

    public bool SurvivedFor(RawText line, ReadOnlySpan<char> message)
    {
        if (!message.StartsWith("Survived for ", StringComparison.Ordinal) || !message.EndsWith(" steps.", StringComparison.Ordinal))
        {
            return false;
        }

        var steps = message["Survived for ".Length..^" steps.".Length];
        if (!JsonText.IsNumber(steps))
        {
            return false;
        }

        events.HoldEpisodeEnd(line, "survived_steps", steps);
        return true;
    }

    public bool NoStatistics(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        if (message is not "No statistics to show!")
        {
            return false;
        }

        var json = events.StartPayload();
        json.String("kind", "game");
        json.StartObject("maps");
        json.EndObject();
        events.OfCurrent(EventType.Statistics, json.Finish(), line, output);
        return true;
    }

    public bool Evaluation(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        var process = events.Current;
        if (message is "Evaluating the model...")
        {
            process.Evaluations++;
            process.InEvaluation = true;
            process.Episode = 1;
            process.EpisodeOpen = false;
            process.EpisodesEnded = 0;
            process.MapsInEvaluation = 0;
            process.EvaluationIterations = null;

            var json = events.StartPayload();
            json.Int("evaluation", process.Evaluations);
            events.Emit(output, EventType.EvaluationStart, json.Finish(), line, null, process.Iteration, events.Timestamp);

            // Arnold logs no `New episode` for an evaluation's first episode.
            process.EpisodeOpen = true;
            events.EpisodeStart(process, line, mapId: null, output);
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
                    events.SyntheticEpisodeEnd(process, line, "map_end", output);
                }

                process.Episode++;
                process.EpisodeOpen = true;
                events.EpisodeStart(process, line, mapId, output);
            }

            var json = events.StartPayload();
            json.String("kind", "evaluation_map");
            json.Int("map_id", mapId);
            events.OfCurrent(EventType.Setup, json.Finish(), line, output);
            return true;
        }

        return false;
    }

    public bool TrainingMap(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        if (!message.StartsWith("Training on map ", StringComparison.Ordinal) || !message.EndsWith(" ...", StringComparison.Ordinal)
            || !JsonText.TryParseInt(message["Training on map ".Length..^" ...".Length], out var mapId))
        {
            return false;
        }

        // Back to training: whatever evaluation was running is over.
        var process = events.Current;
        process.InEvaluation = false;
        process.EpisodeOpen = false;

        var json = events.StartPayload();
        json.String("kind", "training_map");
        json.Int("map_id", mapId);
        events.OfCurrent(EventType.Setup, json.Finish(), line, output);
        return true;
    }

    public bool SummaryList(RawText line, ReadOnlySpan<char> message, string prefix, string key, List<TelemetryEvent> output)
    {
        if (!message.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var list = message[prefix.Length..];
        var json = events.StartPayload();
        json.Int("evaluation", events.Current.Evaluations);
        if (JsonText.IsNumberArray(list))
        {
            json.RawJson(key, list);
        }
        else
        {
            json.String(key, list);
        }

        events.OfCurrent(EventType.Summary, json.Finish(), line, output);
        return true;
    }

    /// <summary>Messages that start with a number (<paramref name="number"/>, then <paramref name="rest"/>): episode ends, evaluation summaries.</summary>
    public bool Counted(RawText line, ReadOnlySpan<char> number, ReadOnlySpan<char> rest, List<TelemetryEvent> output)
    {
        var process = events.Current;
        switch (rest)
        {
            case "kills.":
                if (!JsonText.IsNumber(number))
                {
                    return false;
                }

                events.HoldEpisodeEnd(line, "kills", number);
                return true;

            case "iterations":
            {
                if (!JsonText.IsNumber(number))
                {
                    return false;
                }

                process.EvaluationIterations = number.ToString();
                var json = events.StartPayload();
                json.Int("evaluation", process.Evaluations);
                json.Number("iterations", number);
                events.OfCurrent(EventType.Summary, json.Finish(), line, output);
                return true;
            }

            case "kills / episode average.":
                return SummaryNumber(line, "kills_average", number, output);

            case "survival time / episode average.":
                return SummaryNumber(line, "survival_time_average", number, output);
        }

        if (rest.StartsWith("iterations on ", StringComparison.Ordinal) && rest.EndsWith(" episodes.", StringComparison.Ordinal))
        {
            var episodes = rest["iterations on ".Length..^" episodes.".Length];
            if (!JsonText.IsNumber(number) || !JsonText.IsNumber(episodes))
            {
                return false;
            }

            process.EvaluationIterations = number.ToString();
            var json = events.StartPayload();
            json.Int("evaluation", process.Evaluations);
            json.Number("iterations", number);
            json.Number("episodes", episodes);
            events.OfCurrent(EventType.Summary, json.Finish(), line, output);
            return true;
        }

        return false;
    }

    private bool SummaryNumber(RawText line, string key, ReadOnlySpan<char> number, List<TelemetryEvent> output)
    {
        var json = events.StartPayload();
        json.Int("evaluation", events.Current.Evaluations);
        json.Number(key, number);
        events.OfCurrent(EventType.Summary, json.Finish(), line, output);
        return true;
    }

    /// <summary><c>__log__:{json}</c>: the evaluation's summary as JSON, and the end of the evaluation.</summary>
    public bool EvaluationLog(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        if (!message.StartsWith("__log__:", StringComparison.Ordinal))
        {
            return false;
        }

        var process = events.Current;
        var log = message["__log__:".Length..];
        var valid = IsValidJsonObject(log, out var trainingIteration);

        var json = events.StartPayload();
        json.Int("evaluation", process.Evaluations);
        WriteLog(json, log, valid);
        events.OfCurrent(EventType.Summary, json.Finish(), line, output);

        // Deathmatch never ends its episode in the log: the evaluation's end does.
        if (process.EpisodeOpen && process.InEvaluation)
        {
            events.SyntheticEpisodeEnd(process, line, "evaluation_end", output);
        }

        // The evaluation ran at this training iteration (the model files are named after it).
        if (trainingIteration is { } n)
        {
            process.Iteration = n;
        }

        json = events.StartPayload();
        json.Int("evaluation", process.Evaluations);
        json.Int("episodes", process.EpisodesEnded);
        if (process.EvaluationIterations is { } iterations)
        {
            json.Number("iterations", iterations);
        }

        WriteLog(json, log, valid);
        events.Emit(output, EventType.EvaluationEnd, json.Finish(), line, null, process.Iteration, events.Timestamp);

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
}
