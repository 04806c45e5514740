using RawText = System.ReadOnlyMemory<byte>;
using System.Text;
using RlGameTester.Data.Events;

namespace RlGameTester.Worker.Arnold;

internal sealed partial class ArnoldLogParser
{
    /// <summary>The multi-line record being assembled.</summary>
    private enum PendingKind
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

    private readonly List<RawText> _pendingLines = [];
    private readonly JsonPayloadWriter _pendingJson = new();
    private readonly List<string> _statisticsColumns = [];
    private readonly List<(string Key, string[] Values)> _statisticsRows = [];
    private readonly List<(string Map, string Row)> _featureRows = [];
    private string _featureMap = "all";
    private PendingKind _pending;
    private DateTime _pendingTimestamp;
    private int _pendingPid;
    private string? _pendingLevel;
    private string? _pendingMessage;

    private static bool IsContinuable(PendingKind kind) =>
        kind is PendingKind.Config or PendingKind.Actions or PendingKind.Unknown or PendingKind.UnknownWarning;

    private void StartPending(PendingKind kind, RawText line, ReadOnlySpan<char> message = default)
    {
        _pending = kind;
        _pendingLines.Clear();
        _pendingLines.Add(line);
        _pendingTimestamp = _timestamp;
        _pendingPid = _process?.Pid ?? 0;
        _pendingLevel = null;
        _pendingMessage = null;

        switch (kind)
        {
            case PendingKind.Config:
                _pendingJson.Start().Int("pid", _pendingPid);
                break;
            case PendingKind.Actions:
                _pendingJson.Start().Int("pid", _pendingPid);
                _pendingJson.String("kind", "actions");
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
                _pendingLevel = bytes.StartsWith("INFO "u8) ? "INFO"
                    : bytes.StartsWith("WARNING "u8) ? "WARNING"
                    : Encoding.UTF8.GetString(bytes[..bytes.IndexOf((byte)' ')]);
                _pendingMessage = message.ToString();
                break;
        }
    }

    /// <summary>A continuation line (no prefix) of the pending record.</summary>
    private void AppendPendingLine(RawText line, ReadOnlySpan<char> text, List<TelemetryEvent> output)
    {
        if (_pendingLines.Count >= MaxPendingLines)
        {
            // Bounded memory: emit what we have; the rest of an endless record is kept line by line.
            FlushPending(output);
            EmitLogLine(line, output);
            return;
        }

        _pendingLines.Add(line);
        switch (_pending)
        {
            case PendingKind.Config:
                AddConfigEntry(TrimIndent(text));
                break;
            case PendingKind.Actions:
                var action = TrimIndent(text);
                if (!action.IsEmpty)
                {
                    _pendingJson.StartArrayValue();
                    WritePythonStrings(_pendingJson, action);
                    _pendingJson.EndArray();
                }

                break;
        }
    }

    /// <summary>A record that continues the pending one: a statistics row, the reward dict after its header.</summary>
    private bool TryAppendToPending(RawText line, ReadOnlySpan<char> message, int pid, List<TelemetryEvent> output)
    {
        if (pid != _pendingPid || _pendingLines.Count >= MaxPendingLines)
        {
            return false;
        }

        switch (_pending)
        {
            case PendingKind.Statistics when TryAddStatisticsRow(message):
            case PendingKind.FeatureStatistics when TryAddFeatureRow(message):
                _pendingLines.Add(line);
                return true;

            case PendingKind.RewardHeader when message.Length >= 2 && message[0] == '{' && message[^1] == '}':
                _pendingLines.Add(line);
                var json = _json.Start();
                json.Int("pid", _pendingPid);
                json.String("kind", "reward_values");
                WriteRewardValues(json, message);
                EmitPending(output, EventType.Setup, json.Finish());
                return true;

            default:
                return false;
        }
    }

    private void FlushPending(List<TelemetryEvent> output)
    {
        switch (_pending)
        {
            case PendingKind.None:
                return;

            case PendingKind.Config:
                EmitPending(output, EventType.Config, _pendingJson.Finish());
                return;

            case PendingKind.Actions:
                _pendingJson.EndArray();
                EmitPending(output, EventType.Setup, _pendingJson.Finish());
                return;

            case PendingKind.RewardHeader:
            {
                var json = _json.Start();
                json.Int("pid", _pendingPid);
                json.String("kind", "reward_values");
                EmitPending(output, EventType.Setup, json.Finish());
                return;
            }

            case PendingKind.Statistics:
                EmitPending(output, EventType.Statistics, StatisticsPayload());
                return;

            case PendingKind.FeatureStatistics:
                EmitPending(output, EventType.Statistics, FeatureStatisticsPayload());
                return;

            case PendingKind.Traceback:
            {
                var raw = JoinLines(_pendingLines);
                var text = Encoding.UTF8.GetString(raw.Span);
                Crash = text;
                var json = _json.Start();
                json.String("exception", ExceptionLine(text));
                json.String("traceback", text);
                EmitPending(output, EventType.Crash, json.Finish(), raw);
                return;
            }

            case PendingKind.Unknown or PendingKind.UnknownWarning:
            {
                var json = _json.Start();
                json.Int("pid", _pendingPid);
                json.String("level", _pendingLevel);
                json.String("message", _pendingMessage);
                if (_pending == PendingKind.Unknown)
                {
                    UnparsedLines += _pendingLines.Count;
                    EmitPending(output, EventType.LogLine, json.Finish());
                }
                else
                {
                    EmitPending(output, EventType.Warning, json.Finish());
                }

                return;
            }
        }
    }

    private void EmitPending(List<TelemetryEvent> output, EventType type, string payload, RawText? raw = null)
    {
        var process = _processes.GetValueOrDefault(_pendingPid) ?? _process;
        raw ??= _pendingLines.Count == 1 ? _pendingLines[0] : JoinLines(_pendingLines);
        Emit(output, type, payload, raw.Value, process?.CurrentEpisode, process?.Iteration, _pendingTimestamp);
        _pending = PendingKind.None;
        _pendingLines.Clear();
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
    private static ReadOnlySpan<char> TrimIndent(ReadOnlySpan<char> line)
    {
        var start = line.IndexOfAnyExcept(' ');
        return start < 0 ? [] : line[start..].TrimEnd();
    }

    /// <summary>One <c>key: value</c> of the configuration dump, typed when the value is plainly a bool, None or numbers.</summary>
    private void AddConfigEntry(ReadOnlySpan<char> entry)
    {
        var colon = entry.IndexOf(':');
        if (colon <= 0)
        {
            return;
        }

        var key = entry[..colon].TrimEnd();
        var value = entry[(colon + 1)..].TrimStart();
        var json = _pendingJson;
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
        var json = _json.Start();
        json.Int("pid", _pendingPid);
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
        var json = _json.Start();
        json.Int("pid", _pendingPid);
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
