using System.Text;
using RlGameTester.Domain.Events;
using RawText = System.ReadOnlyMemory<byte>;

namespace RlGameTester.Worker.Agents.Arnold;

/// <summary>The kinds of record that span several lines.</summary>
internal enum PendingKind
{
    None,
    Config,
    Actions,
    RewardHeader,
    Statistics,
    FeatureStatistics,
    Traceback,
    Unknown,
    UnknownWarning,
}

/// <summary>
/// The one multi-line record being assembled (the configuration dump, the action list, a statistics block, a traceback,
/// an unknown message that may continue), emitted when the next line shows it is complete; never more than
/// <see cref="MaxLines"/> lines.
/// </summary>
internal sealed class PendingRecord(ArnoldEventWriter events)
{
    /// <summary>A multi-line record longer than this is emitted in parts (bounded memory).</summary>
    public const int MaxLines = 4096;

    private readonly List<RawText> _lines = [];
    private readonly JsonPayloadWriter _json = new();
    private readonly List<string> _statisticsColumns = [];
    private readonly List<(string Key, string[] Values)> _statisticsRows = [];
    private readonly List<(string Map, string Row)> _featureRows = [];
    private string _featureMap = "all";
    private PendingKind _kind;
    private DateTime _timestamp;
    private int _pid;
    private string? _level;
    private string? _message;

    /// <summary>What is being assembled (<see cref="PendingKind.None"/>: nothing).</summary>
    public PendingKind Kind => _kind;

    /// <summary>The JSON of a record built as it grows (the action list, the configuration).</summary>
    public JsonPayloadWriter Json => _json;

    /// <summary>The last Python traceback seen (the whole text), or null.</summary>
    public string? Crash { get; private set; }

    /// <summary>Whether indented lines and blank lines continue the record.</summary>
    public bool IsContinuable =>
        _kind is PendingKind.Config or PendingKind.Actions or PendingKind.Unknown or PendingKind.UnknownWarning;

    public void Start(PendingKind kind, RawText line, ReadOnlySpan<char> message = default)
    {
        _kind = kind;
        _lines.Clear();
        _lines.Add(line);
        _timestamp = events.Timestamp;
        _pid = events.Process?.Pid ?? 0;
        _level = null;
        _message = null;

        switch (kind)
        {
            case PendingKind.Config:
                _json.Start().Int("pid", _pid);
                break;
            case PendingKind.Actions:
                _json.Start().Int("pid", _pid);
                _json.String("kind", "actions");
                break;
            case PendingKind.Statistics:
                _statisticsColumns.Clear();
                _statisticsRows.Clear();
                break;
            case PendingKind.FeatureStatistics:
                _featureRows.Clear();
                _featureMap = "all";
                break;
            case PendingKind.Unknown or PendingKind.UnknownWarning:
                var bytes = line.Span;
                _level = bytes.StartsWith("INFO "u8) ? "INFO"
                    : bytes.StartsWith("WARNING "u8) ? "WARNING"
                    : Encoding.UTF8.GetString(bytes[..bytes.IndexOf((byte)' ')]);
                _message = message.ToString();
                break;
        }
    }

    /// <summary>A continuation line (no prefix) of the pending record.</summary>
    public void AppendLine(RawText line, ReadOnlySpan<char> text, List<TelemetryEvent> output)
    {
        if (_lines.Count >= MaxLines)
        {
            // Bounded memory: emit what we have; the rest of an endless record is kept line by line.
            Flush(output);
            events.LogLine(line, output);
            return;
        }

        _lines.Add(line);
        switch (_kind)
        {
            case PendingKind.Config:
                AddConfigEntry(TrimIndent(text));
                break;
            case PendingKind.Actions:
                var action = TrimIndent(text);
                if (!action.IsEmpty)
                {
                    _json.StartArrayValue();
                    PythonLiterals.WriteStrings(_json, action);
                    _json.EndArray();
                }

                break;
        }
    }

    /// <summary>A record that continues the pending one: a statistics row, the reward dict after its header.</summary>
    public bool TryAppend(RawText line, ReadOnlySpan<char> message, int pid, List<TelemetryEvent> output)
    {
        if (pid != _pid || _lines.Count >= MaxLines)
        {
            return false;
        }

        switch (_kind)
        {
            case PendingKind.Statistics when TryAddStatisticsRow(message):
            case PendingKind.FeatureStatistics when TryAddFeatureRow(message):
                _lines.Add(line);
                return true;

            case PendingKind.RewardHeader when message.Length >= 2 && message[0] == '{' && message[^1] == '}':
                _lines.Add(line);
                var json = events.Start();
                json.Int("pid", _pid);
                json.String("kind", "reward_values");
                PythonLiterals.WriteRewardValues(json, message);
                Emit(output, EventType.Setup, json.Finish());
                return true;

            default:
                return false;
        }
    }

