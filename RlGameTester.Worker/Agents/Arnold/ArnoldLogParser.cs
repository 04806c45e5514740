using System.Buffers;
using System.Text;
using System.Text.Unicode;
using RlGameTester.Domain.Events;
using RawText = System.ReadOnlyMemory<byte>;

namespace RlGameTester.Worker.Agents.Arnold;

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
internal sealed class ArnoldLogParser
{
    /// <summary>A multi-line record longer than this is emitted in parts (bounded memory).</summary>
    public const int MaxPendingLines = PendingRecord.MaxLines;

    private const string TracebackHeader = "Traceback (most recent call last):";

    private readonly RecordPrefixReader _prefixes;
    private readonly ArnoldEventWriter _events;
    private readonly PendingRecord _pending;
    private readonly PlayRecords _play;
    private readonly EpisodeRecords _episodes;
    private readonly TrainingRecords _training;
    private readonly SetupRecords _setup;
    private char[] _text = new char[256];

    /// <summary>Creates a parser.</summary>
    /// <param name="fallbackTimestamp">Timestamp for lines seen before any record (the run's start); the Unix epoch when null.</param>
    public ArnoldLogParser(DateTime? fallbackTimestamp = null)
    {
        var fallback = DateTime.SpecifyKind(fallbackTimestamp ?? DateTime.UnixEpoch, DateTimeKind.Utc);
        _prefixes = new RecordPrefixReader(fallback);
        _events = new ArnoldEventWriter(fallback);
        _pending = new PendingRecord(_events);
        _play = new PlayRecords(_events);
        _episodes = new EpisodeRecords(_events);
        _training = new TrainingRecords(_events);
        _setup = new SetupRecords(_events, _pending);
    }

    /// <summary>Lines fed so far (continuation lines included).</summary>
    public long Lines { get; private set; }

    /// <summary>Events emitted so far.</summary>
    public long Events => _events.Events;

    /// <summary>Lines kept as <c>log_line</c> events because the parser did not understand them.</summary>
    public long UnparsedLines => _events.UnparsedLines;

    /// <summary>The experiment folder from <c>Experiment will be saved in: P</c>, as logged (may be relative to Arnold's working folder).</summary>
    public string? DumpPath => _setup.DumpPath;

    /// <summary>The last Python traceback seen (the whole text), or null.</summary>
    public string? Crash => _pending.Crash;

    /// <summary>The process ids of the records, in order of first appearance (self_play shows several).</summary>
    public IReadOnlyList<int> ProcessIds => _events.ProcessIds;

    /// <summary>The highest training iteration logged (<c>=== Iteration N</c>) by any process, or null.</summary>
    public int? LastIteration => _training.LastIteration;

    /// <summary>The elapsed time of the last record (Arnold's <c>H:MM:SS</c> / <c>1 day, H:MM:SS</c> column).</summary>
    public TimeSpan Elapsed => _prefixes.Elapsed;

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
        if (text.Length > 0 && text[0] != ' ' && _prefixes.TryRead(text, out var prefix))
        {
            _events.Timestamp = _prefixes.Timestamp;
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
        _pending.Flush(output);
        foreach (var process in _events.Processes)
        {
            _events.FlushEpisodeEnd(process, output);
        }
    }

    private void OnRecord(RawText line, ReadOnlySpan<char> text, in RecordPrefix prefix, List<TelemetryEvent> output)
    {
        var message = text[prefix.MessageStart..];

        // Records that belong to the multi-line record being assembled.
        if (_pending.Kind != PendingKind.None && _pending.TryAppend(line, message, prefix.Pid, output))
        {
            return;
        }

        _pending.Flush(output);
        _events.Select(prefix.Pid);
        var process = _events.Current;
        if (process.EndRaw is not null && !EpisodeRecords.IsSeparator(message))
        {
            _events.FlushEpisodeEnd(process, output);
        }

        Dispatch(line, message, prefix.Level, output);
    }

