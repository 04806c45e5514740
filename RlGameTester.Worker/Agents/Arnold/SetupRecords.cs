using RlGameTester.Domain.Events;
using RawText = System.ReadOnlyMemory<byte>;

namespace RlGameTester.Worker.Agents.Arnold;

/// <summary>
/// How a run is set up: the start of a run, the experiment folder, the network's shapes, the configuration dump, the
/// actions and buttons, the reward values, and the headers of statistics blocks (whose rows <see cref="PendingRecord"/>
/// collects).
/// </summary>
internal sealed class SetupRecords(ArnoldEventWriter events, PendingRecord pending)
{
    /// <summary>The experiment folder from <c>Experiment will be saved in: P</c>, as logged.</summary>
    public string? DumpPath { get; private set; }

    public bool RunStart(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        if (message is not "========== Running DOOM ==========")
        {
            return false;
        }

        // A new run (a restarted process, or logs concatenated): forget every process's evaluation state.
        foreach (var other in events.Processes)
        {
            events.FlushEpisodeEnd(other, output);
            other.Reset();
        }

        events.OfCurrent(EventType.RunStart, events.Current.PidPayload, line, output);
        return true;
    }

    public bool ExperimentStart(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        if (message is not "Starting experiment...")
        {
            return false;
        }

        var json = events.StartPayload();
        json.String("kind", "starting_experiment");
        events.OfCurrent(EventType.Setup, json.Finish(), line, output);
        return true;
    }

    public bool ExperimentFolder(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        if (!message.StartsWith("Experiment will be saved in: ", StringComparison.Ordinal))
        {
            return false;
        }

        var path = message["Experiment will be saved in: ".Length..];
        DumpPath = path.ToString();
        var json = events.StartPayload();
        json.String("kind", "dump_path");
        json.String("path", path);
        events.OfCurrent(EventType.Setup, json.Finish(), line, output);
        return true;
    }

    public bool InputShape(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        if (!message.StartsWith("Input shape: ", StringComparison.Ordinal))
        {
            return false;
        }

        var shape = message["Input shape: ".Length..];
        var json = events.StartPayload();
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

        events.OfCurrent(EventType.Setup, json.Finish(), line, output);
        return true;
    }

    public bool Number(RawText line, ReadOnlySpan<char> message, string prefix, string kind, List<TelemetryEvent> output)
    {
        if (!message.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var json = events.StartPayload();
        json.String("kind", kind);
        json.Number("value", message[prefix.Length..]);
        events.OfCurrent(EventType.Setup, json.Finish(), line, output);
        return true;
    }

    /// <summary><c>N available actions:</c> (the list follows), <c>N available buttons: [...]</c>.</summary>
    public bool Counted(RawText line, ReadOnlySpan<char> message, ReadOnlySpan<char> number, ReadOnlySpan<char> rest, List<TelemetryEvent> output)
    {
        if (rest is "available actions:")
        {
            if (!JsonText.TryParseInt(number, out var actionCount))
            {
                return false;
            }

            pending.Start(PendingKind.Actions, line, message);
            pending.Json.Int("count", actionCount);
            pending.Json.StartArray("actions");
            return true;
        }

        if (rest.StartsWith("available buttons: ", StringComparison.Ordinal) && JsonText.TryParseInt(number, out var buttonCount))
        {
            var json = events.StartPayload();
            json.String("kind", "buttons");
            json.Int("count", buttonCount);
            json.StartArray("buttons");
            PythonLiterals.WriteStrings(json, rest["available buttons: ".Length..]);
            json.EndArray();
            events.OfCurrent(EventType.Setup, json.Finish(), line, output);
            return true;
        }

        return false;
    }

    public bool RewardHeader(RawText line, ReadOnlySpan<char> message)
    {
        if (message is not "Reward values:")
        {
            return false;
        }

        // The dict follows as the next record: the two become one setup event.
        pending.Start(PendingKind.RewardHeader, line, message);
        return true;
    }

    public bool RewardValues(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        // A reward dict without its `Reward values:` header.
        if (message[^1] != '}')
        {
            return false;
        }

        var json = events.StartPayload();
        json.String("kind", "reward_values");
        PythonLiterals.WriteRewardValues(json, message);
        events.OfCurrent(EventType.Setup, json.Finish(), line, output);
        return true;
    }

    public bool Config(RawText line, ReadOnlySpan<char> message)
    {
        if (!message.StartsWith("scenario: ", StringComparison.Ordinal))
        {
            return false;
        }

        // The configuration dump: `scenario: X` then one `key: value` continuation line per parameter.
        pending.Start(PendingKind.Config, line, message);
        pending.AddConfigEntry(message);
        return true;
    }

    public bool BlockHeader(RawText line, ReadOnlySpan<char> message)
    {
        if (message.Contains("Game statistics summary", StringComparison.Ordinal))
        {
            pending.Start(PendingKind.Statistics, line, message);
            return true;
        }

        if (message.Contains("Game features summary", StringComparison.Ordinal))
        {
            pending.Start(PendingKind.FeatureStatistics, line, message);
            return true;
        }

        return false;
    }
}
