using RawText = System.ReadOnlyMemory<byte>;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using RlGameTester.Data.Events;
using RlGameTester.Worker.Agents;

namespace RlGameTester.Worker.Arnold;

/// <summary>
/// Turns Arnold's log (its <c>train.log</c>, or its stderr as it runs) into telemetry events, one line at a time.
/// </summary>
/// <remarks>
/// <para>Push: <see cref="Feed(RawText, List{TelemetryEvent})"/> each line as it arrives, then <see cref="Complete"/> at the end of the stream.
/// Whole streams: <see cref="Parse(Stream)"/>, or <see cref="ParseAsync(Stream, IAgentSink, CancellationToken)"/> into a sink. Memory is bounded:
/// the parser holds at most one multi-line record (the configuration dump, the action list, a statistics block,
/// a traceback; capped at <see cref="MaxPendingLines"/> lines), never the stream.</para>
/// <para>Most records become an event as soon as they are fed. A record that can continue on later lines
/// (configuration, action list, an unknown message, a traceback, an episode end awaiting its
/// <c>===============</c>) is emitted when the next line shows it is complete, or on <see cref="Complete"/>.</para>
/// <para>Every event's payload is a JSON object with snake_case keys and the writer's <c>pid</c>; its timestamp is
/// the record's wall clock read as UTC (continuation lines and lines without a prefix inherit the last record's).
/// Episode numbers restart at 1 with every evaluation; the iteration is the last training iteration the
/// process logged. A line the parser does not understand becomes a <c>log_line</c> event and is counted in
/// <see cref="UnparsedLines"/>; nothing is ever dropped except blank lines.</para>
/// <para>Not thread-safe: one parser per stream.</para>
/// </remarks>
internal sealed partial class ArnoldLogParser
{
    /// <summary>A multi-line record longer than this is emitted in parts (bounded memory).</summary>
    public const int MaxPendingLines = 4096;

    private const string EmptyPayload = "{}";

    /// <summary>Change payloads cached per process: 2^this slots.</summary>
    private const int ChangeCacheBits = 10;

    private readonly DateTime _fallbackTimestamp;
    private char[] _text = new char[256];
    private readonly JsonPayloadWriter _json = new();
    private readonly Dictionary<int, ProcessState> _processes = [];
    private readonly List<int> _processIds = [];
    private ProcessState? _process;
    private long _sequence;

    // The last record's prefix (timestamps are cached: consecutive records usually share their second).
    private readonly char[] _clock = new char[ClockLength];
    private bool _hasClock;
    private DateTime _timestamp;

    /// <summary>Creates a parser.</summary>
    /// <param name="fallbackTimestamp">Timestamp for lines seen before any record (the run's start); the Unix epoch when null.</param>
    public ArnoldLogParser(DateTime? fallbackTimestamp = null)
    {
        _fallbackTimestamp = DateTime.SpecifyKind(fallbackTimestamp ?? DateTime.UnixEpoch, DateTimeKind.Utc);
        _timestamp = _fallbackTimestamp;
    }

    /// <summary>Lines fed so far (continuation lines included).</summary>
    public long Lines { get; private set; }

    /// <summary>Events emitted so far.</summary>
    public long Events => _sequence;

    /// <summary>Lines kept as <c>log_line</c> events because the parser did not understand them.</summary>
    public long UnparsedLines { get; private set; }

    /// <summary>The experiment folder from <c>Experiment will be saved in: P</c>, as logged (may be relative to Arnold's working folder).</summary>
    public string? DumpPath { get; private set; }

    /// <summary>The last Python traceback seen (the whole text), or null.</summary>
    public string? Crash { get; private set; }

    /// <summary>The process ids of the records, in order of first appearance (self_play shows several).</summary>
    public IReadOnlyList<int> ProcessIds => _processIds;

    /// <summary>The highest training iteration logged (<c>=== Iteration N</c>) by any process, or null.</summary>
    public int? LastIteration { get; private set; }