    private void OnUnprefixedLine(RawText line, ReadOnlySpan<char> span, List<TelemetryEvent> output)
    {
        if (_pending.Kind == PendingKind.Traceback)
        {
            _pending.AppendLine(line, span, output);
            return;
        }

        if (span.StartsWith(TracebackHeader, StringComparison.Ordinal))
        {
            _pending.Flush(output);
            _pending.Start(PendingKind.Traceback, line);
            return;
        }

        // Indented: the next line of the message being assembled (blank ones included).
        if (span.Length > 0 && span[0] == ' ' && _pending.IsContinuable)
        {
            _pending.AppendLine(line, span, output);
            return;
        }

        if (span.IsWhiteSpace())
        {
            // A blank line inside a multi-line message belongs to it; elsewhere it says nothing.
            if (_pending.IsContinuable)
            {
                _pending.AppendLine(line, span, output);
            }

            return;
        }

        // Not Arnold's format: keep it, raw.
        _pending.Flush(output);
        _events.LogLine(line, output);
    }

    /// <summary>
    /// Hands a record's message to the family whose record it is: a switch on its first character picks the few
    /// candidates, each of which compares its whole prefix (ordinal, no regex).
    /// </summary>
    private void Dispatch(RawText line, ReadOnlySpan<char> message, RecordLevel level, List<TelemetryEvent> output)
    {
        var handled = !message.IsEmpty && message[0] switch
        {
            'K' => _play.Kill(line, message, output) || _episodes.SummaryList(line, message, "Kills by episode: ", "kills_by_episode", output),
            'L' => _play.Change(line, message, "Lost ", output),
            'F' => _play.WeaponFound(line, message, output) || _play.Change(line, message, "Found ", output),
            'D' => _play.Death(line, message, output) || _training.Loss(line, message, "DQN loss: ", "dqn", output),
            'N' => _episodes.NewEpisode(line, message, output) || _training.BestScore(line, message, output) || _episodes.NoStatistics(line, message, output),
            '=' => _episodes.EpisodeSeparator(line, message, output) || _training.Iteration(line, message, output) || _setup.RunStart(line, message, output),
            'S' => _play.WeaponSwitch(line, message, output) || _play.Suicide(line, message, output) || _episodes.SurvivedFor(line, message)
                || _setup.ExperimentStart(line, message, output) || _play.NoSelection(line, message, level, output)
                || _episodes.SummaryList(line, message, "Survival time by episode: ", "survival_time_by_episode", output),
            'R' => _play.Respawn(line, message, output) || _setup.RewardHeader(line, message) || _training.ModelReload(line, message, output),
            'E' => _episodes.Evaluation(line, message, output) || _setup.ExperimentFolder(line, message, output),
            'T' => _episodes.TrainingMap(line, message, output),
            'M' => _play.ManualWeaponChange(line, message, output),
            'G' => _training.Loss(line, message, "Game features loss: ", "game_features", output),
            'B' => _training.ModelDump(line, message, "Best model dump: ", "best", output),
            'P' => _play.StillDead(line, message, level, output) || _training.ModelDump(line, message, "Periodic dump: ", "periodic", output),
            'A' => _play.ManualControl(line, message, output),
            'I' => _setup.InputShape(line, message, output),
            'C' => _setup.Number(line, message, "Conv layer output dim : ", "conv_output_dim", output),
            'H' => _setup.Number(line, message, "Hidden layer input dim: ", "hidden_input_dim", output),
            's' => _setup.Config(line, message),
            '_' => _episodes.EvaluationLog(line, message, output),
            '*' => _setup.BlockHeader(line, message),
            '{' => _setup.RewardValues(line, message, output),
            >= '0' and <= '9' => Counted(line, message, output),
            _ => false,
        };

        if (!handled)
        {
            // An unknown WARNING (or ERROR, CRITICAL) is still a warning; unknown INFO or DEBUG is kept as a log line.
            var isInformation = level == RecordLevel.Info || line.Span.StartsWith("DEBUG "u8);
            _pending.Start(isInformation ? PendingKind.Unknown : PendingKind.UnknownWarning, line, message);
        }
    }

    /// <summary>Messages that start with a number: episode ends and evaluation summaries, or the actions and buttons.</summary>
    private bool Counted(RawText line, ReadOnlySpan<char> message, List<TelemetryEvent> output)
    {
        var space = message.IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        var number = message[..space];
        var rest = message[(space + 1)..];
        return _episodes.Counted(line, number, rest, output) || _setup.Counted(line, message, number, rest, output);
    }
}
