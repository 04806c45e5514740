using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Udmf;

/// <summary>
/// Reads a TEXTMAP one top-level statement at a time, so a level reader can turn each block into a map element and
/// drop it. Grammar, as the ports read it: a name (any word or number: GZDoom's scanner takes <c>1</c> as a key) then
/// <c>= value ;</c> or a <c>{ ... }</c> block. Inside a block stray ';' are skipped, a key assigned twice keeps its
/// last value, a block nested under a key is skipped whole, and a value of several tokens up to the ';' is kept as
/// <see cref="UdmfValueKind.Malformed"/> (dsda-doom skips such values under keys it does not read; the level reader
/// decides). Everything else is a <see cref="WadFormatException"/> naming the line: no port loads it.
/// Work is bounded: at most <see cref="MaxBlocks"/> blocks, <see cref="MaxFieldsPerBlock"/> keys in one block,
/// blocks nested <see cref="MaxNesting"/> deep, and tokens of <see cref="UdmfTokenizer.MaxTokenLength"/> characters.
/// </summary>
internal sealed class UdmfParser
{
    /// <summary>
    /// Dozens of times the blocks of large released maps (about 50,000 in the largest TEXTMAPs of a 200-level sample;
    /// a map with 300,000 lines would have about 1.2 million); a hostile text of tiny blocks stops here.
    /// </summary>
    public const int MaxBlocks = 2_000_000;

    /// <summary>GZDoom knows about 120 keys for a sector, its largest block; a block with thousands is not a map.</summary>
    public const int MaxFieldsPerBlock = 4096;

    public const int MaxNesting = 256;

    // Malformed values keep this much of their text: enough for a message.
    private const int MalformedTextLength = 80;

    private readonly UdmfTokenizer _tokens;
    private readonly int _maxBlocks;
    private UdmfToken? _pushedBack;
    private int _blocks;

    /// <param name="text">The TEXTMAP.</param>
    /// <param name="maxBlocks">At most this many blocks (tests lower it).</param>
    public UdmfParser(string text, int maxBlocks = MaxBlocks)
    {
        _tokens = new UdmfTokenizer(text);
        _maxBlocks = maxBlocks;
    }

    /// <summary>The line of a /* comment the text ends in (harmless after the last block), or null.</summary>
    public int? UnclosedCommentLine => _tokens.UnclosedCommentLine;

    /// <summary>Reads the next statement; false at the end of the text.</summary>
    /// <exception cref="WadFormatException">The text breaks the grammar or a limit; the message gives the line.</exception>
    public bool Next(out UdmfStatement statement)
    {
        var token = Read();
        if (token.Kind == UdmfTokenKind.End)
        {
            statement = default;
            return false;
        }

        if (!IsName(token))
        {
            throw _tokens.Error($"expected a block name or a global assignment, found {Describe(token)}");
        }

        var name = token.Text.ToLowerInvariant();
        var after = Read();
        if (after.Kind == UdmfTokenKind.Equals)
        {
            statement = new UdmfStatement(name, token.Line, ReadValueAndSemicolon(name), null);
            return true;
        }

        if (after.Kind == UdmfTokenKind.OpenBrace)
        {
            if (++_blocks > _maxBlocks)
            {
                throw _tokens.Error($"the text holds more than {_maxBlocks} blocks");
            }

            statement = new UdmfStatement(name, token.Line, default, ReadBlock(name, token.Line));
            return true;
        }

        throw _tokens.Error($"expected '=' or '{{' after \"{Shorten(token.Text)}\", found {Describe(after)}");
    }

    private UdmfBlock ReadBlock(string name, int line)
    {
        var fields = new Dictionary<string, UdmfValue>(StringComparer.Ordinal);
        List<string>? duplicates = null;
        List<string>? nested = null;
        while (true)
        {
            var token = Read();
            switch (token.Kind)
            {
                case UdmfTokenKind.CloseBrace:
                    return new UdmfBlock(name, line, fields, duplicates, nested);
                case UdmfTokenKind.End:
                    throw NeverClosed(name, line);
                case UdmfTokenKind.Semicolon:
                    // "assignment_expr := ... | nil": tolerate stray semicolons.
                    continue;
            }

            if (!IsName(token))
            {
                throw _tokens.Error($"expected a field name in the {name} block, found {Describe(token)}");
            }

            var key = token.Text.ToLowerInvariant();
            var after = Read();
            if (after.Kind == UdmfTokenKind.OpenBrace)
            {
                SkipNestedBlock(key, token.Line);
                (nested ??= []).Add(key);
                continue;
            }

            if (after.Kind != UdmfTokenKind.Equals)
            {
                throw _tokens.Error($"expected '=' after \"{Shorten(token.Text)}\", found {Describe(after)}");
            }

            var value = ReadValueAndSemicolon(key);
            if (!fields.TryAdd(key, value))
            {
                fields[key] = value;
                (duplicates ??= []).Add(key);
            }
            else if (fields.Count > MaxFieldsPerBlock)
            {
                throw _tokens.Error($"the {name} block opened on line {line} holds more than {MaxFieldsPerBlock} different keys");
            }
        }
    }

