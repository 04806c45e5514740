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

    private readonly string _text;
    private int _position;
    private int _line = 1;

    public UdmfTokenizer(string text)
    {
        _text = text;
    }

    /// <summary>The line of a /* comment never closed (the text ends inside it), or null.</summary>
    public int? UnclosedCommentLine { get; private set; }

    public UdmfToken Next()
    {
        SkipWhitespaceAndComments();
        if (_position >= _text.Length)
        {
            return new UdmfToken(UdmfTokenKind.End, string.Empty, 0, _line);
        }

        var c = _text[_position];
        switch (c)
        {
            case '{':
                _position++;
                return new UdmfToken(UdmfTokenKind.OpenBrace, "{", 0, _line);
            case '}':
                _position++;
                return new UdmfToken(UdmfTokenKind.CloseBrace, "}", 0, _line);
            case '=':
                _position++;
                return new UdmfToken(UdmfTokenKind.Equals, "=", 0, _line);
            case ';':
                _position++;
                return new UdmfToken(UdmfTokenKind.Semicolon, ";", 0, _line);
            case '"':
                return ReadString();
            case '\'':
                return ReadQuotedName();
        }

        if (char.IsAsciiLetter(c) || c == '_')
        {
            var start = _position;
            while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] == '_'))
            {
                _position++;
            }

            // An identifier glued to other keyword characters (e.g. "abc-def") is a keyword as a whole.
            if (_position < _text.Length && IsKeywordChar(_text[_position]))
            {
                return ReadKeyword(start);
            }

            CheckLength(start);
            return new UdmfToken(UdmfTokenKind.Identifier, _text[start.._position], 0, _line);
        }

        if (char.IsAsciiDigit(c) || c is '+' or '-' or '.')
        {
            return ReadNumber();
        }

        return ReadKeyword(_position);
    }

    public WadFormatException Error(string message) => new($"line {_line}: {message}");

    private void SkipWhitespaceAndComments()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '\n')
            {
                _line++;
                _position++;
            }
            else if (char.IsWhiteSpace(c) || c == '\0')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
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
        var startLine = _line;
        _position += 2;
        while (_position < _text.Length)
        {
            if (_text[_position] == '*' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                _position += 2;
                return;
            }

            if (_text[_position] == '\n')
            {
                _line++;
            }

            _position++;
        }

        // GZDoom's scanner ends the text inside the comment; whether that is harmless depends on where it happens.
        UnclosedCommentLine = startLine;
    }

    private UdmfToken ReadString()
    {
        var startLine = _line;
        _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw new WadFormatException($"line {startLine}: a quoted string is never closed");
            }

            var c = _text[_position++];
            if (c == '"')
            {
                return new UdmfToken(UdmfTokenKind.String, builder.ToString(), 0, startLine);
            }

            if (c == '\\' && _position < _text.Length)
            {
                c = _text[_position++];
            }

            if (c == '\n')
            {
                _line++;
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
        var start = _position;
        var end = _position + 1;
        while (end < _text.Length && _text[end] is not ('\'' or '\n'))
        {
            end++;
        }

        _position = end < _text.Length && _text[end] == '\'' ? end + 1 : start + 1;
        CheckLength(start);
        return new UdmfToken(UdmfTokenKind.Keyword, _text[start.._position], 0, _line);
    }

    private UdmfToken ReadNumber()
    {
        var start = _position;
        if (_text[_position] is '+' or '-')
        {
            _position++;
        }

        var negative = _text[start] == '-';
        var isHex = _position + 1 < _text.Length && _text[_position] == '0' && _text[_position + 1] is 'x' or 'X';
        if (isHex)
        {
            _position += 2;
            var digitsStart = _position;
            while (_position < _text.Length && char.IsAsciiHexDigit(_text[_position]))
            {
                _position++;
            }

            var digitsEnd = _position;
            SkipIntegerSuffix();
            if (digitsEnd == digitsStart || (_position < _text.Length && IsKeywordChar(_text[_position])))
            {
                return ReadKeyword(start);
            }

            CheckLength(start);
            var hex = ulong.TryParse(_text.AsSpan(digitsStart, digitsEnd - digitsStart), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : double.PositiveInfinity;
            return new UdmfToken(UdmfTokenKind.Integer, _text[start.._position], negative ? -hex : hex, _line);
        }

        var bodyStart = _position;
        var sawDigit = false;
        var isFloat = false;
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
            sawDigit = true;
        }

        if (_position < _text.Length && _text[_position] == '.')
        {
            isFloat = true;
            _position++;
            while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
            {
                _position++;
                sawDigit = true;
            }
        }

        if (sawDigit && _position < _text.Length && _text[_position] is 'e' or 'E')
        {
            var save = _position;
            _position++;
            if (_position < _text.Length && _text[_position] is '+' or '-')
            {
                _position++;
            }

            var expStart = _position;
            while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
            {
                _position++;
            }

            if (_position == expStart)
            {
                _position = save;
            }
            else
            {
                isFloat = true;
            }
        }

        var bodyEnd = _position;
        if (isFloat)
        {
            if (_position < _text.Length && _text[_position] is 'f' or 'F')
            {
                _position++;
            }
        }
        else
        {
            SkipIntegerSuffix();
        }

        if (!sawDigit || (_position < _text.Length && IsKeywordChar(_text[_position])))
        {
            return ReadKeyword(start);
        }

        CheckLength(start);
        var body = _text.AsSpan(bodyStart, bodyEnd - bodyStart);
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

        return new UdmfToken(isFloat ? UdmfTokenKind.Float : UdmfTokenKind.Integer, _text[start.._position], negative ? -value : value, _line);
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
        for (var i = 0; i < 2 && _position < _text.Length && _text[_position] is 'u' or 'U' or 'l' or 'L'; i++)
        {
            _position++;
        }
    }

    private UdmfToken ReadKeyword(int start)
    {
        _position = start;
        while (_position < _text.Length && IsKeywordChar(_text[_position]))
        {
            _position++;
        }

        // A character that cannot be part of a keyword ('(', ')', a lone '/') is a token of its own.
        if (_position == start)
        {
            _position++;
        }

        CheckLength(start);
        return new UdmfToken(UdmfTokenKind.Keyword, _text[start.._position], 0, _line);
    }

    private void CheckLength(int start)
    {
        if (_position - start > MaxTokenLength)
        {
            throw Error($"a token is longer than {MaxTokenLength} characters");
        }
    }

    // keyword := [^{}();"'\n\t ]+ ; '=' and '/' are excluded too so that "a=b" still splits and comments start anywhere.
    private static bool IsKeywordChar(char c) =>
        c is not ('{' or '}' or '(' or ')' or ';' or '"' or '\'' or '=' or '/') && !char.IsWhiteSpace(c) && c != '\0';
}