    public void Flush(List<TelemetryEvent> output)
    {
        switch (_kind)
        {
            case PendingKind.None:
                return;

            case PendingKind.Config:
                Emit(output, EventType.Config, _json.Finish());
                return;

            case PendingKind.Actions:
                _json.EndArray();
                Emit(output, EventType.Setup, _json.Finish());
                return;

            case PendingKind.RewardHeader:
            {
                var json = events.Start();
                json.Int("pid", _pid);
                json.String("kind", "reward_values");
                Emit(output, EventType.Setup, json.Finish());
                return;
            }

            case PendingKind.Statistics:
                Emit(output, EventType.Statistics, StatisticsPayload());
                return;

            case PendingKind.FeatureStatistics:
                Emit(output, EventType.Statistics, FeatureStatisticsPayload());
                return;

            case PendingKind.Traceback:
            {
                var raw = ArnoldEventWriter.JoinLines(_lines);
                var text = Encoding.UTF8.GetString(raw.Span);
                Crash = text;
                var json = events.Start();
                json.String("exception", ExceptionLine(text));
                json.String("traceback", text);
                Emit(output, EventType.Crash, json.Finish(), raw);
                return;
            }

            case PendingKind.Unknown or PendingKind.UnknownWarning:
            {
                var json = events.Start();
                json.Int("pid", _pid);
                json.String("level", _level);
                json.String("message", _message);
                if (_kind == PendingKind.Unknown)
                {
                    events.CountUnparsed(_lines.Count);
                    Emit(output, EventType.LogLine, json.Finish());
                }
                else
                {
                    Emit(output, EventType.Warning, json.Finish());
                }

                return;
            }
        }
    }

    private void Emit(List<TelemetryEvent> output, EventType type, string payload, RawText? raw = null)
    {
        var process = events.Find(_pid) ?? events.Process;
        raw ??= _lines.Count == 1 ? _lines[0] : ArnoldEventWriter.JoinLines(_lines);
        events.Emit(output, type, payload, raw.Value, process?.CurrentEpisode, process?.Iteration, _timestamp);
        _kind = PendingKind.None;
        _lines.Clear();
    }

    /// <summary>The last line of a traceback that is not indented: <c>AssertionError</c>, <c>RuntimeError: ...</c>.</summary>
    private static ReadOnlySpan<char> ExceptionLine(string traceback)
    {
        // From the last line back, down to (not including) the header line.
        var header = traceback.IndexOf('\n', StringComparison.Ordinal);
        var rest = header < 0 ? [] : traceback.AsSpan(header + 1);
        while (!rest.IsEmpty)
        {
            var lastBreak = rest.LastIndexOf('\n');
            var line = rest[(lastBreak + 1)..];
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                return line;
            }

            rest = lastBreak < 0 ? [] : rest[..lastBreak];
        }