    private void SkipNestedBlock(string name, int line)
    {
        var depth = 1;
        while (depth > 0)
        {
            var token = Read();
            switch (token.Kind)
            {
                case UdmfTokenKind.OpenBrace when ++depth > MaxNesting:
                    throw _tokens.Error($"blocks are nested more than {MaxNesting} deep");
                case UdmfTokenKind.CloseBrace:
                    depth--;
                    break;
                case UdmfTokenKind.End:
                    throw NeverClosed(name, line);
            }
        }
    }

    private UdmfValue ReadValueAndSemicolon(string key)
    {
        var token = Read();
        UdmfValue value;
        if (token.Kind == UdmfTokenKind.Keyword && token.Text is "+" or "-" && Peek() is { Kind: UdmfTokenKind.Integer or UdmfTokenKind.Float } number)
        {
            // GZDoom takes a sign and a number apart ("- 5") as one signed number.
            Read();
            var sign = token.Text == "-" ? -1 : 1;
            value = new UdmfValue(number.Kind == UdmfTokenKind.Integer ? UdmfValueKind.WholeNumber : UdmfValueKind.Fraction, sign * number.Number, null, token.Line);
        }
        else
        {
            value = token.Kind switch
            {
                UdmfTokenKind.Integer => new UdmfValue(UdmfValueKind.WholeNumber, token.Number, null, token.Line),
                UdmfTokenKind.Float => new UdmfValue(UdmfValueKind.Fraction, token.Number, null, token.Line),
                UdmfTokenKind.String => new UdmfValue(UdmfValueKind.Text, 0, token.Text, token.Line),
                UdmfTokenKind.Identifier or UdmfTokenKind.Keyword => Keyword(token),
                _ => throw _tokens.Error($"expected a value for \"{Shorten(key)}\", found {Describe(token)}"),
            };
        }

        var next = Read();
        if (next.Kind == UdmfTokenKind.Semicolon)
        {
            return value;
        }

        if (next.Kind is UdmfTokenKind.OpenBrace or UdmfTokenKind.CloseBrace or UdmfTokenKind.End)
        {
            throw _tokens.Error($"expected ';' after the value of \"{Shorten(key)}\", found {Describe(next)}");
        }

        return ReadMalformedRest(key, value.Line, next);
    }

    // Several tokens before the ';': keep the start of the extra ones for the message.
    private UdmfValue ReadMalformedRest(string key, int line, UdmfToken first)
    {
        var text = new System.Text.StringBuilder(first.Kind == UdmfTokenKind.String ? $"\"{first.Text}\"" : first.Text);
        while (true)
        {
            var token = Read();
            if (token.Kind == UdmfTokenKind.Semicolon)
            {
                return new UdmfValue(UdmfValueKind.Malformed, 0, Shorten(text.ToString(), MalformedTextLength), line);
            }

            if (token.Kind is UdmfTokenKind.OpenBrace or UdmfTokenKind.CloseBrace or UdmfTokenKind.End)
            {
                throw _tokens.Error($"expected ';' after the value of \"{Shorten(key)}\", found {Describe(first)}");
            }

            if (text.Length < MalformedTextLength)
            {
                text.Append(' ').Append(token.Kind == UdmfTokenKind.String ? $"\"{token.Text}\"" : token.Text);
            }
        }
    }

    private static UdmfValue Keyword(UdmfToken token)
    {
        if (string.Equals(token.Text, "true", StringComparison.OrdinalIgnoreCase))
        {
            return new UdmfValue(UdmfValueKind.Boolean, 1, null, token.Line);
        }

        if (string.Equals(token.Text, "false", StringComparison.OrdinalIgnoreCase))
        {
            return new UdmfValue(UdmfValueKind.Boolean, 0, null, token.Line);
        }

        return new UdmfValue(UdmfValueKind.Keyword, 0, token.Text, token.Line);
    }

    // GZDoom reads a key as any run of non-punctuation characters, digits first included, and a quoted one too.
    private static bool IsName(UdmfToken token) => token.Kind is
        UdmfTokenKind.Identifier or UdmfTokenKind.Keyword or UdmfTokenKind.Integer or UdmfTokenKind.Float or UdmfTokenKind.String;

    private UdmfToken Read()
    {
        if (_pushedBack is { } token)
        {
            _pushedBack = null;
            return token;
        }

        return _tokens.Next();
    }

    private UdmfToken Peek() => _pushedBack ??= _tokens.Next();

    private WadFormatException NeverClosed(string name, int line) => _tokens.UnclosedCommentLine is { } comment
        ? new WadFormatException($"line {line}: the {Shorten(name)} block opened on line {line} is never closed with '}}' (a /* comment opened on line {comment} runs to the end)")
        : _tokens.Error($"the {Shorten(name)} block opened on line {line} is never closed with '}}'");

    private static string Describe(UdmfToken token) => token.Kind switch
    {
        UdmfTokenKind.End => "the end of the text",
        UdmfTokenKind.String => $"the string \"{Shorten(token.Text)}\"",
        _ => $"\"{Shorten(token.Text)}\"",
    };

    internal static string Shorten(string text, int length = 40) => text.Length <= length ? text : text[..length] + "...";
}
