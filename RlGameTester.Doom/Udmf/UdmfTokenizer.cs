using System.Globalization;
using System.Text;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Udmf;

/// <summary>
/// Splits UDMF text into tokens following the grammar of UDMF 1.1: identifiers, integers (decimal, octal-looking
/// and 0x hex), floats, quoted strings with backslash escapes, keywords, the four punctuation marks, and
/// C-style comments, which are skipped.
/// </summary>
internal sealed class UdmfTokenizer
{
    private readonly string text;
    private int position;
    private int line = 1;

    public UdmfTokenizer(string text)
    {
        this.text = text;
    }

    public UdmfToken Next()
    {
        SkipWhitespaceAndComments();
        if (position >= text.Length)
        {
            return new UdmfToken(UdmfTokenKind.End, string.Empty, 0, line);
        }

        var c = text[position];
        switch (c)
        {
            case '{':
                position++;
                return new UdmfToken(UdmfTokenKind.OpenBrace, "{", 0, line);
            case '}':
                position++;
                return new UdmfToken(UdmfTokenKind.CloseBrace, "}", 0, line);
            case '=':
                position++;
                return new UdmfToken(UdmfTokenKind.Equals, "=", 0, line);
            case ';':
                position++;
                return new UdmfToken(UdmfTokenKind.Semicolon, ";", 0, line);
            case '"':
                return ReadString();
        }

        if (char.IsAsciiLetter(c) || c == '_')
        {
            var start = position;
            while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '_'))
            {
                position++;
            }

            // An identifier glued to other keyword characters (e.g. "abc-def") is a keyword as a whole.
            if (position < text.Length && IsKeywordChar(text[position]))
            {
                return ReadKeyword(start);
            }

            return new UdmfToken(UdmfTokenKind.Identifier, text[start..position], 0, line);
        }

        if (char.IsAsciiDigit(c) || c is '+' or '-' or '.')
        {
            return ReadNumber();
        }

        if (IsKeywordChar(c))
        {
            return ReadKeyword(position);
        }

        throw Error($"unexpected character '{Printable(c)}'");
    }

    public WadFormatException Error(string message) => new($"line {line}: {message}");

    private void SkipWhitespaceAndComments()
    {
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '\n')
            {
                line++;
                position++;
            }
            else if (char.IsWhiteSpace(c) || c == '\0')
            {
                position++;
            }
            else if (c == '/' && position + 1 < text.Length && text[position + 1] == '/')
            {
                while (position < text.Length && text[position] != '\n')
                {
                    position++;
                }
            }
            else if (c == '/' && position + 1 < text.Length && text[position + 1] == '*')
            {
                var startLine = line;
                position += 2;
                while (true)
                {
                    if (position + 1 >= text.Length)
                    {
                        throw new WadFormatException($"line {startLine}: a /* comment is never closed");
                    }

                    if (text[position] == '*' && text[position + 1] == '/')
                    {
                        position += 2;
                        break;
                    }

                    if (text[position] == '\n')
                    {
                        line++;
                    }

                    position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private UdmfToken ReadString()
    {
        var startLine = line;
        position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (position >= text.Length)
            {
                throw new WadFormatException($"line {startLine}: a quoted string is never closed");
            }

            var c = text[position++];
            if (c == '"')
            {
                return new UdmfToken(UdmfTokenKind.String, builder.ToString(), 0, startLine);
            }

            if (c == '\\' && position < text.Length)
            {
                c = text[position++];
            }

            if (c == '\n')
            {
                line++;
            }

            builder.Append(c);
        }
    }

    private UdmfToken ReadNumber()
    {
        var start = position;
        if (text[position] is '+' or '-')
        {
            position++;
        }

        var isHex = position + 1 < text.Length && text[position] == '0' && text[position + 1] is 'x' or 'X';
        if (isHex)
        {
            position += 2;
            var digitsStart = position;
            while (position < text.Length && char.IsAsciiHexDigit(text[position]))
            {
                position++;
            }

            if (position == digitsStart || (position < text.Length && IsKeywordChar(text[position])))
            {
                return ReadKeyword(start);
            }

            var negative = text[start] == '-';
            if (!ulong.TryParse(text.AsSpan(digitsStart, position - digitsStart), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            {
                throw Error($"the number {text[start..position]} is too large");
            }

            return new UdmfToken(UdmfTokenKind.Integer, text[start..position], negative ? -(double)hex : hex, line);
        }

        var sawDigit = false;
        var isFloat = false;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
            sawDigit = true;
        }

        if (position < text.Length && text[position] == '.')
        {
            isFloat = true;
            position++;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
                sawDigit = true;
            }
        }

        if (sawDigit && position < text.Length && text[position] is 'e' or 'E')
        {
            var save = position;
            position++;
            if (position < text.Length && text[position] is '+' or '-')
            {
                position++;
            }

            var expStart = position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }

            if (position == expStart)
            {
                position = save;
            }
            else
            {
                isFloat = true;
            }
        }

        if (!sawDigit || (position < text.Length && IsKeywordChar(text[position])))
        {
            return ReadKeyword(start);
        }

        var span = text.AsSpan(start, position - start);
        if (!double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ||
            double.IsInfinity(value))
        {
            throw Error($"the number {span} cannot be read");
        }

        return new UdmfToken(isFloat ? UdmfTokenKind.Float : UdmfTokenKind.Integer, span.ToString(), value, line);
    }

    private UdmfToken ReadKeyword(int start)
    {
        position = start;
        while (position < text.Length && IsKeywordChar(text[position]))
        {
            position++;
        }

        return new UdmfToken(UdmfTokenKind.Keyword, text[start..position], 0, line);
    }

    // keyword := [^{}();"'\n\t ]+ ; '=' is excluded too so that "a=b" still splits.
    private static bool IsKeywordChar(char c) =>
        c is not ('{' or '}' or '(' or ')' or ';' or '"' or '\'' or '=' or '/') && !char.IsWhiteSpace(c) && c != '\0';

    private static string Printable(char c) => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString();
}
