namespace RlGameTester.Worker.Agents.Arnold;

/// <summary>The level of a record, as far as the parser tells them apart.</summary>
internal enum RecordLevel
{
    Info,
    Warning,
    Other,
}

/// <summary>A record's prefix: its level, its writer's pid, and where its message starts.</summary>
internal readonly record struct RecordPrefix(RecordLevel Level, int Pid, int MessageStart);

/// <summary>
/// Reads the prefix of Arnold's records, keeping the clock and elapsed time of the last one (a line that merely looks
/// like a record never moves them).
/// </summary>
internal sealed class RecordPrefixReader(DateTime fallbackTimestamp)
{
    // "MM/DD/YY HH:MM:SS": Python's time.strftime('%x %X') in the C locale.
    private const int ClockLength = 17;

    // The last record's clock (timestamps are cached: consecutive records usually share their second).
    private readonly char[] _clock = new char[ClockLength];
    private bool _hasClock;

    private RecordPrefix _lastPrefix;
    private char[] _lastPrefixText = new char[64];

    /// <summary>The last record's wall clock, read as UTC (the fallback before any record).</summary>
    public DateTime Timestamp { get; private set; } = fallbackTimestamp;

    /// <summary>The last record's elapsed time (Arnold's <c>H:MM:SS</c> / <c>1 day, H:MM:SS</c> column).</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>
    /// Reads <c>LEVEL [PID] - MM/DD/YY HH:MM:SS - ELAPSED - message</c> without regular expressions; on success
    /// the record's timestamp and elapsed time become the current ones.
    /// </summary>
    public bool TryRead(ReadOnlySpan<char> span, out RecordPrefix prefix)
    {
        // Consecutive records very often share their whole prefix (same process, same second): reuse its parse.
        var cachedLength = _lastPrefix.MessageStart;
        if (cachedLength > 0 && span.Length >= cachedLength && span[..cachedLength].SequenceEqual(_lastPrefixText.AsSpan(0, cachedLength)))
        {
            prefix = _lastPrefix;
            return true;
        }

        if (!TryReadSlow(span, out prefix))
        {
            return false;
        }

        // Only a prefix that ends with " - " identifies its message start on its own.
        if (prefix.MessageStart < span.Length || span.EndsWith(" - ", StringComparison.Ordinal))
        {
            if (_lastPrefixText.Length < prefix.MessageStart)
            {
                _lastPrefixText = new char[Math.Max(prefix.MessageStart, 64)];
            }

            span[..prefix.MessageStart].CopyTo(_lastPrefixText);
            _lastPrefix = prefix;
        }
        else
        {
            _lastPrefix = default;
        }

        return true;
    }

    private bool TryReadSlow(ReadOnlySpan<char> span, out RecordPrefix prefix)
    {
        prefix = default;

        // LEVEL: upper-case letters, then " [".
        var i = 0;
        while (i < span.Length && char.IsAsciiLetterUpper(span[i]))
        {
            i++;
        }

        if (i == 0 || i + 2 >= span.Length || span[i] != ' ' || span[i + 1] != '[')
        {
            return false;
        }

        var level = span[..i] switch
        {
            "INFO" => RecordLevel.Info,
            "WARNING" => RecordLevel.Warning,
            _ => RecordLevel.Other,
        };

        // [PID]
        i += 2;
        var pid = 0;
        var pidStart = i;
        while (i < span.Length && char.IsAsciiDigit(span[i]) && i - pidStart < 10)
        {
            pid = (pid * 10) + (span[i] - '0');
            i++;
        }

        if (i == pidStart || !span[i..].StartsWith("] - ", StringComparison.Ordinal))
        {
            return false;
        }

        // MM/DD/YY HH:MM:SS
        i += 4;
        if (span.Length < i + ClockLength + 3)
        {
            return false;
        }

        var clock = span.Slice(i, ClockLength);
        var sameClock = _hasClock && clock.SequenceEqual(_clock);
        var timestamp = Timestamp;
        if (!sameClock && !TryParseClock(clock, out timestamp))
        {
            return false;
        }

        i += ClockLength;
        if (span[i] != ' ' || span[i + 1] != '-' || span[i + 2] != ' ')
        {
            return false;
        }

        // ELAPSED, then " - " and the message (which may be empty, with or without its trailing space).
        i += 3;
        var rest = span[i..];
        var end = FastElapsedEnd(rest);
        if (end < 0)
        {
            end = rest.IndexOf(" - ", StringComparison.Ordinal);
        }

        int messageStart;
        if (end >= 0)
        {
            messageStart = i + end + 3;
        }
        else if (rest.EndsWith(" -", StringComparison.Ordinal))
        {
            end = rest.Length - 2;
            messageStart = span.Length;
        }
        else
        {
            return false;
        }

        if (!TryParseElapsed(rest[..end], out var elapsed))
        {
            return false;
        }

        // Commit only now: a line that merely looks like a record must not move the clock.
        if (!sameClock)
        {
            clock.CopyTo(_clock);
            _hasClock = true;
            Timestamp = timestamp;
        }

        Elapsed = elapsed;
        prefix = new RecordPrefix(level, pid, messageStart);
        return true;
    }

