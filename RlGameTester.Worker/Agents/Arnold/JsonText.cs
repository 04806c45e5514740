namespace RlGameTester.Worker.Agents.Arnold;

/// <summary>Span helpers for the text Arnold prints: JSON-number checks and integer parsing without allocations.</summary>
internal static class JsonText
{
    /// <summary>True when <paramref name="text"/> is a JSON number (<c>-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?</c>).</summary>
    public static bool IsNumber(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
        {
            return false;
        }

        if (text[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    /// <summary>True for a Python list of numbers that is also a JSON array (<c>[1, 0, 2]</c>, <c>[]</c>).</summary>
    public static bool IsNumberArray(ReadOnlySpan<char> text)
    {
        if (text.Length < 2 || text[0] != '[' || text[^1] != ']')
        {
            return false;
        }

        var inner = text[1..^1].Trim();
        if (inner.IsEmpty)
        {
            return true;
        }

        foreach (var range in inner.Split(','))
        {
            if (!IsNumber(inner[range].Trim()))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="text"/> is one or more ASCII digits (<c>07</c> in <c>Map07</c>).</summary>
    public static bool IsDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');

    /// <summary>Parses an optionally negative decimal integer that fills <paramref name="text"/> exactly.</summary>
    public static bool TryParseInt(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        var negative = false;
        var i = 0;
        if (text.Length > 0 && text[0] == '-')
        {
            negative = true;
            i = 1;
        }

        if (i >= text.Length || text.Length - i > 9)
        {
            return false;
        }

        var result = 0;
        for (; i < text.Length; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            result = (result * 10) + digit;
        }

        value = negative ? -result : result;
        return true;
    }

    /// <summary>Parses <c>(a -> b)</c> with integer values, as Arnold prints health, armor and ammo changes.</summary>
    public static bool TryParseChange(ReadOnlySpan<char> text, out int oldValue, out int newValue)
    {
        oldValue = newValue = 0;
        if (text.Length < 8 || text[0] != '(' || text[^1] != ')')
        {
            return false;
        }

        // The first " -> " ends the old value, which has no space in it: it ends at its first character that is
        // not a digit (after an optional sign), and that must be where the arrow starts.
        var inner = text[1..^1];
        var arrow = inner.Length > 0 && inner[0] == '-' ? 1 : 0;
        while (arrow < inner.Length && char.IsAsciiDigit(inner[arrow]))
        {
            arrow++;
        }

        return arrow > 0
            && inner[arrow..].StartsWith(" -> ", StringComparison.Ordinal)
            && TryParseInt(inner[..arrow], out oldValue)
            && TryParseInt(inner[(arrow + 4)..], out newValue);
    }

    /// <summary>Turns a label (<c>RocketLauncher</c>, <c>K/D</c>, <c>BASE_REWARD</c>) into a snake_case key.</summary>
    public static string ToSnakeCase(ReadOnlySpan<char> label)
    {
        Span<char> buffer = stackalloc char[Math.Min(label.Length * 2, 256)];
        var length = 0;
        var previousWasSeparator = true;
        for (var i = 0; i < label.Length && length < buffer.Length - 1; i++)
        {
            var c = label[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (char.IsAsciiLetterUpper(c) && !previousWasSeparator && i > 0 && char.IsAsciiLetterLower(label[i - 1]))
                {
                    buffer[length++] = '_';
                }

                buffer[length++] = char.ToLowerInvariant(c);
                previousWasSeparator = false;
            }
            else if (!previousWasSeparator)
            {
                buffer[length++] = '_';
                previousWasSeparator = true;
            }
        }

        while (length > 0 && buffer[length - 1] == '_')
        {
            length--;
        }

        return new string(buffer[..length]);
    }
}