    /// <summary>The elapsed time of the last record (Arnold's <c>H:MM:SS</c> / <c>1 day, H:MM:SS</c> column).</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>Parses a UTF-8 stream synchronously, line by line (files, benchmarks); the stream is left open.</summary>
    public IEnumerable<TelemetryEvent> Parse(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var lines = new LogLineReader(stream);
        var buffer = new List<TelemetryEvent>(8);
        while (lines.TryReadLine(out var line))
        {
            Feed(line, buffer);
            foreach (var telemetryEvent in buffer)
            {
                yield return telemetryEvent;
            }

            buffer.Clear();
        }

        Complete(buffer);
        foreach (var telemetryEvent in buffer)
        {
            yield return telemetryEvent;
        }
    }

    /// <summary>
    /// Parses a UTF-8 stream line by line as it becomes available, handing each line's events to <paramref name="sink"/>
    /// as they complete (an uploaded log, however big, never becomes a list); the stream is left open.
    /// </summary>
    public async Task ParseAsync(Stream stream, IAgentSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sink);
        var lines = new LogLineReader(stream);
        var buffer = new List<TelemetryEvent>(8);
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            Feed(line, buffer);
            await sink.EmitAllAsync(buffer, cancellationToken);
        }

        Complete(buffer);
        await sink.EmitAllAsync(buffer, cancellationToken);
    }

    /// <summary>Feeds one line (without its newline); the events it completes are appended to <paramref name="output"/>.</summary>
    public void Feed(string line, List<TelemetryEvent> output)
    {
        ArgumentNullException.ThrowIfNull(line);
        Feed(Encoding.UTF8.GetBytes(line), output);
    }

    /// <summary>
    /// Feeds one line of UTF-8 (without its newline), which events may keep as their raw text: its bytes must not change
    /// afterwards (<see cref="LogLineReader"/> never reuses its blocks). Invalid UTF-8 is replaced (U+FFFD), as a
    /// <see cref="StreamReader"/> would. The events it completes are appended to <paramref name="output"/>.
    /// </summary>
    public void Feed(RawText line, List<TelemetryEvent> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Lines++;
        // The text to parse, decoded into a buffer reused line after line (the raw bytes are what events keep).
        if (_text.Length < line.Length)
        {
            _text = new char[Math.Max(line.Length, _text.Length * 2)];
        }

        if (Utf8.ToUtf16(line.Span, _text, out _, out var length, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            // Not UTF-8: U+FFFD for what is not, in the raw text too (the database takes only valid UTF-8).
            var replaced = Encoding.UTF8.GetString(line.Span);
            line = Encoding.UTF8.GetBytes(replaced);
            length = replaced.Length;
            replaced.CopyTo(_text);
        }

        var text = _text.AsSpan(0, length);

        // A record never starts with a space; continuation lines (config, action list) always do.
        if (text.Length > 0 && text[0] != ' ' && TryParsePrefix(text, out var prefix))
        {
            OnRecord(line, text, prefix, output);
        }
        else
        {
            OnUnprefixedLine(line, text, output);
        }
    }

    /// <summary>Ends the stream: emits whatever multi-line record or episode end is still open.</summary>
    public void Complete(List<TelemetryEvent> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        FlushPending(output);
        foreach (var process in _processes.Values)
        {
            FlushEpisodeEnd(process, output);
        }
    }

    private void OnRecord(RawText line, ReadOnlySpan<char> text, in RecordPrefix prefix, List<TelemetryEvent> output)
    {
        var message = text[prefix.MessageStart..];

        // Records that belong to the multi-line record being assembled.
        if (_pending != PendingKind.None && TryAppendToPending(line, message, prefix.Pid, output))
        {
            return;
        }

        FlushPending(output);
        SelectProcess(prefix.Pid);
        var process = _process!;
        if (process.EndRaw is not null && !IsEpisodeSeparator(message))
        {
            FlushEpisodeEnd(process, output);
        }

        Dispatch(line, message, prefix.Level, output);
    }

    private void OnUnprefixedLine(RawText line, ReadOnlySpan<char> span, List<TelemetryEvent> output)
    {
        if (_pending == PendingKind.Traceback)
        {
            AppendPendingLine(line, span, output);
            return;
        }

        if (span.StartsWith(TracebackHeader, StringComparison.Ordinal))
        {
            FlushPending(output);
            StartPending(PendingKind.Traceback, line);
            return;
        }

        // Indented: the next line of the message being assembled (blank ones included).
        if (span.Length > 0 && span[0] == ' ' && IsContinuable(_pending))
        {
            AppendPendingLine(line, span, output);
            return;
        }

        if (span.IsWhiteSpace())
        {
            // A blank line inside a multi-line message belongs to it; elsewhere it says nothing.
            if (IsContinuable(_pending))
            {
                AppendPendingLine(line, span, output);
            }

            return;
        }

        // Not Arnold's format: keep it, raw.
        FlushPending(output);
        EmitLogLine(line, output);
    }

    private void SelectProcess(int pid)
    {
        if (_process is not null && _process.Pid == pid)
        {
            return;
        }

        if (!_processes.TryGetValue(pid, out var process))
        {
            process = new ProcessState(pid);
            _processes.Add(pid, process);
            _processIds.Add(pid);
        }

        _process = process;
    }

    private void EmitLogLine(RawText line, List<TelemetryEvent> output)
    {
        UnparsedLines++;
        var process = _process;
        Emit(output, EventType.LogLine, EmptyPayload, line, process?.CurrentEpisode, process?.Iteration, _timestamp);
    }

    /// <summary>What Arnold's writing process knows: its evaluation, episode and training iteration.</summary>
    private sealed class ProcessState(int pid)
    {
        public int Pid { get; } = pid;

        /// <summary>The payload of events that carry nothing but the pid (kill, death...), built once.</summary>
        public string PidPayload { get; } = string.Create(CultureInfo.InvariantCulture, $"{{\"pid\":{pid}}}");

        /// <summary>How every payload of this process starts (<c>{"pid":N</c>), built once.</summary>
        public string PayloadStart { get; } = string.Create(CultureInfo.InvariantCulture, $"{{\"pid\":{pid}");

        /// <summary>How every iteration payload of this process starts, up to its value (<c>{"pid":N,"iteration":</c>).</summary>
        public string IterationStart { get; } = string.Create(CultureInfo.InvariantCulture, $"{{\"pid\":{pid},\"iteration\":");

        /// <summary>How this process's loss payloads of each kind start, up to the value (<c>{"pid":N,"kind":"dqn","value":</c>).</summary>
        private readonly List<(string Kind, string Start)> _lossStarts = [];

        public string LossStart(string kind)
        {
            foreach (var (known, start) in _lossStarts)
            {
                if (ReferenceEquals(known, kind) || known == kind)
                {
                    return start;
                }
            }

            var built = string.Create(CultureInfo.InvariantCulture, $"{{\"pid\":{Pid},\"kind\":\"{kind}\",\"value\":");
            _lossStarts.Add((kind, built));
            return built;
        }

        /// <summary>The recent health, armor and ammo change payloads of this process (<see cref="ChangePayload"/>).</summary>
        public CachedChange[] ChangePayloads { get; } = new CachedChange[1 << ChangeCacheBits];

        public int Evaluations { get; set; }

        public bool InEvaluation { get; set; }

        public int Episode { get; set; }

        public bool EpisodeOpen { get; set; }

        public int EpisodesEnded { get; set; }

        public int MapsInEvaluation { get; set; }

        public string? EvaluationIterations { get; set; }

        public int? Iteration { get; set; }

        public int? CurrentEpisode => EpisodeOpen ? Episode : null;

        // An episode end (`N kills.` / `Survived for N steps.`) waiting for its `===============`.
        public RawText? EndRaw { get; set; }

        public string? EndKey { get; set; }

        public string? EndValue { get; set; }

        public DateTime EndTimestamp { get; set; }

        public void Reset()
        {
            Evaluations = 0;
            InEvaluation = false;
            Episode = 0;
            EpisodeOpen = false;
            EpisodesEnded = 0;
            MapsInEvaluation = 0;
            EvaluationIterations = null;
            Iteration = null;
        }
    }
}