    /// <summary>Where <c>H:MM:SS - </c> or <c>HH:MM:SS - </c> ends, without searching; -1 for anything else.</summary>
    private static int FastElapsedEnd(ReadOnlySpan<char> rest)
    {
        if (rest.Length >= 10 && rest[1] == ':' && rest[4] == ':' && rest[7] == ' ' && rest[8] == '-' && rest[9] == ' ')
        {
            return 7;
        }

        if (rest.Length >= 11 && rest[2] == ':' && rest[5] == ':' && rest[8] == ' ' && rest[9] == '-' && rest[10] == ' ')
        {
            return 8;
        }

        return -1;
    }

    private static bool TryParseClock(ReadOnlySpan<char> clock, out DateTime timestamp)
    {
        timestamp = default;
        if (clock[2] != '/' || clock[5] != '/' || clock[8] != ' ' || clock[11] != ':' || clock[14] != ':'
            || !TwoDigits(clock, 0, out var month) || !TwoDigits(clock, 3, out var day) || !TwoDigits(clock, 6, out var year)
            || !TwoDigits(clock, 9, out var hour) || !TwoDigits(clock, 12, out var minute) || !TwoDigits(clock, 15, out var second))
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2000 + year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        timestamp = new DateTime(2000 + year, month, day, hour, minute, second, DateTimeKind.Utc);
        return true;
    }

    /// <summary><c>H:MM:SS</c>, or Python's <c>timedelta</c> past a day: <c>1 day, H:MM:SS</c>, <c>3 days, H:MM:SS</c>.</summary>
    private static bool TryParseElapsed(ReadOnlySpan<char> text, out TimeSpan elapsed)
    {
        elapsed = default;
        var days = 0;
        var comma = text.IndexOf(", ", StringComparison.Ordinal);
        if (comma >= 0)
        {
            var dayPart = text[..comma];
            var space = dayPart.IndexOf(' ');
            if (space <= 0 || !JsonText.TryParseInt(dayPart[..space], out days) || days < 0
                || !(dayPart[(space + 1)..] is "day" or "days"))
            {
                return false;
            }

            text = text[(comma + 2)..];
        }

        // H:MM:SS (hours have one or two digits).
        var colon = text.IndexOf(':');
        if (colon is < 1 or > 2 || text.Length != colon + 6 || text[colon + 3] != ':'
            || !JsonText.TryParseInt(text[..colon], out var hours)
            || !TwoDigits(text, colon + 1, out var minutes) || !TwoDigits(text, colon + 4, out var seconds)
            || minutes > 59 || seconds > 59)
        {
            return false;
        }

        elapsed = new TimeSpan(days, hours, minutes, seconds);
        return true;
    }

    private static bool TwoDigits(ReadOnlySpan<char> text, int at, out int value)
    {
        var tens = text[at] - '0';
        var units = text[at + 1] - '0';
        value = (tens * 10) + units;
        return (uint)tens <= 9 && (uint)units <= 9;
    }
}