        return [];
    }

    /// <summary>A continuation line without its indent (Arnold pads them to the message column with spaces).</summary>
    public static ReadOnlySpan<char> TrimIndent(ReadOnlySpan<char> line)
    {
        var start = line.IndexOfAnyExcept(' ');
        return start < 0 ? [] : line[start..].TrimEnd();
    }

    /// <summary>One <c>key: value</c> of the configuration dump, typed when the value is plainly a bool, None or numbers.</summary>
    public void AddConfigEntry(ReadOnlySpan<char> entry)
    {
        var colon = entry.IndexOf(':');
        if (colon <= 0)
        {
            return;
        }

        var key = entry[..colon].TrimEnd();
        var value = entry[(colon + 1)..].TrimStart();
        var json = _json;
        switch (value)
        {
            case "True":
                json.Bool(key, true);
                return;
            case "False":
                json.Bool(key, false);
                return;
            case "None":
                json.Null(key);
                return;
        }

        if (JsonText.IsNumber(value) || JsonText.IsNumberArray(value))
        {
            json.RawJson(key, value);
        }
        else
        {
            json.String(key, value);
        }
    }

    /// <summary>A line of the deathmatch statistics table: the blank line, the map header, or <c>Label: v1 v2 ...</c>.</summary>
    private bool TryAddStatisticsRow(ReadOnlySpan<char> message)
    {
        var text = message.Trim();
        if (text.IsEmpty)
        {
            return true;
        }

        var tokens = 0;
        var header = true;
        foreach (var range in text.Split(' '))
        {
            var token = text[range];
            if (token.IsEmpty)
            {
                continue;
            }

            tokens++;
            header &= token is "All" || (token.StartsWith("Map", StringComparison.Ordinal) && JsonText.IsDigits(token[3..]));
        }

        if (header && tokens > 0)
        {
            _statisticsColumns.Clear();
            foreach (var range in text.Split(' '))
            {
                if (!text[range].IsEmpty)
                {
                    _statisticsColumns.Add(text[range].ToString().ToLowerInvariant());
                }
            }

            return true;
        }

        var colon = text.LastIndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        var values = new List<string>();
        var valueText = text[(colon + 1)..];
        foreach (var range in valueText.Split(' '))
        {
            var value = valueText[range];
            if (value.IsEmpty)
            {
                continue;
            }

            if (!JsonText.IsNumber(value))
            {
                return false;
            }

            values.Add(value.ToString());
        }

        if (values.Count == 0)
        {
            return false;
        }

        _statisticsRows.Add((StatisticsKey(text[..colon].Trim()), [.. values]));
        return true;
    }

    private static string StatisticsKey(ReadOnlySpan<char> label) => label switch
    {
        "Frags/m" => "frags_pm",
        "Frags/m (r)" => "frags_pm_r",
        "K/D" => "k_d",
        "BFG9000" => "bfg9000",
        _ => JsonText.ToSnakeCase(label),
    };

    private string StatisticsPayload()
    {
        var json = events.Start();
        json.Int("pid", _pid);
        json.String("kind", "game");
        json.StartObject("maps");
        var columns = _statisticsColumns.Count > 0 ? _statisticsColumns : ["all"];
        for (var column = 0; column < columns.Count; column++)
        {
            json.StartObject(columns[column]);
            foreach (var (key, values) in _statisticsRows)
            {
                if (column < values.Length)
                {
                    json.Number(key, values[column]);
                }
            }

            json.EndObject();
        }

        json.EndObject();
        return json.Finish();
    }

    /// <summary>A line of the game-features confusion summary: <c>MapNN</c>, <c>All maps</c>, or <c>i ||| P: n ||| TP: ...</c>.</summary>
    private bool TryAddFeatureRow(ReadOnlySpan<char> message)
    {
        var text = message.Trim();
        if (text is "All maps")
        {
            _featureMap = "all";
            return true;
        }

        if (text.StartsWith("Map", StringComparison.Ordinal) && JsonText.IsDigits(text[3..]))
        {
            _featureMap = text.ToString().ToLowerInvariant();
            return true;
        }

        if (text.Length > 0 && char.IsAsciiDigit(text[0]) && text.Contains("|||", StringComparison.Ordinal))
        {
            _featureRows.Add((_featureMap, text.ToString()));
            return true;
        }

        return false;
    }

    private string FeatureStatisticsPayload()
    {
        var json = events.Start();
        json.Int("pid", _pid);
        json.String("kind", "game_features");
        json.StartObject("maps");
        string? map = null;
        foreach (var (rowMap, row) in _featureRows)
        {
            if (rowMap != map)
            {
                if (map is not null)
                {
                    json.EndArray();
                }

                json.StartArray(rowMap);
                map = rowMap;
            }

            json.StartObjectValue();
            var first = true;
            foreach (var partRange in row.AsSpan().Split("|||"))
            {
                var part = row.AsSpan()[partRange].Trim();
                if (first)
                {
                    json.Number("feature", part);
                    first = false;
                    continue;
                }

                foreach (var pairRange in part.Split(" - "))
                {
                    var pair = part[pairRange];
                    var colon = pair.IndexOf(':');
                    if (colon > 0)
                    {
                        json.Number(FeatureKey(pair[..colon].Trim()), pair[(colon + 1)..].Trim());
                    }
                }
            }

            json.EndObject();
        }

        if (map is not null)
        {
            json.EndArray();
        }

        json.EndObject();
        return json.Finish();
    }

    private static string FeatureKey(ReadOnlySpan<char> label) => label switch
    {
        "P" => "positives",
        "TP" => "tp",
        "FP" => "fp",
        "FN" => "fn",
        "TN" => "tn",
        "Pre" => "precision",
        "Rec" => "recall",
        "F" => "f1",
        _ => JsonText.ToSnakeCase(label),
    };
}
