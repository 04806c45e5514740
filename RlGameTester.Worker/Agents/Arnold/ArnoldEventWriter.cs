using System.Runtime.InteropServices;
using System.Text;
using RlGameTester.Domain.Events;
using RawText = System.ReadOnlyMemory<byte>;

namespace RlGameTester.Worker.Agents.Arnold;

/// <summary>
/// What every record family writes through: the numbered events, their JSON payloads, the processes that write the
/// log (the record being parsed belongs to <see cref="Current"/>) and the episodes they open and close.
/// </summary>
internal sealed class ArnoldEventWriter(DateTime fallbackTimestamp)
{
    private readonly JsonPayloadWriter _json = new();
    private readonly Dictionary<int, ArnoldProcess> _processes = [];
    private readonly List<int> _processIds = [];
    private long _sequence;

    /// <summary>The timestamp of the record being parsed (continuation lines inherit the last record's).</summary>
    public DateTime Timestamp { get; set; } = fallbackTimestamp;

    /// <summary>The process of the last record, or null before any record.</summary>
    public ArnoldProcess? Process { get; private set; }

    /// <summary>The process of the record being parsed.</summary>
    public ArnoldProcess Current => Process!;

    public long Events => _sequence;

    /// <summary>Lines kept as <c>log_line</c> events because no family understood them.</summary>
    public long UnparsedLines { get; private set; }

    public IReadOnlyList<int> ProcessIds => _processIds;

    public IEnumerable<ArnoldProcess> Processes => _processes.Values;

    public ArnoldProcess? Find(int pid) => _processes.GetValueOrDefault(pid);

    public void Select(int pid)
    {
        if (Process is not null && Process.Pid == pid)
        {
            return;
        }

        if (!_processes.TryGetValue(pid, out var process))
        {
            process = new ArnoldProcess(pid);
            _processes.Add(pid, process);
            _processIds.Add(pid);
        }

        Process = process;
    }

    public JsonPayloadWriter Start() => _json.Start();

    /// <summary>A payload of the current process, its pid written.</summary>
    public JsonPayloadWriter StartPayload() => _json.Start(Current.PayloadStart);

    /// <summary>A payload whose fixed part (up to its one value) is cached by the caller.</summary>
    public JsonPayloadWriter StartBeforeValue(string start) => _json.StartBeforeValue(start);

    /// <summary>An event whose payload is only the pid (kill, death, ...): the payload string is cached per process.</summary>
    public void Simple(EventType type, RawText line, List<TelemetryEvent> output) => OfCurrent(type, Current.PidPayload, line, output);

    /// <summary>An event of the current process, in its episode and iteration.</summary>
    public void OfCurrent(EventType type, string payload, RawText line, List<TelemetryEvent> output)
    {
        var process = Current;
        Emit(output, type, payload, line, process.CurrentEpisode, process.Iteration, Timestamp);
    }

    public void Emit(List<TelemetryEvent> output, EventType type, string payload, RawText raw, int? episode, int? iteration, DateTime timestamp) =>
        output.Add(new TelemetryEvent(_sequence++, type, timestamp, episode, null, iteration, payload, raw));

    /// <summary>A line the parser does not understand, kept raw.</summary>
    public void LogLine(RawText line, List<TelemetryEvent> output)
    {
        CountUnparsed(1);
        Emit(output, EventType.LogLine, "{}", line, Process?.CurrentEpisode, Process?.Iteration, Timestamp);
    }

    public void CountUnparsed(int lines) => UnparsedLines += lines;

    public void Warning(RawText line, ReadOnlySpan<char> message, RecordLevel level, int? player, List<TelemetryEvent> output)
    {
        var json = StartPayload();
        json.String("level", LevelName(line, level));
        json.String("message", message);
        if (player is { } p)
        {
            json.Int("player", p);
        }

        OfCurrent(EventType.Warning, json.Finish(), line, output);
    }

    public void EpisodeStart(ArnoldProcess process, RawText raw, int? mapId, List<TelemetryEvent> output)
    {
        var json = _json.Start();
        json.Int("pid", process.Pid);
        json.Int("evaluation", process.Evaluations);
        if (mapId is { } id)
        {
            json.Int("map_id", id);
        }

        Emit(output, EventType.EpisodeStart, json.Finish(), raw, process.CurrentEpisode, process.Iteration, Timestamp);
    }

    /// <summary>An episode end (<c>N kills.</c>, <c>Survived for N steps.</c>) waits for its <c>===============</c>.</summary>
    public void HoldEpisodeEnd(RawText line, string key, ReadOnlySpan<char> value)
    {
        var process = Current;
        process.EndRaw = line;
        process.EndKey = key;
        process.EndValue = value.ToString();
        process.EndTimestamp = Timestamp;
    }

    public void FlushEpisodeEnd(ArnoldProcess process, List<TelemetryEvent> output)
    {
        if (process.EndRaw is { } raw)
        {
            EpisodeEnd(process, raw, process.EndTimestamp, output);
        }
    }

    public void EpisodeEnd(ArnoldProcess process, RawText raw, DateTime timestamp, List<TelemetryEvent> output)
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

    /// <summary>An episode the log never ends (deathmatch): the next map or the evaluation's end does.</summary>
    public void SyntheticEpisodeEnd(ArnoldProcess process, RawText raw, string reason, List<TelemetryEvent> output)
    {
        var json = _json.Start();
        json.Int("pid", process.Pid);
        json.String("reason", reason);
        Emit(output, EventType.EpisodeEnd, json.Finish(), raw, process.CurrentEpisode, process.Iteration, Timestamp);
        process.EpisodesEnded++;
        process.EpisodeOpen = false;
    }

    private static string LevelName(RawText line, RecordLevel level) => level switch
    {
        RecordLevel.Info => "INFO",
        RecordLevel.Warning => "WARNING",
        _ => Encoding.UTF8.GetString(line.Span[..line.Span.IndexOf((byte)' ')]),
    };

    /// <summary>
    /// Lines joined with <c>\n</c>: the raw text of a record that spans them. Lines read one after the other from one
    /// block with <c>\n</c> between them already are that text: the slice that spans them is returned, not a copy.
    /// </summary>
    public static RawText JoinLines(IReadOnlyList<RawText> lines)
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
