using System.Buffers;
using System.Globalization;

namespace RlGameTester.Worker.Agents.Arnold;

/// <summary>
/// Writes the small, flat JSON payloads of parsed log events straight into a reused char buffer.
/// The parser produces one payload per log line, so this avoids the writer/encoder/transcoding
/// allocations of <c>Utf8JsonWriter</c>: one string per payload is the only allocation.
/// Numbers copied from the log are written verbatim when they are valid JSON numbers, so a loss of
/// <c>0.11225</c> stays exactly that; anything else (Python's <c>nan</c>, <c>inf</c>) becomes a string.
/// </summary>
internal sealed class JsonPayloadWriter
{
    private static readonly SearchValues<char> NeedsEscape = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private char[] _buffer = new char[512];
    private int _length;
    private bool _needsComma;

    /// <summary>Starts a new top-level object, discarding anything written before.</summary>
    public JsonPayloadWriter Start()
    {
        _length = 0;
        Append('{');
        _needsComma = false;
        return this;
    }

    /// <summary>Starts a new top-level object with text already known to be valid JSON members (<c>{"pid":12</c>).</summary>
    public JsonPayloadWriter Start(string openingMembers)
    {
        _length = 0;
        AppendRaw(openingMembers);
        _needsComma = true;
        return this;
    }

    /// <summary>
    /// Starts a new top-level object with text that ends with a member's name and colon (<c>{"pid":12,"iteration":</c>),
    /// built once by the caller: that member's value is written next.
    /// </summary>
    public JsonPayloadWriter StartBeforeValue(string openingText)
    {
        _length = 0;
        AppendRaw(openingText);
        _needsComma = false;
        return this;
    }

    /// <summary>Closes the top-level object and returns its text.</summary>
    public string Finish()
    {
        Append('}');
        return new string(_buffer, 0, _length);
    }

    public void Int(string name, long value)
    {
        Name(name);
        AppendInt(value);
        _needsComma = true;
    }

    public void Bool(ReadOnlySpan<char> name, bool value)
    {
        Name(name);
        AppendRaw(value ? "true" : "false");
        _needsComma = true;
    }

    public void Null(ReadOnlySpan<char> name)
    {
        Name(name);
        AppendRaw("null");
        _needsComma = true;
    }

    public void String(string name, ReadOnlySpan<char> value)
    {
        Name(name);
        AppendString(value);
        _needsComma = true;
    }

    public void String(ReadOnlySpan<char> name, ReadOnlySpan<char> value)
    {
        Name(name);
        AppendString(value);
        _needsComma = true;
    }

    /// <summary>A number as the log printed it; a string when it is not a valid JSON number (<c>nan</c>).</summary>
    public void Number(string name, ReadOnlySpan<char> text)
    {
        Name(name);
        NumberValue(text);
    }

    /// <summary>Text already known to be valid JSON (an array of numbers, a JSON object from the log).</summary>
    public void RawJson(ReadOnlySpan<char> name, ReadOnlySpan<char> json)
    {
        Name(name);
        AppendRaw(json);
        _needsComma = true;
    }

    public void StartObject(ReadOnlySpan<char> name)
    {
        Name(name);
        Append('{');
        _needsComma = false;
    }

    public void EndObject()
    {
        Append('}');
        _needsComma = true;
    }

    public void StartArray(ReadOnlySpan<char> name)
    {
        Name(name);
        Append('[');
        _needsComma = false;
    }

    public void StartArrayValue()
    {
        Comma();
        Append('[');
        _needsComma = false;
    }

    public void StartObjectValue()
    {
        Comma();
        Append('{');
        _needsComma = false;
    }

    public void EndArray()
    {
        Append(']');
        _needsComma = true;
    }

    public void StringValue(ReadOnlySpan<char> value)
    {
        Comma();
        AppendString(value);
        _needsComma = true;
    }

    public void IntValue(long value)
    {
        Comma();
        AppendInt(value);
        _needsComma = true;
    }

    public void NumberValue(ReadOnlySpan<char> text)
    {
        Comma();
        if (JsonText.IsNumber(text))
        {
            AppendRaw(text);
        }
        else
        {
            AppendString(text);
        }

        _needsComma = true;
    }

    /// <summary>A property name from data (a config key, a table label): escaped.</summary>
    private void Name(ReadOnlySpan<char> name)
    {
        Comma();
        AppendString(name);
        Append(':');
        _needsComma = false;
    }

    /// <summary>A property name from the code (<c>"old"</c>, <c>"pid"</c>): plain ASCII, written without escaping.</summary>
    private void Name(string name)
    {
        Ensure(name.Length + 4);
        var buffer = _buffer;
        var length = _length;
        if (_needsComma)
        {
            buffer[length++] = ',';
        }

        buffer[length++] = '"';
        name.CopyTo(buffer.AsSpan(length));
        length += name.Length;
        buffer[length++] = '"';
        buffer[length++] = ':';
        _length = length;
        _needsComma = false;
    }

    private void Comma()
    {
        if (_needsComma)
        {
            Append(',');
        }
    }

    private void AppendString(ReadOnlySpan<char> value)
    {
        Ensure(value.Length + 2);
        _buffer[_length++] = '"';
        if (!value.ContainsAny(NeedsEscape))
        {
            value.CopyTo(_buffer.AsSpan(_length));
            _length += value.Length;
        }
        else
        {
            AppendEscaped(value);
        }

        Append('"');
    }

    private void AppendEscaped(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    AppendRaw("\\\"");
                    break;
                case '\\':
                    AppendRaw("\\\\");
                    break;
                case '\n':
                    AppendRaw("\\n");
                    break;
                case '\r':
                    AppendRaw("\\r");
                    break;
                case '\t':
                    AppendRaw("\\t");
                    break;
                case < ' ':
                    AppendRaw("\\u00");
                    Append(HexDigit(c >> 4));
                    Append(HexDigit(c & 0xF));
                    break;
                default:
                    Append(c);
                    break;
            }
        }
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);

    private void AppendInt(long value)
    {
        Ensure(20);
        if (value < 0 && value > -1_000_000_000)
        {
            // Negative deltas are common (lost health): sign, then the fast path below.
            _buffer[_length++] = '-';
            value = -value;
        }

        if ((ulong)value >= 1_000_000_000)
        {
            value.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
            _length += written;
            return;
        }

        // Small non-negative values (pids, health, iterations): digits by hand, no culture lookups.
        var number = (uint)value;
        var digits = number < 10 ? 1 : number < 100 ? 2 : number < 1000 ? 3 : number < 10_000 ? 4 : number < 100_000 ? 5
            : number < 1_000_000 ? 6 : number < 10_000_000 ? 7 : number < 100_000_000 ? 8 : 9;
        var end = _length + digits;
        var buffer = _buffer;
        for (var i = end - 1; i >= _length; i--)
        {
            buffer[i] = (char)('0' + (number % 10));
            number /= 10;
        }

        _length = end;
    }

    private void AppendRaw(ReadOnlySpan<char> text)
    {
        Ensure(text.Length);
        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    private void Append(char c)
    {
        Ensure(1);
        _buffer[_length++] = c;
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length)
        {
            return;
        }

        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + extra));
    }
}
