using RlGameTester.Domain.Events;
using RawText = System.ReadOnlyMemory<byte>;

namespace RlGameTester.Worker.Agents.Arnold;

/// <summary>Training: iterations, losses, and the models Arnold saves and reloads.</summary>
internal sealed class TrainingRecords(ArnoldEventWriter events)
{
    /// <summary>The highest training iteration logged (<c>=== Iteration N</c>) by any process, or null.</summary>
    public int? LastIteration { get; private set; }

    public bool Iteration(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        if (!message.StartsWith("=== Iteration ", StringComparison.Ordinal)
            || !JsonText.TryParseInt(message["=== Iteration ".Length..], out var iteration))
        {
            return false;
        }

        var process = events.Current;
        process.Iteration = iteration;
        if (LastIteration is null || iteration > LastIteration)
        {
            LastIteration = iteration;
        }

        // One iteration in four lines of a training log: its payload's fixed part is built once per process.
        var json = events.StartBeforeValue(process.IterationStart);
        json.IntValue(iteration);
        events.OfCurrent(EventType.Iteration, json.Finish(), line, output);
        return true;
    }

    /// <summary><c>DQN loss: x</c>, <c>Game features loss: x</c>.</summary>
    public bool Loss(RawText line, ReadOnlySpan<char> message, string prefix, string kind, List<TelemetryEvent> output)
    {
        if (!message.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        // As many losses as iterations: the payload's fixed part is built once per process and kind.
        var json = events.StartBeforeValue(events.Current.LossStart(kind));
        json.NumberValue(message[prefix.Length..]);
        events.OfCurrent(EventType.Loss, json.Finish(), line, output);
        return true;
    }

    public bool BestScore(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        if (!message.StartsWith("New best score: ", StringComparison.Ordinal))
        {
            return false;
        }

        var json = events.StartPayload();
        json.String("kind", "best_score");
        json.Number("score", message["New best score: ".Length..]);
        events.OfCurrent(EventType.ModelSave, json.Finish(), line, output);
        return true;
    }

    /// <summary><c>Best model dump: P</c>, <c>Periodic dump: P</c>.</summary>
    public bool ModelDump(RawText line, ReadOnlySpan<char> message, string prefix, string kind, List<TelemetryEvent> output)
    {
        if (!message.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var json = events.StartPayload();
        json.String("kind", kind);
        json.String("path", message[prefix.Length..]);
        events.OfCurrent(EventType.ModelSave, json.Finish(), line, output);
        return true;
    }

    public bool ModelReload(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        if (!message.StartsWith("Reloading model from ", StringComparison.Ordinal))
        {
            return false;
        }

        var path = message["Reloading model from ".Length..];
        if (path.EndsWith("...", StringComparison.Ordinal))
        {
            path = path[..^3];
        }

        var json = events.StartPayload();
        json.String("kind", "reload");
        json.String("path", path);
        events.OfCurrent(EventType.Setup, json.Finish(), line, output);
        return true;
    }
}
