using System.Globalization;
using System.Text;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Udmf;

/// <summary>
/// Splits UDMF text into tokens the way GZDoom's scanner reads a TEXTMAP: identifiers, integers (decimal, 0-led octal
/// and 0x hex, with C's u/l suffixes), floats (with an f suffix), quoted strings with backslash escapes, keywords (any
/// other run of characters, and single-quoted names), the four punctuation marks, and C-style comments, which are
/// skipped. Every character tokenizes: what a token means is the parser's business. Only an unclosed string and a
/// token beyond <see cref="MaxTokenLength"/> are errors; a /* comment left open swallows the rest of the text, as in
/// GZDoom, and is remembered in <see cref="UnclosedCommentLine"/>.
/// </summary>
internal sealed class UdmfTokenizer
{
    /// <summary>The longest token read (1 MiB of characters): no UDMF value comes near, and it bounds a hostile file.</summary>
    public const int MaxTokenLength = 1 << 20;

    private readonly string text;
    private int position;
    private int line = 1;

    public UdmfTokenizer(string text)
    {
        this.text = text;
    }

    /// <summary>The line of a /* comment never closed (the text ends inside it), or null.</summary>
    public int? UnclosedCommentLine { get; private set; }

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
            case '\'':
                return ReadQuotedName();
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

            CheckLength(start);
            return new UdmfToken(UdmfTokenKind.Identifier, text[start..position], 0, line);
        }

        if (char.IsAsciiDigit(c) || c is '+' or '-' or '.')
        {
            return ReadNumber();
        }

        return ReadKeyword(position);
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
                SkipBlockComment();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipBlockComment()
    {
        var startLine = line;
        position += 2;
        while (position < text.Length)
        {
            if (text[position] == '*' && position + 1 < text.Length && text[position + 1] == '/')
            {
                position += 2;
                return;
            }

            if (text[position] == '\n')
            {
                line++;
            }

            position++;
        }

        // GZDoom's scanner ends the text inside the comment; whether that is harmless depends on where it happens.
        UnclosedCommentLine = startLine;
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

            if (builder.Length >= MaxTokenLength)
            {
                throw new WadFormatException($"line {startLine}: a quoted string is longer than {MaxTokenLength} characters");
            }

            builder.Append(c);
        }
    }

    // GZDoom reads 'name' as one token; an unmatched quote is a token of its own.
    private UdmfToken ReadQuotedName()
    {
        var start = position;
        var end = position + 1;
        while (end < text.Length && text[end] is not ('\'' or '\n'))
        {
            end++;
        }

        position = end < text.Length && text[end] == '\'' ? end + 1 : start + 1;
        CheckLength(start);
        return new UdmfToken(UdmfTokenKind.Keyword, text[start..position], 0, line);
    }

    private UdmfToken ReadNumber()
    {
        var start = position;
        if (text[position] is '+' or '-')
        {
            position++;
        }

        var negative = text[start] == '-';
        var isHex = position + 1 < text.Length && text[position] == '0' && text[position + 1] is 'x' or 'X';
        if (isHex)
        {
            position += 2;
            var digitsStart = position;
            while (position < text.Length && char.IsAsciiHexDigit(text[position]))
            {
                position++;
            }

            var digitsEnd = position;
            SkipIntegerSuffix();
            if (digitsEnd == digitsStart || (position < text.Length && IsKeywordChar(text[position])))
            {
                return ReadKeyword(start);
            }

            CheckLength(start);
            var hex = ulong.TryParse(text.AsSpan(digitsStart, digitsEnd - digitsStart), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : double.PositiveInfinity;
            return new UdmfToken(UdmfTokenKind.Integer, text[start..position], negative ? -hex : hex, line);
        }

        var bodyStart = position;
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

        var bodyEnd = position;
        if (isFloat)
        {
            if (position < text.Length && text[position] is 'f' or 'F')
            {
                position++;
            }
        }
        else
        {
            SkipIntegerSuffix();
        }

        if (!sawDigit || (position < text.Length && IsKeywordChar(text[position])))
        {
            return ReadKeyword(start);
        }

        CheckLength(start);
        var body = text.AsSpan(bodyStart, bodyEnd - bodyStart);
        double value;
        if (!isFloat && body.Length > 1 && body[0] == '0')
        {
            value = Octal(body);
        }
        else
        {
            // Too many digits give infinity, which the level reader reports as a value out of range.
            value = double.Parse(body, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        }

        return new UdmfToken(isFloat ? UdmfTokenKind.Float : UdmfTokenKind.Integer, text[start..position], negative ? -value : value, line);
    }

    // A 0-led integer is octal in UDMF 1.1 and in both ports' scanners; like C's strtol, reading stops at an 8 or 9.
    private static double Octal(ReadOnlySpan<char> digits)
    {
        double value = 0;
        foreach (var d in digits)
        {
            if (d > '7')
            {
                break;
            }

            value = (value * 8) + (d - '0');
        }

        return value;
    }

    // C's integer suffixes (u, l, ul, ll...), which GZDoom's scanner accepts and ignores.
    private void SkipIntegerSuffix()
    {
        for (var i = 0; i < 2 && position < text.Length && text[position] is 'u' or 'U' or 'l' or 'L'; i++)
        {
            position++;
        }
    }

    private UdmfToken ReadKeyword(int start)
    {
        position = start;
        while (position < text.Length && IsKeywordChar(text[position]))
        {
            position++;
        }

        // A character that cannot be part of a keyword ('(', ')', a lone '/') is a token of its own.
        if (position == start)
        {
            position++;
        }

        CheckLength(start);
        return new UdmfToken(UdmfTokenKind.Keyword, text[start..position], 0, line);
    }

    private void CheckLength(int start)
    {
        if (position - start > MaxTokenLength)
        {
            throw Error($"a token is longer than {MaxTokenLength} characters");
        }
    }

    // keyword := [^{}();"'\n\t ]+ ; '=' and '/' are excluded too so that "a=b" still splits and comments start anywhere.
    private static bool IsKeywordChar(char c) =>
        c is not ('{' or '}' or '(' or ')' or ';' or '"' or '\'' or '=' or '/') && !char.IsWhiteSpace(c) && c != '\0';
}
