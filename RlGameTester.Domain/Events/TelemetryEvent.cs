using System.Globalization;
using System.Text;

namespace RlGameTester.Domain.Events;

/// <summary>
/// One telemetry event as an agent or parser produces it, before it is stored for a run.
/// </summary>
/// <param name="Sequence">Position in the run's event stream (0, 1, 2, ...): orders events and makes a replayed stream recognisable.</param>
/// <param name="Type">What happened.</param>
/// <param name="Timestamp">When, in UTC. Agents without a wall clock derive it from the run's start and their tick.</param>
/// <param name="Episode">Episode number, 1-based per evaluation, where known.</param>
/// <param name="Tick">Game tick (1/35 s) or frame, where known.</param>
/// <param name="Iteration">Training iteration, where known.</param>
/// <param name="DataJson">The payload as a JSON object text (<c>{"old":100,"new":80}</c>), or null.</param>
/// <param name="RawUtf8">
/// The log line(s) the event was parsed from, as UTF-8, or null for agents that emit events directly. Bytes rather than
/// a string: a parser hands out slices of the blocks it read (never copied into a string per line), and the database
/// takes text as UTF-8 anyway. <see cref="RawText"/> decodes it.
/// </param>
public sealed record TelemetryEvent(
    long Sequence,
    EventType Type,
    DateTime Timestamp,
    int? Episode = null,
    int? Tick = null,
    int? Iteration = null,
    string? DataJson = null,
    ReadOnlyMemory<byte>? RawUtf8 = null)
{
    /// <summary>The raw log text decoded, or null (a new string on every call: for tests, messages and tools, not hot paths).</summary>
    public string? RawText => RawUtf8 is { } raw ? Encoding.UTF8.GetString(raw.Span) : null;

    /// <summary>Equal when every field is, the raw text compared by its bytes (not by the buffer it lies in).</summary>
    public bool Equals(TelemetryEvent? other) =>
        other is not null
        && Sequence == other.Sequence && Type == other.Type && Timestamp == other.Timestamp
        && Episode == other.Episode && Tick == other.Tick && Iteration == other.Iteration
        && DataJson == other.DataJson
        && RawUtf8.HasValue == other.RawUtf8.HasValue
        && (!RawUtf8.HasValue || RawUtf8.Value.Span.SequenceEqual(other.RawUtf8!.Value.Span));

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Sequence);
        hash.Add(Type);
        hash.Add(Timestamp);
        hash.Add(Episode);
        hash.Add(Tick);
        hash.Add(Iteration);
        hash.Add(DataJson);
        if (RawUtf8 is { } raw)
        {
            hash.AddBytes(raw.Span);
        }

        return hash.ToHashCode();
    }

    /// <summary>The raw text as text in the record's printout (test failures, logs), not as a memory block.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Sequence = {Sequence}, Type = {Type}, Timestamp = {Timestamp:O}, Episode = {Episode}, Tick = {Tick}, ");
        builder.Append(CultureInfo.InvariantCulture, $"Iteration = {Iteration}, DataJson = {DataJson}, RawText = {RawText}");
        return true;
    }
}
